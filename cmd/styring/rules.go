package main

import (
	"context"
	"flag"
	"io"
	"slices"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/output"
	"github.com/baerum/styring/policies"
)

func runRules(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", output.FormatTable, "output format: table, json or markdown")
	langFlag := fs.String("lang", "nb", "title language for the table: nb or en")
	policyDir := fs.String("policies", envOr("STYRING_POLICIES", ""), "policy directory or OPA bundle (.tar.gz); default: the embedded policies")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	lang, ok := models.ParseLang(*langFlag)
	switch {
	case len(rest) > 0:
		eprintf(stderr, "styring rules: unexpected argument %q\n", rest[0])
		return exitUsage
	case !slices.Contains(output.RuleFormats, *format):
		eprintf(stderr, "styring rules: --format %q is not one of %v\n", *format, output.RuleFormats)
		return exitUsage
	case !ok:
		eprintf(stderr, "styring rules: --lang %q is not nb or en\n", *langFlag)
		return exitUsage
	}
	rev, err := policies.Load(ctx, policies.Source{Location: *policyDir})
	if err != nil {
		eprintf(stderr, "styring rules: %v\n", err)
		return exitRuntime
	}
	if err := output.WriteRules(stdout, rev.Rules(), *format, lang); err != nil {
		eprintf(stderr, "styring rules: %v\n", err)
		return exitRuntime
	}
	return exitOK
}
