package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/baerum/styring/internal/textout"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
)

func runToken(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	usage := func() {
		eprintln(stderr, "Usage: styring token create --name NAME (--role ROLE [--sectors S,S] | --grant ROLE[:S,S] …) [--expires YYYY-MM-DD] | list | revoke ID|NAME")
		eprintln(stderr, "Roles: saksbehandler, workflow, leder, admin. Sectors: "+strings.Join(models.Sectors, ", ")+"; none means every sector.")
		eprintln(stderr, "Each grant is a role over its sectors; grants never add up (leder:OSK and saksbehandler:OBH is not leder of OBH).")
		eprintln(stderr, "The token is shown once, alone on the last line; only its hash is stored.")
	}
	if len(args) == 0 {
		usage()
		return exitUsage
	}
	fs := flag.NewFlagSet("token "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbURL := fs.String("database", envOr("STYRING_DATABASE_URL", "./styring.db"), "postgres:// URL or SQLite file (env STYRING_DATABASE_URL)")
	role := fs.String("role", "", "role of the new token (one grant; see --grant for more)")
	sectors := fs.String("sectors", "", "with --role: the sectors it reaches, comma-separated (default: every sector)")
	var grantFlags []string
	fs.Func("grant", "a grant ROLE or ROLE:SECTOR,SECTOR (repeat for more; instead of --role)", func(v string) error {
		grantFlags = append(grantFlags, v)
		return nil
	})
	name := fs.String("name", "", "who or what the token is for (shown in the decision log)")
	expires := fs.String("expires", "", "last day the token works is the day before this date (YYYY-MM-DD); default: no expiry")
	rest, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return flagError(err)
	}
	open := func() (*gormstore.Store, int) {
		store, err := gormstore.Open(ctx, *dbURL, gormstore.Options{Logger: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))})
		if err != nil {
			eprintf(stderr, "styring token: %v\n", err)
			return nil, exitRuntime
		}
		if err := store.Migrate(ctx); err != nil {
			eprintf(stderr, "styring token: %v\n", err)
			closeStore(store, stderr, "styring token")
			return nil, exitRuntime
		}
		return store, exitOK
	}
	switch args[0] {
	case "create":
		if *name == "" || len(rest) > 0 {
			eprintln(stderr, "styring token create: --name and --role (saksbehandler, workflow, leder or admin) or --grant are required")
			return exitUsage
		}
		grants, err := tokenGrants(*role, *sectors, grantFlags)
		if err != nil {
			eprintf(stderr, "styring token create: %s\n", models.ErrorMessage(err))
			return exitUsage
		}
		var exp *time.Time
		if *expires != "" {
			d, err := time.Parse(time.DateOnly, *expires)
			if err != nil || !d.After(time.Now()) {
				eprintf(stderr, "styring token create: --expires %q is not a future date YYYY-MM-DD\n", *expires)
				return exitUsage
			}
			exp = &d
		}
		store, code := open()
		if store == nil {
			return code
		}
		defer closeStore(store, stderr, "styring token")
		tok, secret, err := models.NewTokenGrants(*name, grants, exp)
		if err == nil {
			err = store.CreateToken(ctx, &tok)
		}
		if err != nil {
			eprintf(stderr, "styring token create: %v\n", err)
			return exitRuntime
		}
		if _, err := fmt.Fprintf(stdout, "Token %s for %q, %s. Keep it secret; it is shown only now:\n%s\n", tok.ID, tok.Name, describeGrants(tok.Grants), secret); err != nil {
			eprintf(stderr, "styring token create: token %s was created, but showing it failed (revoke it): %v\n", tok.ID, err)
			return exitRuntime
		}
		return exitOK
	case "list":
		store, code := open()
		if store == nil {
			return code
		}
		defer closeStore(store, stderr, "styring token")
		tokens, err := store.ListTokens(ctx)
		if err != nil {
			eprintf(stderr, "styring token list: %v\n", err)
			return exitRuntime
		}
		out := textout.New(stdout)
		tw := out.Table(0, 4, 2, ' ', 0)
		tw.Println("ID\tNAME\tGRANTS\tCREATED\tEXPIRES\tSTATE")
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
			grants := models.FormatGrants(t.Grants)
			if grants == "" {
				grants = "(none: refused everywhere)"
			}
			tw.Printf("%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, grants, t.CreatedAt.Format(time.DateOnly), exp, state)
		}
		tw.Flush()
		if err := out.Err(); err != nil {
			eprintf(stderr, "styring token list: %v\n", err)
			return exitRuntime
		}
		return exitOK
	case "revoke":
		if len(rest) != 1 {
			eprintln(stderr, "styring token revoke: give one token id or name")
			return exitUsage
		}
		store, code := open()
		if store == nil {
			return code
		}
		defer closeStore(store, stderr, "styring token")
		n, err := store.RevokeToken(ctx, rest[0], time.Now())
		if err != nil {
			eprintf(stderr, "styring token revoke: %s\n", models.ErrorMessage(err))
			if models.ErrorCode(err) == models.ENOTFOUND {
				return exitFailed
			}
			return exitRuntime
		}
		if _, err := fmt.Fprintf(stdout, "revoked %d token(s) %q\n", n, rest[0]); err != nil {
			eprintf(stderr, "styring token revoke: %v\n", err)
			return exitRuntime
		}
		return exitOK
	}
	usage()
	return exitUsage
}

// tokenGrants reads the grants of `token create`: --role with --sectors (one
// grant), or one --grant ROLE[:SECTOR,…] each; not both.
func tokenGrants(role, sectors string, grantFlags []string) ([]models.Grant, error) {
	switch {
	case role != "" && len(grantFlags) > 0:
		return nil, models.Errorf(models.EINVALID, "give either --role (with --sectors) or --grant, not both")
	case sectors != "" && role == "":
		return nil, models.Errorf(models.EINVALID, "--sectors goes with --role; with --grant, write ROLE:SECTOR,SECTOR")
	case role == "" && len(grantFlags) == 0:
		return nil, models.Errorf(models.EINVALID, "--role (saksbehandler, workflow, leder or admin) or --grant is required")
	case role != "":
		spec := role
		if sectors != "" {
			spec += ":" + sectors
		}
		grantFlags = []string{spec}
	}
	grants := make([]models.Grant, 0, len(grantFlags))
	for _, v := range grantFlags {
		g, err := models.ParseGrant(v)
		if err != nil {
			return nil, err
		}
		grants = append(grants, g)
	}
	return models.NormalizeGrants(grants)
}

// describeGrants says what a new token may do: "role leder" for one grant
// over every sector, else its grants.
func describeGrants(gs []models.Grant) string {
	if len(gs) == 1 && gs[0].Unscoped() {
		return "role " + string(gs[0].Role)
	}
	return "grants " + models.FormatGrants(gs)
}
