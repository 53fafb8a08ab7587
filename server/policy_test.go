package server

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/baerum/styring/app"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
	"github.com/baerum/styring/policies"
)

// policyDir copies the embedded policies into a directory a test can change.
func policyDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := policies.ExportBundle(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	raw, _ := os.ReadFile(path)
	if !bytes.Contains(raw, []byte(old)) {
		t.Fatalf("%s lacks %q", path, old)
	}
	os.WriteFile(path, bytes.Replace(raw, []byte(old), []byte(new), 1), 0o644)
}

func TestPolicyReload(t *testing.T) {
	dir := policyDir(t)
	rev, err := policies.Load(context.Background(), policies.Source{Location: dir})
	if err != nil {
		t.Fatal(err)
	}
	s := New(Config{}, policies.NewEngine(rev), storesOf(gormtest.OpenTest(t, gormstore.BackendSQLite)), nil)
	t.Cleanup(func() { s.decisions.Close(context.Background()) })
	testTokens.Store(s, issueToken(t, s, "test-admin", models.RoleAdmin))
	data := filepath.Join(dir, "styring", "parameters", "data.json")

	t.Run("unchanged policies: same revision", func(t *testing.T) {
		rec := do(t, s, req{method: "POST", path: "/api/v1/policy/reload"})
		wantStatus(t, rec, 200)
		out := decode[reloadResponse](t, rec)
		if out.Changed || out.Revision != rev.ID || out.TestsPassed < 500 {
			t.Errorf("%+v", out)
		}
	})
	t.Run("a threshold changed in data is activated after its tests pass", func(t *testing.T) {
		replaceIn(t, data, `"_about": "Reference`, `"_changed": true, "_about": "Reference`)
		out := decode[reloadResponse](t, do(t, s, req{method: "POST", path: "/api/v1/policy/reload"}))
		if !out.Changed || out.Revision == rev.ID || s.engine.Active().ID != out.Revision {
			t.Errorf("%+v", out)
		}
		p := decode[policyInfo](t, do(t, s, req{method: "GET", path: "/api/v1/policy"}))
		if p.Revision != out.Revision || p.LastReload == nil || p.LastFailure != nil {
			t.Errorf("policy %+v", p)
		}
	})
	t.Run("a candidate that fails at run time on a stored initiative is refused, naming the rule and the input", func(t *testing.T) {
		// A rule whose two definitions conflict only for an initiative titled
		// "Konflikt …": the candidate's own tests pass, a stored one breaks it.
		doc := exampleWith(t, "omstilling-valid", map[string]any{"id": "HP2124-OSK-901", "title": "Konflikt i rammene"})
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: doc}), 201)
		active := s.engine.Active().ID
		conflict := filepath.Join(dir, "rules", "strategy", "zz_conflict.rego")
		os.WriteFile(conflict, []byte("package styring.rules.strategy.zz_conflict\n\n"+
			"_level := 1 if startswith(input.initiative.title, \"Konflikt\")\n\n"+
			"_level := 2 if contains(input.initiative.title, \"rammene\")\n\n"+
			"violation contains \"never\" if _level == 3\n"), 0o644)
		defer os.Remove(conflict)
		rec := do(t, s, req{method: "POST", path: "/api/v1/policy/reload"})
		wantError(t, rec, http.StatusUnprocessableEntity, models.EINVALID, "zz_conflict.rego")
		if !strings.Contains(rec.Body.String(), "stored initiative HP2124-OSK-901") || !strings.Contains(rec.Body.String(), "eval_conflict_error") {
			t.Errorf("the refusal does not name the input and the error: %s", rec.Body.String())
		}
		if s.engine.Active().ID != active {
			t.Error("the conflicting candidate was activated")
		}
		p := decode[policyInfo](t, do(t, s, req{method: "GET", path: "/api/v1/policy"}))
		if p.LastFailure == nil || p.LastFailure.Stage != "trial" {
			t.Errorf("last failure %+v", p.LastFailure)
		}
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/check", body: doc}), 200)
	})
	t.Run("a broken candidate is refused with its place; the old revision keeps serving", func(t *testing.T) {
		active := s.engine.Active().ID
		broken := filepath.Join(dir, "rules", "strategy", "zz_broken.rego")
		os.WriteFile(broken, []byte("package styring.rules.strategy.zz_broken\n\nviolation contains 1 if {\n\tundefined_function(input.x)\n}\n"), 0o644)
		defer os.Remove(broken)
		rec := do(t, s, req{method: "POST", path: "/api/v1/policy/reload"})
		wantError(t, rec, http.StatusUnprocessableEntity, models.EINVALID, "zz_broken.rego:4")
		if s.engine.Active().ID != active {
			t.Error("the broken candidate was activated")
		}
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/check", body: example(t, "omstilling-valid")}), 200)
		p := decode[policyInfo](t, do(t, s, req{method: "GET", path: "/api/v1/policy"}))
		if p.LastFailure == nil || p.LastFailure.Stage != "compile" || len(p.LastFailure.Problems) == 0 || p.LastFailure.Problems[0].Row != 4 {
			t.Errorf("last failure %+v", p.LastFailure)
		}
	})
}

