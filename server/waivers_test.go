package server

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/baerum/styring/app"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore/gormtest"
	"github.com/baerum/styring/policies"
)

// waiverBody is a waiver request.
func waiverBody(ruleID, reason, expiresAt string) []byte {
	raw, _ := json.Marshal(map[string]string{"rule_id": ruleID, "reason": reason, "expires_at": expiresAt})
	return raw
}

// violationOf returns the first violation of rule in res.
func violationOf(t *testing.T, res models.CheckResult, rule string) models.Violation {
	t.Helper()
	for _, v := range res.Violations {
		if v.RuleID == rule {
			return v
		}
	}
	t.Fatalf("no %s violation in %+v", rule, res.Violations)
	return models.Violation{}
}

// wantWaived checks a result of omstilling-kpi-missing-etter: KPI-004 is its
// one violation, waived or not.
func wantWaived(t *testing.T, res models.CheckResult, waived bool) {
	t.Helper()
	want := models.Summary{Error: 1}
	if waived {
		want = models.Summary{Waived: 1}
	}
	if v := violationOf(t, res, "KPI-004"); v.Waived != waived || res.Allowed != waived || res.Summary != want {
		t.Errorf("KPI-004 waived %v, allowed %v, summary %+v; want waived %v, allowed %v, summary %+v",
			v.Waived, res.Allowed, res.Summary, waived, waived, want)
	}
}

func TestWaiverRequestsRefused(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		s.now = func() time.Time { return time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC) }
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), 201)
		const path = "/api/v1/initiatives/HP2124-OSK-014/waivers"
		reason := "Etter-målingen kommer med årsrapporten"
		cases := []struct {
			name        string
			path        string
			body        string
			contentType string
			status      int
			code        string
			inMessage   string
		}{
			{"a rule of category legal cannot be waived", path, string(waiverBody("PRV-002", reason, "2025-06-01")), "", 422, models.EINVALID, "rule PRV-002 (legal) cannot be waived"},
			{"no legal rule can be waived", path, string(waiverBody("OMS-004", reason, "2025-06-01")), "", 422, models.EINVALID, "rule OMS-004 (legal) cannot be waived"},
			{"a rule the catalog does not have is refused by name", path, string(waiverBody("XYZ-999", reason, "2025-06-01")), "", 422, models.EINVALID, "XYZ-999"},
			{"a portfolio rule cannot be waived for one initiative", path, string(waiverBody("PBUD-001", reason, "2025-06-01")), "", 422, models.EINVALID, "PBUD-001 is a portfolio rule"},
			{"malformed JSON names line and column", path, "{\n  \"rule_id\": }", "", 400, models.EINVALID, "line 2"},
			{"JSON that is not an object", path, `["KPI-004"]`, "", 400, models.EINVALID, "JSON object"},
			{"an unknown member", path, `{"rule_id": "KPI-004", "reason": "r", "expires_at": "2025-06-01", "expires": "2025-07-01"}`, "", 400, models.EINVALID, "expires: unknown member"},
			{"a missing rule_id", path, `{"reason": "r", "expires_at": "2025-06-01"}`, "", 400, models.EINVALID, "rule_id: is required"},
			{"a rule_id that is not a string", path, `{"rule_id": 4, "reason": "r", "expires_at": "2025-06-01"}`, "", 400, models.EINVALID, "rule_id: must be a string"},
			{"an empty reason", path, string(waiverBody("KPI-004", "   ", "2025-06-01")), "", 400, models.EINVALID, "reason: must not be empty"},
			{"a reason over 2000 characters", path, string(waiverBody("KPI-004", strings.Repeat("æ", 2001), "2025-06-01")), "", 400, models.EINVALID, "reason: is 2001 characters"},
			{"a missing expiry", path, `{"rule_id": "KPI-004", "reason": "r"}`, "", 400, models.EINVALID, "expires_at: is required"},
			{"an expiry that is no real date", path, string(waiverBody("KPI-004", reason, "2025-02-30")), "", 400, models.EINVALID, "«2025-02-30» is not a date"},
			{"an expiry in another format", path, string(waiverBody("KPI-004", reason, "01.06.2025")), "", 400, models.EINVALID, "«01.06.2025» is not a date"},
			{"an expiry of today", path, string(waiverBody("KPI-004", reason, "2025-03-01")), "", 400, models.EINVALID, "not after today (2025-03-01)"},
			{"an expiry in the past", path, string(waiverBody("KPI-004", reason, "2024-12-31")), "", 400, models.EINVALID, "not after today"},
			{"a body that is not JSON by Content-Type", path, string(waiverBody("KPI-004", reason, "2025-06-01")), "text/plain", 415, models.EUNSUPPORTED, "Content-Type"},
			{"an unknown initiative", "/api/v1/initiatives/HP2124-OSK-999/waivers", string(waiverBody("KPI-004", reason, "2025-06-01")), "", 404, models.ENOTFOUND, "HP2124-OSK-999"},
			{"an id no initiative can have", "/api/v1/initiatives/-bad/waivers", string(waiverBody("KPI-004", reason, "2025-06-01")), "", 404, models.ENOTFOUND, "-bad"},
		}
		for _, c := range cases {
			t.Run("refuses "+c.name, func(t *testing.T) {
				rec := do(t, s, req{method: "POST", path: c.path, body: []byte(c.body), contentType: c.contentType})
				wantError(t, rec, c.status, c.code, c.inMessage)
			})
		}
		t.Run("nothing refused was stored", func(t *testing.T) {
			rec := do(t, s, req{method: "GET", path: path})
			wantStatus(t, rec, 200)
			if out := decode[waiverList](t, rec); out.ID != "HP2124-OSK-014" || len(out.Waivers) != 0 {
				t.Errorf("list %+v, want no waivers", out)
			}
		})
		t.Run("list and revoke of an unknown initiative are 404", func(t *testing.T) {
			wantError(t, do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OSK-999/waivers"}), 404, models.ENOTFOUND, "HP2124-OSK-999")
			wantError(t, do(t, s, req{method: "DELETE", path: "/api/v1/initiatives/HP2124-OSK-999/waivers/W-1"}), 404, models.ENOTFOUND, "HP2124-OSK-999")
		})
	})
}

