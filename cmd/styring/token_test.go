package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestTokenGrants: `token create` takes --role with --sectors, or --grant
// ROLE[:SECTORS] repeated; it refuses an unknown role or sector clearly, and
// `token list` shows each token's grants.
func TestTokenGrants(t *testing.T) {
	db := filepath.Join(t.TempDir(), "tokens.db")
	create := func(args ...string) cliRun {
		return styring(t, "", append([]string{"token", "create", "--database", db}, args...)...)
	}
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"--name", "plain", "--role", "leder"}, `for "plain", role leder.`},
		{[]string{"--name", "scoped", "--role", "saksbehandler", "--sectors", "OBH,OSK"}, `grants saksbehandler:OSK,OBH.`},
		{[]string{"--name", "pairs", "--grant", "leder:OSK", "--grant", "saksbehandler:OBH,PMK"}, `grants leder:OSK saksbehandler:OBH,PMK.`},
	} {
		r := create(tt.args...)
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		if r.code != 0 || !strings.Contains(r.stdout, tt.says) || !strings.HasPrefix(lines[len(lines)-1], "sty_") {
			t.Errorf("%v: %d %q %q", tt.args, r.code, r.stdout, r.stderr)
		}
	}
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"--name", "x", "--role", "leder", "--sectors", "OSK,XYZ"}, `sector "XYZ" is not one of OSK, OBH, POM, HSO, PMK, TEK, VAR, OSU`},
		{[]string{"--name", "x", "--grant", "sjef:OSK"}, `role "sjef" is not one of saksbehandler, workflow, leder, admin`},
		{[]string{"--name", "x", "--grant", "leder:"}, "names no sector"},
		{[]string{"--name", "x", "--role", "leder", "--grant", "workflow"}, "either --role (with --sectors) or --grant, not both"},
		{[]string{"--name", "x", "--sectors", "OSK"}, "--sectors goes with --role"},
		{[]string{"--name", "x"}, "--role (saksbehandler, workflow, leder or admin) or --grant is required"},
	} {
		if r := create(tt.args...); r.code != exitUsage || !strings.Contains(r.stderr, tt.says) || r.stdout != "" {
			t.Errorf("%v: %d %q, want exit %d saying %q", tt.args, r.code, r.stderr, exitUsage, tt.says)
		}
	}
	r := styring(t, "", "token", "list", "--database", db)
	if r.code != 0 {
		t.Fatalf("list: %d %s", r.code, r.stderr)
	}
	for _, want := range []string{`(?m)^ID\s+NAME\s+GRANTS\s+CREATED`, `plain\s+leder\s`, `scoped\s+saksbehandler:OSK,OBH\s`, `pairs\s+leder:OSK saksbehandler:OBH,PMK\s`} {
		if !regexp.MustCompile(want).MatchString(r.stdout) {
			t.Errorf("list does not match %s:\n%s", want, r.stdout)
		}
	}
}
