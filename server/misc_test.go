package server

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
)

func TestRulesAndPolicy(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	t.Run("the catalog lists every record rule", func(t *testing.T) {
		out := decode[struct {
			PolicyRevision string        `json:"policy_revision"`
			Rules          []models.Rule `json:"rules"`
		}](t, do(t, s, req{method: "GET", path: "/api/v1/rules"}))
		record := 0
		for _, r := range out.Rules {
			if r.Scope == "record" {
				record++
			}
		}
		if record != 68 || !strings.HasPrefix(out.PolicyRevision, "sha256:") {
			t.Errorf("%d record rules, revision %q", record, out.PolicyRevision)
		}
	})
	t.Run("one rule by id", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/api/v1/rules/BUD-003"})
		wantStatus(t, rec, 200)
		r := decode[models.Rule](t, rec)
		if r.ID != "BUD-003" || r.Reference != "Kommuneloven § 14-4 (balanse)" || r.Title.EN == "" || r.Waivable != true {
			t.Errorf("%+v", r)
		}
		r = decode[models.Rule](t, do(t, s, req{method: "GET", path: "/api/v1/rules/PRV-002"}))
		if r.Waivable || r.Category != "legal" {
			t.Errorf("legal rules are not waivable: %+v", r)
		}
	})
	t.Run("an unknown rule is 404", func(t *testing.T) {
		wantError(t, do(t, s, req{method: "GET", path: "/api/v1/rules/XYZ-999"}), 404, models.ENOTFOUND, "XYZ-999")
	})
	t.Run("the active policy", func(t *testing.T) {
		p := decode[policyInfo](t, do(t, s, req{method: "GET", path: "/api/v1/policy"}))
		if p.Revision != s.engine.Active().ID || p.RecordRules != 68 || p.Source != "embedded" || p.LoadedAt == "" {
			t.Errorf("%+v", p)
		}
	})
}

func TestHealthAndMetrics(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	for _, path := range []string{"/healthz", "/readyz", "/api/v1/healthz", "/api/v1/readyz"} {
		t.Run(path+" answers ok", func(t *testing.T) {
			wantStatus(t, do(t, s, req{method: "GET", path: path}), 200)
		})
	}
	t.Run("metrics count checks, violations and requests", func(t *testing.T) {
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/check", body: example(t, "digital-wcag-20")}), 200)
		rec := do(t, s, req{method: "GET", path: "/metrics"})
		wantStatus(t, rec, 200)
		body := rec.Body.String()
		for _, want := range []string{
			`styring_checks_total{kind="check",outcome="denied"} 1`,
			`styring_violations_total{rule_id="UU-001",severity="error"} 1`,
			`styring_http_request_duration_seconds_count{code="200",method="POST",route="/api/v1/check"} 1`,
			`styring_evaluation_duration_seconds_count 1`,
			`styring_decision_log_queue_depth`,
			`styring_decision_log_dropped_total 0`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("metrics lack %s", want)
			}
		}
	})
}

// TestDatabaseOutage: with the database gone, writes and reads answer 503 with
// Retry-After quickly, readiness fails, and checks (which need no database) go on.
func TestDatabaseOutage(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		store := gormtest.OpenTestOptions(t, backend, gormstore.Options{QueryTimeout: time.Second})
		s := newTestServerWith(t, store, Config{StoreTimeout: 2 * time.Second})
		// The token is verified once while the database is up; during the outage it is taken from the cache.
		wantStatus(t, do(t, s, req{method: "GET", path: "/api/v1/rules/BUD-001"}), 200)
		store.Close()
		for _, r := range []req{
			{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")},
			{method: "GET", path: "/api/v1/initiatives/HP2124-OSK-014"},
			{method: "GET", path: "/api/v1/initiatives"},
		} {
			rec := do(t, s, r)
			if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
				t.Errorf("%s %s: %d %s (Retry-After %q)", r.method, r.path, rec.Code, rec.Body, rec.Header().Get("Retry-After"))
			}
			if strings.Contains(strings.ToLower(rec.Body.String()), "sql") {
				t.Errorf("database text leaked: %s", rec.Body)
			}
		}
		wantStatus(t, do(t, s, req{method: "GET", path: "/readyz"}), 503)
		// A check hands out a decision id only once its entry is written: 503 while the database is down.
		if rec := do(t, s, req{method: "POST", path: "/api/v1/check", body: example(t, "omstilling-valid")}); rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
			t.Errorf("check during the outage: %d (Retry-After %q), want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s.decisions.Close(ctx)
	})
}