func TestWaiverLifecycle(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		clock := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
		s.now = func() time.Time { return clock }
		leder := map[string]string{"Authorization": "Bearer " + issueToken(t, s, "leder-oks", models.RoleLeder)}
		const (
			id   = "HP2124-OSK-014"
			path = "/api/v1/initiatives/" + id + "/waivers"
		)
		kpiMissing := example(t, "omstilling-kpi-missing-etter") // HP2124-OSK-014 with KPI-004, a waivable error
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), 201)

		put := func(t *testing.T) *testSubmissionRec {
			t.Helper()
			rec := do(t, s, req{method: "PUT", path: "/api/v1/initiatives/" + id, body: kpiMissing})
			return &testSubmissionRec{rec.Code, decode[testSubmission](t, rec)}
		}
		check := func(t *testing.T, body []byte) models.CheckResult {
			t.Helper()
			rec := do(t, s, req{method: "POST", path: "/api/v1/check", body: body})
			wantStatus(t, rec, 200)
			return decode[models.CheckResult](t, rec)
		}
		stored := func(t *testing.T) models.CheckResult {
			t.Helper()
			rec := do(t, s, req{method: "GET", path: "/api/v1/initiatives/" + id})
			wantStatus(t, rec, 200)
			return decode[struct {
				Result models.CheckResult `json:"result"`
			}](t, rec).Result
		}
		list := func(t *testing.T) []waiverView {
			t.Helper()
			rec := do(t, s, req{method: "GET", path: path})
			wantStatus(t, rec, 200)
			return decode[waiverList](t, rec).Waivers
		}
		decision := func(t *testing.T, decisionID string) (models.Decision, waiverDecision) {
			t.Helper()
			rec := do(t, s, req{method: "GET", path: "/api/v1/decisions/" + decisionID})
			wantStatus(t, rec, 200)
			d := decode[models.Decision](t, rec)
			var result waiverDecision
			if err := json.Unmarshal(d.Result, &result); err != nil {
				t.Fatalf("decision result %s: %v", d.Result, err)
			}
			return d, result
		}
		report := func(t *testing.T) models.ComplianceReport {
			t.Helper()
			rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance"})
			wantStatus(t, rec, 200)
			return decode[models.ComplianceReport](t, rec)
		}
		kpiCounted := func(rep models.ComplianceReport) (byRule, byCategory int) {
			for _, c := range rep.Records.ByRule {
				if c.Key == "KPI-004" {
					byRule += c.Error
				}
			}
			for _, c := range rep.Records.ByCategory {
				if c.Key == "kpi" {
					byCategory += c.Error
				}
			}
			return byRule, byCategory
		}

		t.Run("without a waiver KPI-004 blocks the update", func(t *testing.T) {
			if out := put(t); out.code != http.StatusUnprocessableEntity {
				t.Fatalf("update %d, want 422", out.code)
			}
		})

		var first waiverView
		t.Run("create answers 201 with the waiver, who made it and when", func(t *testing.T) {
			rec := do(t, s, req{method: "POST", path: path, body: waiverBody("KPI-004", "Etter-målingen kommer med årsrapporten", "2025-06-01"), headers: leder})
			wantStatus(t, rec, http.StatusCreated)
			first = decode[waiverView](t, rec)
			if !strings.HasPrefix(first.ID, "W-") || first.InitiativeID != id || first.RuleID != "KPI-004" || first.ExpiresAt != "2025-06-01" ||
				first.CreatedBy != "leder-oks" || !first.CreatedAt.Equal(clock) || first.RevokedAt != nil || !first.Active || first.DecisionID == "" {
				t.Errorf("created %+v", first)
			}
		})
		t.Run("the creation is in the decision log", func(t *testing.T) {
			d, result := decision(t, first.DecisionID)
			if d.Kind != models.DecisionWaiver || d.InitiativeID != id || d.Caller != "leder-oks" || d.AsOf != "2025-03-01" ||
				!strings.HasPrefix(d.PolicyRevision, "sha256:") || !d.CreatedAt.Equal(clock) {
				t.Errorf("decision %+v", d)
			}
			if result.Action != "create" || result.Waiver.ID != first.ID || result.Waiver.CreatedBy != "leder-oks" {
				t.Errorf("decision result %+v", result)
			}
			var input map[string]string
			if err := json.Unmarshal(d.Input, &input); err != nil || input["rule_id"] != "KPI-004" || input["expires_at"] != "2025-06-01" {
				t.Errorf("decision input %s (%v), want the request", d.Input, err)
			}
		})
		t.Run("a waived error no longer blocks the update", func(t *testing.T) {
			out := put(t)
			if out.code != http.StatusOK {
				t.Fatalf("update %d, want 200: %+v", out.code, out.body.Result)
			}
			wantWaived(t, out.body.Result, true)
		})
		t.Run("the stored result shows the waiver", func(t *testing.T) {
			wantWaived(t, stored(t), true)
		})
		t.Run("a check of a proposal naming the initiative applies its waivers", func(t *testing.T) {
			wantWaived(t, check(t, kpiMissing), true)
		})
		t.Run("a check of another initiative does not", func(t *testing.T) {
			wantWaived(t, check(t, exampleWith(t, "omstilling-kpi-missing-etter", map[string]any{"id": "HP2124-OSK-777"})), false)
		})
		t.Run("the report counts the waived error apart", func(t *testing.T) {
			rep := report(t)
			if len(rep.Records.Initiatives) != 1 {
				t.Fatalf("%d standings, want 1", len(rep.Records.Initiatives))
			}
			st := rep.Records.Initiatives[0]
			if !st.Allowed || st.Summary != (models.Summary{Waived: 1}) || rep.Records.Allowed != 1 || rep.Records.NotAllowed != 0 {
				t.Errorf("standing allowed %v summary %+v; records allowed %d, not allowed %d", st.Allowed, st.Summary, rep.Records.Allowed, rep.Records.NotAllowed)
			}
			if byRule, byCat := kpiCounted(rep); byRule != 0 || byCat != 0 {
				t.Errorf("a waived KPI-004 counts as %d errors by rule, %d by category; want 0", byRule, byCat)
			}
		})
		t.Run("the list shows the waiver as active", func(t *testing.T) {
			if ws := list(t); len(ws) != 1 || ws[0].ID != first.ID || !ws[0].Active || ws[0].DecisionID != "" {
				t.Errorf("list %+v", ws)
			}
		})

		var revoked waiverView
		t.Run("revoke answers 200 with who revoked it and when", func(t *testing.T) {
			clock = clock.Add(time.Hour)
			rec := do(t, s, req{method: "DELETE", path: path + "/" + first.ID, headers: leder})
			wantStatus(t, rec, 200)
			revoked = decode[waiverView](t, rec)
			if revoked.ID != first.ID || revoked.RevokedAt == nil || !revoked.RevokedAt.Equal(clock) || revoked.RevokedBy != "leder-oks" || revoked.Active || revoked.DecisionID == "" {
				t.Errorf("revoked %+v", revoked)
			}
		})
		t.Run("the revocation is in the decision log", func(t *testing.T) {
			d, result := decision(t, revoked.DecisionID)
			if d.Kind != models.DecisionWaiver || d.InitiativeID != id || d.Caller != "leder-oks" || result.Action != "revoke" ||
				result.Waiver.ID != first.ID || result.Waiver.RevokedBy != "leder-oks" || result.Waiver.RevokedAt == nil {
				t.Errorf("decision %+v, result %+v", d, result)
			}
		})
		t.Run("a revoked waiver no longer applies anywhere", func(t *testing.T) {
			wantWaived(t, stored(t), false)
			wantWaived(t, check(t, kpiMissing), false)
			if out := put(t); out.code != http.StatusUnprocessableEntity {
				t.Errorf("update %d, want 422", out.code)
			}
			rep := report(t)
			if st := rep.Records.Initiatives[0]; st.Allowed || st.Summary != (models.Summary{Error: 1}) {
				t.Errorf("standing allowed %v summary %+v after the revocation", st.Allowed, st.Summary)
			}
			if byRule, byCat := kpiCounted(rep); byRule != 1 || byCat != 1 {
				t.Errorf("KPI-004 counts as %d errors by rule, %d by category; want 1 each", byRule, byCat)
			}
			if ws := list(t); len(ws) != 1 || ws[0].Active || ws[0].RevokedAt == nil {
				t.Errorf("list %+v", ws)
			}
		})
		t.Run("revoke twice is a conflict; an unknown waiver is 404", func(t *testing.T) {
			wantError(t, do(t, s, req{method: "DELETE", path: path + "/" + first.ID, headers: leder}), 409, models.ECONFLICT, "already revoked")
			wantError(t, do(t, s, req{method: "DELETE", path: path + "/W-nope", headers: leder}), 404, models.ENOTFOUND, "W-nope")
		})

		var second waiverView
		t.Run("a waiver made after the submission shows on the stored result", func(t *testing.T) {
			rec := do(t, s, req{method: "POST", path: path, body: waiverBody("KPI-004", "Ny frist avtalt", "2025-04-01"), headers: leder})
			wantStatus(t, rec, http.StatusCreated)
			second = decode[waiverView](t, rec)
			wantWaived(t, stored(t), true)
		})
		t.Run("a waiver applies the day before it expires", func(t *testing.T) {
			clock = time.Date(2025, 3, 31, 23, 59, 0, 0, time.UTC)
			wantWaived(t, stored(t), true)
			wantWaived(t, check(t, kpiMissing), true)
		})
		t.Run("a waiver stops applying on its expiry date", func(t *testing.T) {
			clock = time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)
			wantWaived(t, stored(t), false)
			wantWaived(t, check(t, kpiMissing), false)
			if out := put(t); out.code != http.StatusUnprocessableEntity {
				t.Errorf("update %d, want 422", out.code)
			}
			if st := report(t).Records.Initiatives[0]; st.Allowed || st.Summary.Waived != 0 {
				t.Errorf("report standing %+v after expiry", st)
			}
			ws := list(t)
			if len(ws) != 2 || ws[1].ID != second.ID || ws[1].Active || ws[1].RevokedAt != nil {
				t.Errorf("list %+v; want the expired waiver inactive and not revoked", ws)
			}
		})
	})
}

