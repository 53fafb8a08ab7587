package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"

	"github.com/baerum/styring/internal/parallel"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/output"
	"github.com/baerum/styring/policies"
)

func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", output.FormatTable, "output format: table, json, junit or sarif")
	pf := addPolicyFlags(fs, "check", "message language: nb or en", "as-of date YYYY-MM-DD (default: each file's submitted_at, else today)")
	failOnWarn := fs.Bool("fail-on-warn", false, "exit 1 also when a file has a warning")
	jobs := fs.Int("jobs", runtime.GOMAXPROCS(0), "files checked in parallel")
	fs.Usage = func() {
		eprintln(stderr, "Usage: styring check [flags] FILE... | -")
		eprintln(stderr, "Exit status: 0 nothing blocks, 1 a file has an error (or a warning with --fail-on-warn), 2 usage error or unreadable file.")
		fs.PrintDefaults()
	}
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	switch {
	case len(files) == 0:
		eprintln(stderr, "styring check: no file given (use - for standard input)")
		return exitUsage
	case !slices.Contains(output.CheckFormats, *format):
		eprintf(stderr, "styring check: --format %q is not one of %v\n", *format, output.CheckFormats)
		return exitUsage
	}
	lang, ok := pf.validate(stderr)
	if !ok {
		return exitUsage
	}
	if *jobs < 1 {
		eprintln(stderr, "styring check: --jobs must be at least 1")
		return exitUsage
	}
	rev, ok := pf.load(ctx, stderr)
	if !ok {
		return exitRuntime
	}
	results, err := checkFiles(ctx, rev, files, stdin, policies.CheckOptions{AsOf: pf.date(), Lang: lang}, *jobs)
	if err != nil {
		eprintf(stderr, "styring check: %v\n", err)
		return exitRuntime
	}
	if err := output.WriteCheck(stdout, results, output.CheckOptions{
		Format: *format, Lang: lang, FailOnWarn: *failOnWarn, Rules: rev.Rules(), Version: version,
	}); err != nil {
		eprintf(stderr, "styring check: %v\n", err)
		return exitRuntime
	}
	code := exitOK
	for _, r := range results {
		if r.Err != nil {
			eprintf(stderr, "styring check: %s: %s\n", r.File, r.Err.Message)
			code = exitUsage
		} else if code == exitOK && r.Failed(*failOnWarn) {
			code = exitFailed
		}
	}
	return code
}

// checkFiles checks the files on jobs workers; the results keep the order given.
func checkFiles(ctx context.Context, rev *policies.Revision, files []string, stdin io.Reader, opts policies.CheckOptions, jobs int) ([]output.FileResult, error) {
	results := make([]output.FileResult, len(files))
	var stdinRaw []byte
	if slices.Contains(files, "-") {
		raw, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		stdinRaw = raw
	}
	type checked struct {
		fr  output.FileResult
		err error
	}
	outs := parallel.Map(ctx, jobs, files, func(ctx context.Context, _ int, file string) checked {
		fr, err := checkFile(ctx, rev, file, stdinRaw, opts)
		return checked{fr, err}
	})
	var firstErr error
	for i, o := range outs {
		results[i] = o.fr
		if firstErr == nil {
			firstErr = o.err
		}
	}
	return results, firstErr
}

// checkFile reads, parses and checks one file. A file that can't be read or
// parsed is a result with Err; only an engine fault is returned as an error.
func checkFile(ctx context.Context, rev *policies.Revision, name string, stdinRaw []byte, opts policies.CheckOptions) (output.FileResult, error) {
	fr := output.FileResult{File: name}
	raw := stdinRaw
	if name != "-" {
		var err error
		raw, err = os.ReadFile(name)
		if err != nil {
			fr.Err = models.Errorf(models.EINVALID, "cannot read: %v", unwrapPathError(err))
			return fr, nil
		}
	}
	fr.Source = raw // for the renderer: lines and columns, fingerprints
	doc, err := policies.ParseDocument(raw)
	if err != nil {
		var me *models.Error
		if errors.As(err, &me) {
			fr.Err = me
			return fr, nil
		}
		return fr, err
	}
	res, err := rev.Check(ctx, doc, opts)
	if err != nil {
		return fr, fmt.Errorf("%s: %w", name, err)
	}
	fr.Result = &res
	return fr, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func envOr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}
