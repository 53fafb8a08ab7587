package main

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"net/url"
	"strings"

	"github.com/baerum/styring/internal/textout"
	"github.com/baerum/styring/models/gormstore"
)

func runMigrate(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbURL := fs.String("database", envOr("STYRING_DATABASE_URL", "./styring.db"), "postgres:// URL or SQLite file (env STYRING_DATABASE_URL)")
	status := fs.Bool("status", false, "list the migrations and whether they are applied, change nothing")
	if _, err := parseInterspersed(fs, args); err != nil {
		return flagError(err)
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	store, err := gormstore.Open(ctx, *dbURL, gormstore.Options{Logger: log})
	if err != nil {
		eprintf(stderr, "styring migrate: %v\n", err)
		return exitRuntime
	}
	defer closeStore(store, stderr, "styring migrate")
	if !*status {
		if err := store.Migrate(ctx); err != nil {
			eprintf(stderr, "styring migrate: %v\n", err)
			return exitRuntime
		}
	}
	states, err := store.MigrationStatus(ctx)
	if err != nil {
		eprintf(stderr, "styring migrate: %v\n", err)
		return exitRuntime
	}
	out := textout.New(stdout)
	out.Printf("database: %s\n", describeDatabase(*dbURL))
	tw := out.Table(0, 4, 2, ' ', 0)
	tw.Println("VERSION\tSTATE\tAPPLIED AT\tNAME")
	for _, m := range states {
		state, at := "pending", ""
		if m.Applied {
			state, at = "applied", m.AppliedAt.UTC().Format("2006-01-02 15:04:05")
		}
		if m.Unknown {
			state = "unknown (newer release)"
		}
		tw.Printf("%d\t%s\t%s\t%s\n", m.Version, state, at, m.Name)
	}
	tw.Flush()
	if err := out.Err(); err != nil {
		eprintf(stderr, "styring migrate: %v\n", err)
		return exitRuntime
	}
	return exitOK
}

// describeDatabase names a database for logs without its password.
func describeDatabase(raw string) string {
	if !strings.HasPrefix(raw, "postgres://") && !strings.HasPrefix(raw, "postgresql://") {
		return "sqlite " + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "postgres (unparsable URL)"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return "postgres " + u.Redacted()
}