// TestWaiverAfterSubmission: a waiver made after the check that stored a
// version shows on that stored result, and goes again when revoked.
func TestWaiverAfterSubmission(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		s.now = func() time.Time { return time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC) }
		// Allowed, with one waivable warning: STR-003 (no kommuneplan_ref).
		body := exampleWith(t, "omstilling-valid", map[string]any{"kommuneplan_ref": nil})
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: body}), 201)
		get := func(t *testing.T) models.CheckResult {
			t.Helper()
			rec := do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OSK-014"})
			wantStatus(t, rec, 200)
			return decode[struct {
				Result models.CheckResult `json:"result"`
			}](t, rec).Result
		}
		steps := []struct {
			name    string
			request req
			status  int
			waived  bool
		}{
			{"the stored warning is not waived", req{}, 0, false},
			{"a waiver made afterwards shows on the stored result", req{method: "POST", path: "/api/v1/initiatives/HP2124-OSK-014/waivers", body: waiverBody("STR-003", "Kommuneplanen rulleres i 2025", "2025-12-31")}, 201, true},
			{"its revocation shows too", req{method: "DELETE", path: "/api/v1/initiatives/HP2124-OSK-014/waivers/{waiver}"}, 200, false},
		}
		waiverID := ""
		for _, step := range steps {
			t.Run(step.name, func(t *testing.T) {
				if step.request.method != "" {
					step.request.path = strings.ReplaceAll(step.request.path, "{waiver}", waiverID)
					rec := do(t, s, step.request)
					wantStatus(t, rec, step.status)
					waiverID = decode[waiverView](t, rec).ID
				}
				res := get(t)
				want := models.Summary{Warning: 1}
				if step.waived {
					want = models.Summary{Waived: 1}
				}
				if v := violationOf(t, res, "STR-003"); v.Waived != step.waived || !res.Allowed || res.Summary != want {
					t.Errorf("STR-003 waived %v, allowed %v, summary %+v; want waived %v, allowed, summary %+v", v.Waived, res.Allowed, res.Summary, step.waived, want)
				}
			})
		}
	})
}