func TestPolicyImpact(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	for _, n := range []string{"omstilling-valid", "effektivisering-valid", "digital-valid"} {
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, n)}), 201)
	}
	dir := policyDir(t)
	// A candidate that demands a calculation basis for every line: BUD-004 then
	// blocks the omstilling initiative, whose 2021 line of 0 kNOK has none.
	replaceIn(t, filepath.Join(dir, "styring", "parameters", "data.json"), `"calc_basis_min_knok": 500`, `"calc_basis_min_knok": 0`)
	archive := func(dir string) []byte {
		b, err := bundle.NewCustomReader(bundle.NewDirectoryLoader(dir)).Read()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := bundle.NewWriter(&buf).Write(b); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	active := s.engine.Active().ID

	t.Run("the impact lists the initiatives whose verdict or violations change", func(t *testing.T) {
		rec := do(t, s, req{method: "POST", path: "/api/v1/policy/impact", body: archive(dir), contentType: "application/gzip"})
		wantStatus(t, rec, 200)
		out := decode[app.Impact](t, rec)
		if out.Initiatives != 3 || out.Active != active || out.Candidate == active || out.TestsPassed == 0 {
			t.Fatalf("%+v", out)
		}
		var ids []string
		for _, ch := range out.Changed {
			ids = append(ids, ch.InitiativeID)
			if len(ch.Added) == 0 || ch.Added[0].RuleID != "BUD-004" {
				t.Errorf("%s: added %+v", ch.InitiativeID, ch.Added)
			}
		}
		if !strings.Contains(strings.Join(ids, ","), "HP2124-OSK-014") || out.VerdictsChanged < 1 {
			t.Errorf("changed %v, verdicts changed %d", ids, out.VerdictsChanged)
		}
		if s.engine.Active().ID != active {
			t.Error("impact activated the candidate")
		}
	})
	t.Run("the candidate's failing tests are reported with the impact", func(t *testing.T) {
		out := decode[app.Impact](t, do(t, s, req{method: "POST", path: "/api/v1/policy/impact", body: archive(dir), contentType: "application/gzip"}))
		if len(out.TestsFailed) == 0 || !strings.Contains(out.TestsFailed[0].Name, "bud_004_test") {
			t.Errorf("tests failed %+v", out.TestsFailed)
		}
	})
	t.Run("a candidate that does not compile is refused with its place", func(t *testing.T) {
		os.WriteFile(filepath.Join(dir, "rules", "strategy", "zz.rego"), []byte("package styring.rules.strategy.zz\n\nviolation contains 1 if {\n\tundefined_function(input.x)\n}\n"), 0o644)
		rec := do(t, s, req{method: "POST", path: "/api/v1/policy/impact", body: archive(dir), contentType: "application/gzip"})
		wantError(t, rec, http.StatusUnprocessableEntity, models.EINVALID, "zz.rego:4")
	})
	t.Run("not a bundle is refused", func(t *testing.T) {
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/policy/impact", body: []byte("not gzip"), contentType: "application/gzip"}), 422)
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/policy/impact", body: []byte("{}")}), 415)
	})
}
