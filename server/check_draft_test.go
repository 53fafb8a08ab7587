package server

import (
	"context"
	"net/http"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
	"github.com/baerum/styring/policies"
)

// countedDecisions is the store, counting the decision-log entries written to it.
type countedDecisions struct {
	*gormstore.Store
	logged atomic.Int64
}

func (c *countedDecisions) LogDecisions(ctx context.Context, ds []models.Decision) error {
	err := c.Store.LogDecisions(ctx, ds)
	if err == nil {
		c.logged.Add(int64(len(ds)))
	}
	return err
}

// TestDraftCheck: POST /check?draft=true lists DAT-001 and what every other
// rule finds on a half-filled form, and logs no decision; the same body
// without draft is the catalog's check, DAT-001 alone, logged.
func TestDraftCheck(t *testing.T) {
	for _, backend := range gormtest.TestBackends() {
		t.Run(backend, func(t *testing.T) {
			st := &countedDecisions{Store: gormtest.OpenTest(t, backend)}
			stores := storesOf(st.Store)
			stores.Decisions = st
			s := New(Config{RateLimit: -1}, policies.NewEngine(embeddedRevision(t)), stores, nil)
			t.Cleanup(func() { s.decisions.Close(context.Background()) })
			testTokens.Store(s, issueToken(t, s, "test-saksbehandler", models.RoleSaksbehandler))

			// nytt-tiltak-unfinanced breaks BUD-003; without title (required) and
			// owner (GOV-001) it is a form half filled in.
			half := exampleWith(t, "nytt-tiltak-unfinanced", map[string]any{"title": nil, "owner": nil})

			rec := do(t, s, req{method: "POST", path: "/api/v1/check?draft=true&lang=en", body: half})
			wantStatus(t, rec, http.StatusOK)
			validateResponse(t, "POST", "/api/v1/check", rec.Code, rec.Body.Bytes())
			draft := decode[struct {
				models.CheckResult
				Draft bool `json:"draft"`
			}](t, rec)
			rules := draftRuleIDs(draft.Violations)
			for _, want := range []string{"DAT-001", "GOV-001", "BUD-003"} {
				if !slices.Contains(rules, want) {
					t.Errorf("draft violations %v lack %s", rules, want)
				}
			}
			if !draft.Draft || draft.DecisionID != "" {
				t.Errorf("draft = %v, decision_id = %q; want true and none", draft.Draft, draft.DecisionID)
			}
			if n := st.logged.Load(); n != 0 {
				t.Errorf("a draft check logged %d decisions", n)
			}

			rec = do(t, s, req{method: "POST", path: "/api/v1/check?draft=false", body: half})
			wantStatus(t, rec, http.StatusOK)
			full := decode[models.CheckResult](t, rec)
			if rules := draftRuleIDs(full.Violations); len(rules) == 0 || slices.ContainsFunc(rules, func(id string) bool { return id != "DAT-001" }) {
				t.Errorf("the check shows %v; want DAT-001 alone", rules)
			}
			if n := st.logged.Load(); n != 1 || full.DecisionID == "" {
				t.Errorf("a check logged %d decisions, decision_id %q; want 1 and an id", n, full.DecisionID)
			}
			wantStatus(t, do(t, s, req{method: "GET", path: "/api/v1/decisions/" + full.DecisionID}), http.StatusOK)
		})
	}
}

func TestDraftCheckRejectsBadParameters(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	for _, c := range []struct{ target, field string }{
		{"/api/v1/check?draft=maybe", "draft"},
		{"/api/v1/check?draft=", "draft"},
		{"/api/v1/check?draft=true&portfolio=true", "portfolio"},
	} {
		rec := do(t, s, req{method: "POST", path: c.target, body: example(t, "omstilling-valid")})
		wantStatus(t, rec, http.StatusBadRequest)
		e := decode[struct {
			Code    string            `json:"code"`
			Details map[string]string `json:"details"`
		}](t, rec)
		if e.Code != models.EINVALID || e.Details["field"] != c.field {
			t.Errorf("%s: %+v, want invalid naming %s", c.target, e, c.field)
		}
	}
	// Every role that may check may check a draft.
	for _, c := range []struct {
		role models.Role
		want int
	}{{models.RoleWorkflow, http.StatusOK}, {models.RoleLeder, http.StatusOK}} {
		tok := issueToken(t, s, "draft-"+string(c.role), c.role)
		rec := do(t, s, req{method: "POST", path: "/api/v1/check?draft=1", body: example(t, "omstilling-valid"),
			headers: map[string]string{"Authorization": "Bearer " + tok}})
		wantStatus(t, rec, c.want)
	}
}

func draftRuleIDs(vs []models.Violation) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, v.RuleID)
	}
	return out
}