type testSubmissionRec struct {
	code int
	body testSubmission
}

// TestWaiverOfDataRuleRefused: no rule of category data can be waived (the
// catalog's Waivers convention), DAT-001 above all; 422 as for a legal rule,
// and nothing is stored.
func TestWaiverOfDataRuleRefused(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		s.now = func() time.Time { return time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC) }
		leder := map[string]string{"Authorization": "Bearer " + issueToken(t, s, "leder-oks", models.RoleLeder)}
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), 201)
		const path = "/api/v1/initiatives/HP2124-OSK-014/waivers"
		var data []string
		for _, r := range s.engine.Active().Rules() {
			if r.Category == "data" {
				data = append(data, r.ID)
				if r.Waivable {
					t.Errorf("the catalog says %s (data) is waivable", r.ID)
				}
			}
		}
		if len(data) != 4 || data[0] != "DAT-001" {
			t.Fatalf("data rules %v, want DAT-001 … DAT-004", data)
		}
		for _, id := range data {
			t.Run(id, func(t *testing.T) {
				rec := do(t, s, req{method: "POST", path: path, body: waiverBody(id, "Skjemaet rettes i neste versjon", "2025-06-01"), headers: leder})
				wantError(t, rec, http.StatusUnprocessableEntity, models.EINVALID, "rule "+id+" (data) cannot be waived")
				validateResponse(t, "POST", "/api/v1/initiatives/:id/waivers", rec.Code, rec.Body.Bytes())
			})
		}
		rec := do(t, s, req{method: "GET", path: path})
		wantStatus(t, rec, 200)
		if ws := decode[waiverList](t, rec).Waivers; len(ws) != 0 {
			t.Errorf("waivers stored: %+v", ws)
		}
	})
}

