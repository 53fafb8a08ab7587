// Command styring is the one binary of Styring: it checks initiatives against the
// rule catalog from the command line, lists the catalog, and serves the HTTP API.
// This package only parses flags and wires the other packages together.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/baerum/styring/models/gormstore"
)

// Exit codes shared by every subcommand.
const (
	exitOK      = 0 // nothing blocks
	exitFailed  = 1 // a checked document has an error (or a warning with --fail-on-warn)
	exitUsage   = 2 // bad flags or arguments, or an input that can't be read or parsed
	exitRuntime = 3 // the engine or a service failed
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"check", "check initiatives (JSON files or - for stdin) against the rules", runCheck},
		{"rules", "list the rule catalog", runRules},
		{"report", "the compliance report of initiatives in files (no database)", runReport},
		{"serve", "serve the HTTP API (PostgreSQL or embedded SQLite)", runServe},
		{"migrate", "apply the database migrations (--status to list them)", runMigrate},
		{"token", "create, list or revoke API tokens", runToken},
		{"version", "print the version", func(_ context.Context, _ []string, _ io.Reader, stdout, stderr io.Writer) int {
			if _, err := fmt.Fprintln(stdout, "styring", version); err != nil {
				eprintf(stderr, "styring version: %v\n", err)
				return exitRuntime
			}
			return exitOK
		}},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdin, stdout, stderr)
		}
	}
	eprintf(stderr, "styring: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(stderr io.Writer) {
	eprintln(stderr, "Usage: styring <command> [flags] [args]")
	eprintln(stderr, "\nCommands:")
	for _, c := range commands() {
		eprintf(stderr, "  %-10s %s\n", c.name, c.summary)
	}
	eprintln(stderr, "\nRun 'styring <command> -h' for a command's flags.")
}

// eprintf and eprintln write diagnostics and usage to stderr. They drop the
// write error on purpose: stderr is where a command reports what went wrong, so
// a failure to write there has nowhere left to be reported (errcheck's defaults
// treat fmt.Fprint*(os.Stderr) alike). What a command is asked for goes to
// stdout, and its write errors are checked.
func eprintf(stderr io.Writer, format string, a ...any) {
	_, _ = fmt.Fprintf(stderr, format, a...)
}

func eprintln(stderr io.Writer, a ...any) {
	_, _ = fmt.Fprintln(stderr, a...)
}

// closeStore closes the database when a command is done with it. The command's
// outcome is settled by then, so a failure to close is reported, not turned into
// another exit status.
func closeStore(store *gormstore.Store, stderr io.Writer, cmd string) {
	if err := store.Close(); err != nil {
		eprintf(stderr, "%s: %v\n", cmd, err)
	}
}

// parseInterspersed parses flags that may stand before, between or after the
// positional arguments (styring check a.json --format json), and returns the positionals.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
		if positional[len(positional)-1] == "--" {
			positional = append(positional[:len(positional)-1], args...)
			return positional, nil
		}
	}
}

// flagError turns a flag parse error into an exit code: help is not an error.
func flagError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}
