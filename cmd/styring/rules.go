package main

import (
	"context"
	"flag"
	"io"
	"slices"

	"github.com/baerum/styring/output"
)

func runRules(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", output.FormatTable, "output format: table, json or markdown")
	pf := addPolicyFlags(fs, "rules", "title language for the table: nb or en", "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	switch {
	case len(rest) > 0:
		eprintf(stderr, "styring rules: unexpected argument %q\n", rest[0])
		return exitUsage
	case !slices.Contains(output.RuleFormats, *format):
		eprintf(stderr, "styring rules: --format %q is not one of %v\n", *format, output.RuleFormats)
		return exitUsage
	}
	lang, ok := pf.validate(stderr)
	if !ok {
		return exitUsage
	}
	rev, ok := pf.load(ctx, stderr)
	if !ok {
		return exitRuntime
	}
	if err := output.WriteRules(stdout, rev.Rules(), *format, lang); err != nil {
		eprintf(stderr, "styring rules: %v\n", err)
		return exitRuntime
	}
	return exitOK
}