// TestWaiverCategoryBeatsMetadata: a bundle whose METADATA marks a data or a
// legal rule waivable opens neither to waivers: the category decides, when a
// waiver is made and when one is applied.
func TestWaiverCategoryBeatsMetadata(t *testing.T) {
	dir := t.TempDir()
	if err := policies.ExportBundle(dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"rules/data/dat_001.rego", "rules/data/dat_002.rego", "rules/legal/prv_002.rego"} {
		path := filepath.Join(dir, filepath.FromSlash(f))
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		opened := strings.Replace(string(raw), "#   waivable: false\n", "#   waivable: true\n", 1)
		if opened == string(raw) {
			t.Fatalf("%s has no waivable: false", f)
		}
		if err := os.WriteFile(path, []byte(opened), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rev, err := policies.Load(context.Background(), policies.Source{Location: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"DAT-001", "DAT-002", "PRV-002"} {
		// The catalog does not show it waivable either: the category masks METADATA.
		if r, ok := rev.Rule(id); !ok || r.Waivable {
			t.Errorf("the catalog shows %s waivable though its category is %s", id, r.Category)
		}
		if err := checkWaivable(rev, id); models.ErrorCode(err) != models.EINVALID || !strings.Contains(models.ErrorMessage(err), "cannot be waived") {
			t.Errorf("a waiver of %s, waivable by METADATA, is accepted: %v", id, err)
		}
	}
	if err := checkWaivable(rev, "KPI-004"); err != nil {
		t.Errorf("a waiver of KPI-004 is refused: %v", err)
	}

	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	waivers := []models.Waiver{
		{ID: "W-1", InitiativeID: "HP2124-OSK-014", RuleID: "DAT-001", ExpiresAt: "2026-01-01"},
		{ID: "W-2", InitiativeID: "HP2124-OSK-014", RuleID: "DAT-002", ExpiresAt: "2026-01-01"},
	}
	for name, raw := range map[string][]byte{
		"DAT-002":                  exampleWith(t, "omstilling-valid", map[string]any{"end_date": "2020-12-31"}),
		"DAT-001":                  exampleWith(t, "omstilling-valid", map[string]any{"merknad": "ukjent felt"}),
		"DAT-001 hiding a PRO-002": exampleWith(t, "omstilling-direct-award-above-national", map[string]any{"merknad": "ukjent felt"}),
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := policies.ParseDocument(raw)
			if err != nil {
				t.Fatal(err)
			}
			res, err := rev.Check(context.Background(), doc, policies.CheckOptions{Now: now, Waivers: waivers})
			if err != nil {
				t.Fatal(err)
			}
			rule := strings.Fields(name)[0]
			v := violationOf(t, res, rule)
			if v.Waived || v.Waivable || res.Allowed || res.Summary.Waived != 0 {
				t.Errorf("%s waived %v, waivable %v; allowed %v, summary %+v: want an unwaivable error that blocks", rule, v.Waived, v.Waivable, res.Allowed, res.Summary)
			}
		})
	}
}

// TestStoredSchemaWaiverAllowsNothing: a waiver of DAT-001 made before such
// waivers were refused (inserted into the store directly) does not let a
// proposal that breaks the schema, and PRO-002 beneath it, through: the
// update is refused (422) and a check says allowed false.
func TestStoredSchemaWaiverAllowsNothing(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		store := gormtest.OpenTest(t, backend)
		s := newTestServerWith(t, store, Config{})
		s.now = func() time.Time { return time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC) }
		const id = "HP2124-OSK-014"
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), 201)
		old := &models.Waiver{InitiativeID: id, RuleID: "DAT-001", Reason: "Skjemaet rettes senere", ExpiresAt: "2026-01-01",
			CreatedBy: "leder-oks", CreatedAt: time.Date(2025, 2, 1, 9, 0, 0, 0, time.UTC)}
		if err := store.CreateWaiver(context.Background(), old, nil); err != nil {
			t.Fatal(err)
		}
		// PRO-002 (a direct award above the national threshold, legal) and one
		// schema error (an unknown member): judged on DAT-001 alone.
		broken := exampleWith(t, "omstilling-direct-award-above-national", map[string]any{"merknad": "ukjent felt"})
		blocked := func(t *testing.T, res models.CheckResult) {
			t.Helper()
			v := violationOf(t, res, "DAT-001")
			if res.Allowed || v.Waived || v.Waivable || res.Summary.Error != 1 || res.Summary.Waived != 0 {
				t.Errorf("allowed %v, DAT-001 waived %v waivable %v, summary %+v; want DAT-001 an unwaived error that blocks",
					res.Allowed, v.Waived, v.Waivable, res.Summary)
			}
		}
		t.Run("the update is refused", func(t *testing.T) {
			rec := do(t, s, req{method: "PUT", path: "/api/v1/initiatives/" + id, body: broken})
			wantStatus(t, rec, http.StatusUnprocessableEntity)
			blocked(t, decode[testSubmission](t, rec).Result)
			got, err := store.GetInitiative(context.Background(), id)
			if err != nil || got.Version != 1 || !got.Allowed {
				t.Errorf("stored %d (allowed %v), %v; want version 1 alone", got.Version, got.Allowed, err)
			}
		})
		t.Run("a check says allowed false", func(t *testing.T) {
			for _, path := range []string{"/api/v1/check", "/api/v1/check?portfolio=true"} {
				rec := do(t, s, req{method: "POST", path: path, body: broken})
				wantStatus(t, rec, http.StatusOK)
				validateResponse(t, "POST", "/api/v1/check", rec.Code, rec.Body.Bytes())
				blocked(t, decode[models.CheckResult](t, rec))
			}
		})
		t.Run("so does the stored version's result, had it been stored", func(t *testing.T) {
			rec := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: exampleWith(t, "omstilling-direct-award-above-national",
				map[string]any{"id": "HP2124-OSK-015", "merknad": "ukjent felt"})})
			wantStatus(t, rec, http.StatusUnprocessableEntity)
			blocked(t, decode[testSubmission](t, rec).Result)
		})
	})
}

