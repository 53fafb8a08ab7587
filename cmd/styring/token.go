package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"text/tabwriter"
	"time"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
)

func runToken(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	usage := func() {
		fmt.Fprintln(stderr, "Usage: styring token create --role ROLE --name NAME [--expires YYYY-MM-DD] | list | revoke ID|NAME")
		fmt.Fprintln(stderr, "Roles: saksbehandler, workflow, leder, admin. The token is shown once, alone on the last line; only its hash is stored.")
	}
	if len(args) == 0 {
		usage()
		return exitUsage
	}
	fs := flag.NewFlagSet("token "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbURL := fs.String("database", envOr("STYRING_DATABASE_URL", "./styring.db"), "postgres:// URL or SQLite file (env STYRING_DATABASE_URL)")
	role := fs.String("role", "", "role of the new token")
	name := fs.String("name", "", "who or what the token is for (shown in the decision log)")
	expires := fs.String("expires", "", "last day the token works is the day before this date (YYYY-MM-DD); default: no expiry")
	rest, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return flagError(err)
	}
	open := func() (*gormstore.Store, int) {
		store, err := gormstore.Open(ctx, *dbURL, gormstore.Options{Logger: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))})
		if err != nil {
			fmt.Fprintf(stderr, "styring token: %v\n", err)
			return nil, exitRuntime
		}
		if err := store.Migrate(ctx); err != nil {
			store.Close()
			fmt.Fprintf(stderr, "styring token: %v\n", err)
			return nil, exitRuntime
		}
		return store, exitOK
	}
	switch args[0] {
	case "create":
		if *name == "" || !models.ValidRole(models.Role(*role)) || len(rest) > 0 {
			fmt.Fprintln(stderr, "styring token create: --name and --role (saksbehandler, workflow, leder or admin) are required")
			return exitUsage
		}
		var exp *time.Time
		if *expires != "" {
			d, err := time.Parse(time.DateOnly, *expires)
			if err != nil || !d.After(time.Now()) {
				fmt.Fprintf(stderr, "styring token create: --expires %q is not a future date YYYY-MM-DD\n", *expires)
				return exitUsage
			}
			exp = &d
		}
		store, code := open()
		if store == nil {
			return code
		}
		defer store.Close()
		tok, secret, err := models.NewToken(*name, models.Role(*role), exp)
		if err == nil {
			err = store.CreateToken(ctx, &tok)
		}
		if err != nil {
			fmt.Fprintf(stderr, "styring token create: %v\n", err)
			return exitRuntime
		}
		fmt.Fprintf(stdout, "Token %s for %q, role %s. Keep it secret; it is shown only now:\n%s\n", tok.ID, tok.Name, tok.Role, secret)
		return exitOK
	case "list":
		store, code := open()
		if store == nil {
			return code
		}
		defer store.Close()
		tokens, err := store.ListTokens(ctx)
		if err != nil {
			fmt.Fprintf(stderr, "styring token list: %v\n", err)
			return exitRuntime
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tROLE\tCREATED\tEXPIRES\tSTATE")
		for _, t := range tokens {
			exp, state := "-", "active"
			if t.ExpiresAt != nil {
				exp = t.ExpiresAt.Format(time.DateOnly)
			}
			switch {
			case t.RevokedAt != nil:
				state = "revoked " + t.RevokedAt.Format(time.DateOnly)
			case !t.ValidAt(time.Now()):
				state = "expired"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, t.Role, t.CreatedAt.Format(time.DateOnly), exp, state)
		}
		tw.Flush()
		return exitOK
	case "revoke":
		if len(rest) != 1 {
			fmt.Fprintln(stderr, "styring token revoke: give one token id or name")
			return exitUsage
		}
		store, code := open()
		if store == nil {
			return code
		}
		defer store.Close()
		n, err := store.RevokeToken(ctx, rest[0], time.Now())
		if err != nil {
			fmt.Fprintf(stderr, "styring token revoke: %s\n", models.ErrorMessage(err))
			if models.ErrorCode(err) == models.ENOTFOUND {
				return exitFailed
			}
			return exitRuntime
		}
		fmt.Fprintf(stdout, "revoked %d token(s) %q\n", n, rest[0])
		return exitOK
	}
	usage()
	return exitUsage
}
