// Command styring-bench is Styring's side-by-side benchmark, run from the
// repository (go run ./cmd/styring-bench): it builds opa of the version in
// go.mod and styring, starts `opa run --server`, `styring serve` and a
// decode-only Gin handler (the limit of the machine) on 127.0.0.1, drives them
// with the same distinct proposals at each concurrency and prints the figures
// side by side (docs/performance.md). It is a command of its own so that the
// harness is not linked into the production binary, cmd/styring.
//
// `styring-bench serve-limit` is the limit server itself, run by the benchmark
// as a process of its own so that it is measured like the others. This package
// only parses flags and wires internal/bench, which does the work.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/baerum/styring/internal/bench"
	"github.com/baerum/styring/internal/textout"
)

// Exit codes, those of styring.
const (
	exitOK      = 0 // the run finished and its figures are written
	exitUsage   = 2 // bad flags or arguments, or not run inside the repository
	exitRuntime = 3 // a build, a server or the run failed
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the benchmark, or with serve-limit first the limit server.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "serve-limit" {
		return runLimit(ctx, args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("styring-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		eprintln(stderr, "Usage: styring-bench [flags]   (from the repository: go run ./cmd/styring-bench)")
		eprintln(stderr, "Builds opa (the version in go.mod) and styring, starts both servers and a decode-only Gin limit on 127.0.0.1,")
		eprintln(stderr, "drives them with the same distinct proposals at each concurrency and prints the figures side by side.")
		fs.PrintDefaults()
	}
	jsonOut := fs.String("json", "", "also write every figure as JSON to this file (top-level ratio_vs_opa, ratio_vs_limit)")
	mdOut := fs.String("markdown", "", "also write the tables as Markdown to this file")
	duration := fs.Duration("duration", 5*time.Second, "length of each measured load run")
	warmup := fs.Duration("warmup", time.Second, "unmeasured load before each run")
	maxRequests := fs.Int("max-requests", 0, "at most this many requests a run (0: the duration alone bounds it)")
	conns := fs.String("connections", "1,8,32", "concurrencies (connections) to measure, comma-separated")
	batchSize := fs.Int("batch-size", 1000, "proposals in each POST /api/v1/check/batch")
	batchRounds := fs.Int("batch-rounds", 3, "batch requests, one after the other (0: none)")
	engineTime := fs.Duration("engine-time", time.Second, "testing.Benchmark time of each document in-process")
	quick := fs.Bool("quick", false, "a run of about a minute: --duration 1s --warmup 250ms --batch-rounds 1 --engine-time 200ms (flags given explicitly win)")
	examples := fs.String("examples", "", "the example initiatives (default: testdata/examples of the repository)")
	dbURL := fs.String("database", os.Getenv("STYRING_DATABASE_URL"), "a postgres:// URL to benchmark on PostgreSQL (a schema of its own, dropped after); else a SQLite file of the run's own (env STYRING_DATABASE_URL)")
	timeout := fs.Duration("timeout", 9*time.Minute+30*time.Second, "the whole run is stopped after this long")
	keep := fs.Bool("keep", false, "keep the work directory (binaries, server logs)")
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	if fs.NArg() > 0 {
		eprintf(stderr, "styring-bench: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *quick {
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		quickly := func(name string, apply func()) {
			if !set[name] {
				apply()
			}
		}
		quickly("duration", func() { *duration = time.Second })
		quickly("warmup", func() { *warmup = 250 * time.Millisecond })
		quickly("batch-rounds", func() { *batchRounds = 1 })
		quickly("engine-time", func() { *engineTime = 200 * time.Millisecond })
	}
	concurrency, err := parseConnections(*conns)
	if err != nil || *duration <= 0 || *batchSize < 1 || *batchRounds < 0 || *engineTime <= 0 {
		eprintf(stderr, "styring-bench: --connections wants positive counts like 1,8,32, and --duration, --batch-size and --engine-time positive values\n")
		return exitUsage
	}
	repo, err := bench.ModuleRoot(".")
	if err != nil {
		eprintf(stderr, "styring-bench: %v\n", err)
		return exitUsage
	}
	if *examples == "" {
		*examples = filepath.Join(repo, "testdata", "examples")
	}
	db := ""
	if bench.IsPostgresURL(*dbURL) {
		db = *dbURL
	}

	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	rep, err := bench.Run(ctx, bench.Config{
		Repo: repo, Examples: *examples, Database: db,
		Duration: *duration, Warmup: *warmup, MaxRequests: *maxRequests, Concurrency: concurrency,
		BatchSize: *batchSize, BatchRounds: *batchRounds, EngineTime: *engineTime,
		Command: commandLine(args, db), Log: stderr, Keep: *keep,
	})
	if err != nil {
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			eprintf(stderr, "styring-bench: stopped after --timeout %v: %v\n", *timeout, err)
		case errors.Is(err, context.Canceled):
			eprintln(stderr, "styring-bench: interrupted; the servers are stopped")
		default:
			eprintf(stderr, "styring-bench: %v\n", err)
		}
		return exitRuntime
	}
	// A failure to print the table fails the command, but the files asked for
	// are still written: they keep the figures of a run that took minutes.
	code := exitOK
	out := textout.New(stdout)
	out.Println()
	if err := rep.WriteTable(out); err != nil {
		eprintf(stderr, "styring-bench: %v\n", err)
		code = exitRuntime
	}
	for _, file := range []struct {
		path  string
		write func(string) error
	}{
		{*jsonOut, rep.WriteJSON},
		{*mdOut, func(p string) error {
			f, err := os.Create(p)
			if err != nil {
				return err
			}
			return errors.Join(rep.WriteMarkdown(f), f.Close())
		}},
	} {
		if file.path == "" {
			continue
		}
		if err := file.write(file.path); err != nil {
			eprintf(stderr, "styring-bench: %v\n", err)
			return exitRuntime
		}
		eprintf(stderr, "wrote %s\n", file.path)
	}
	return code
}

// runLimit is `styring-bench serve-limit --addr A`, the limit server (left out
// of the help: the benchmark starts it, see bench.StartLimit).
func runLimit(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("styring-bench serve-limit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:0", "listen address (loopback)")
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	if err := bench.ServeLimit(ctx, *addr, stdout); err != nil {
		eprintf(stderr, "styring-bench serve-limit: %v\n", err)
		return exitRuntime
	}
	return exitOK
}

func parseConnections(s string) ([]int, error) {
	var out []int
	for part := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 1 || n > 1024 {
			return nil, fmt.Errorf("connections %q", part)
		}
		out = append(out, n)
	}
	return out, nil
}

// commandLine is how this run can be repeated, for the report (a password in
// the database URL is masked).
func commandLine(args []string, db string) string {
	cmd := "go run ./cmd/styring-bench"
	if len(args) > 0 {
		cmd += " " + strings.Join(args, " ")
	}
	if db != "" && !strings.Contains(cmd, "--database") {
		if u, err := url.Parse(db); err == nil {
			db = u.Redacted()
		}
		cmd = "STYRING_DATABASE_URL='" + db + "' " + cmd
	}
	return cmd
}

// flagError turns a flag parse error into an exit code: help is not an error.
func flagError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

// eprintf and eprintln write diagnostics and usage to stderr, dropping the
// write error on purpose, as styring does: stderr is where a failure would be
// reported, so a failure to write there has nowhere left to go.
func eprintf(stderr io.Writer, format string, a ...any) {
	_, _ = fmt.Fprintf(stderr, format, a...)
}

func eprintln(stderr io.Writer, a ...any) {
	_, _ = fmt.Fprintln(stderr, a...)
}