// TestPortfolioWhatIfSkipsUnreadableStoredInitiative: a stored initiative
// that does not match the schema (stored while a DAT-001 waiver let it
// through) is left out of the portfolio what-if, which goes on answering
// everyone's check instead of 400.
func TestPortfolioWhatIfSkipsUnreadableStoredInitiative(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		store := gormtest.OpenTest(t, backend)
		s := newTestServerWith(t, store, Config{})
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), 201)
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "investering-valid")}), 201)
		// As the DAT-001 waiver let it be stored: version 2, allowed, breaking the schema.
		broken := exampleWith(t, "omstilling-direct-award-above-national", map[string]any{"merknad": "ukjent felt"})
		in := &models.Initiative{ID: "HP2124-OSK-014", Title: "Brutt", Sector: "OSK", Status: "forslag", Type: "omstilling", Allowed: true, Document: broken}
		if err := store.UpdateInitiative(context.Background(), in, 0, nil, nil); err != nil {
			t.Fatal(err)
		}
		whatIf := func(t *testing.T, proposal []byte) app.WhatIf {
			t.Helper()
			rec := do(t, s, req{method: "POST", path: "/api/v1/check?portfolio=true", body: proposal})
			wantStatus(t, rec, http.StatusOK)
			validateResponse(t, "POST", "/api/v1/check", rec.Code, rec.Body.Bytes())
			out := decode[struct {
				Portfolio *app.WhatIf `json:"portfolio"`
			}](t, rec)
			if out.Portfolio == nil {
				t.Fatalf("no portfolio in %s", rec.Body.String())
			}
			return *out.Portfolio
		}
		t.Run("another proposal", func(t *testing.T) {
			w := whatIf(t, example(t, "digital-valid"))
			if w.Before.Initiatives != 1 || w.After.Initiatives != 2 || w.Replaces != "" {
				t.Errorf("before %d, after %d initiatives, replaces %q; want the readable one, and it with the proposal",
					w.Before.Initiatives, w.After.Initiatives, w.Replaces)
			}
		})
		t.Run("a proposal that replaces the unreadable one", func(t *testing.T) {
			w := whatIf(t, example(t, "omstilling-valid"))
			if w.Before.Initiatives != 1 || w.After.Initiatives != 2 || w.Replaces != "HP2124-OSK-014" {
				t.Errorf("before %d, after %d initiatives, replaces %q; want 1, 2 and HP2124-OSK-014",
					w.Before.Initiatives, w.After.Initiatives, w.Replaces)
			}
		})
	})
}
