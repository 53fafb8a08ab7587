package server

import (
	"context"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/baerum/styring/models"
)

// The tests of grants: each user reaches only the sectors of their grants, and
// a grant's sectors are reached only through its own role.

// as sends r with a token's secret.
func as(secret string, r req) req {
	if r.headers == nil {
		r.headers = map[string]string{}
	}
	r.headers["Authorization"] = "Bearer " + secret
	return r
}

// obhDoc is omstilling-valid moved to sector OBH under another id.
func obhDoc(t *testing.T, id string) []byte {
	return exampleWith(t, "omstilling-valid", map[string]any{"id": id, "sector": "OBH"})
}

func listedIDs(t *testing.T, rec *httptest.ResponseRecorder) []string {
	t.Helper()
	wantStatus(t, rec, 200)
	var ids []string
	for _, in := range decode[models.InitiativePage](t, rec).Items {
		ids = append(ids, in.ID)
	}
	return ids
}

func TestScopeInitiatives(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		osk := issueGrants(t, s, "osk-clerk", "saksbehandler:OSK")
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), 201) // HP2124-OSK-014, by admin
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: obhDoc(t, "HP2124-OBH-001")}), 201)

		t.Run("a submission to another sector is 403 and stores nothing", func(t *testing.T) {
			rec := do(t, s, as(osk, req{method: "POST", path: "/api/v1/initiatives", body: obhDoc(t, "HP2124-OBH-002")}))
			wantError(t, rec, 403, models.EFORBIDDEN, "sector OBH")
			wantStatus(t, do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OBH-002"}), 404)
		})
		t.Run("a submission to its own sector is stored", func(t *testing.T) {
			body := exampleWith(t, "omstilling-valid", map[string]any{"id": "HP2124-OSK-015"})
			wantStatus(t, do(t, s, as(osk, req{method: "POST", path: "/api/v1/initiatives", body: body})), 201)
		})
		t.Run("an update moving an initiative out of reach is 403 and changes nothing", func(t *testing.T) {
			rec := do(t, s, as(osk, req{method: "PUT", path: "/api/v1/initiatives/HP2124-OSK-014", body: obhDoc(t, "HP2124-OSK-014")}))
			wantError(t, rec, 403, models.EFORBIDDEN, "sector OBH")
			in := decode[models.Initiative](t, do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OSK-014"}))
			if in.Sector != "OSK" || in.Version != 1 {
				t.Errorf("stored: sector %s version %d", in.Sector, in.Version)
			}
		})
		t.Run("an update within reach is stored", func(t *testing.T) {
			wantStatus(t, do(t, s, as(osk, req{method: "PUT", path: "/api/v1/initiatives/HP2124-OSK-014", body: example(t, "omstilling-valid")})), 200)
		})
		t.Run("another sector's initiative is not found, to read or to update", func(t *testing.T) {
			for _, r := range []req{
				{method: "GET", path: "/api/v1/initiatives/HP2124-OBH-001"},
				{method: "GET", path: "/api/v1/initiatives/HP2124-OBH-001/versions"},
				{method: "GET", path: "/api/v1/initiatives/HP2124-OBH-001/waivers"},
				{method: "PUT", path: "/api/v1/initiatives/HP2124-OBH-001", body: exampleWith(t, "omstilling-valid", map[string]any{"id": "HP2124-OBH-001"})},
				// Moving it into reach is no way in either.
				{method: "PUT", path: "/api/v1/initiatives/HP2124-OBH-001", body: exampleWith(t, "omstilling-valid", map[string]any{"id": nil})},
			} {
				wantError(t, do(t, s, as(osk, r)), 404, models.ENOTFOUND, "HP2124-OBH-001")
			}
			in := decode[models.Initiative](t, do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OBH-001"}))
			if in.Sector != "OBH" || in.Version != 1 {
				t.Errorf("stored: sector %s version %d", in.Sector, in.Version)
			}
		})
		t.Run("the list holds the sectors it reaches", func(t *testing.T) {
			if got := listedIDs(t, do(t, s, as(osk, req{method: "GET", path: "/api/v1/initiatives"}))); !slices.Equal(got, []string{"HP2124-OSK-014", "HP2124-OSK-015"}) {
				t.Errorf("listed %v", got)
			}
			if got := listedIDs(t, do(t, s, as(osk, req{method: "GET", path: "/api/v1/initiatives?sector=OBH"}))); len(got) != 0 {
				t.Errorf("listed %v of OBH", got)
			}
			if got := listedIDs(t, do(t, s, req{method: "GET", path: "/api/v1/initiatives"})); len(got) != 3 {
				t.Errorf("unscoped listed %v", got)
			}
		})
	})
}

// TestScopePairs: leder of OSK and saksbehandler of OBH is not leder of OBH.
func TestScopePairs(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		mixed := issueGrants(t, s, "mixed", "leder:OSK", "saksbehandler:OBH")
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), 201)
		wantStatus(t, do(t, s, as(mixed, req{method: "POST", path: "/api/v1/initiatives", body: obhDoc(t, "HP2124-OBH-001")})), 201)

		waiver := waiverBody("KPI-004", "the pair test", "2099-01-01")
		t.Run("no waiver on the OBH initiative: only its saksbehandler grant reaches OBH", func(t *testing.T) {
			wantError(t, do(t, s, as(mixed, req{method: "POST", path: "/api/v1/initiatives/HP2124-OBH-001/waivers", body: waiver})), 404, models.ENOTFOUND, "HP2124-OBH-001")
			ws := decode[waiverList](t, do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OBH-001/waivers"}))
			if len(ws.Waivers) != 0 {
				t.Errorf("a waiver was stored: %+v", ws.Waivers)
			}
		})
		t.Run("a waiver on the OSK initiative, as its leder", func(t *testing.T) {
			rec := do(t, s, as(mixed, req{method: "POST", path: "/api/v1/initiatives/HP2124-OSK-014/waivers", body: waiver}))
			wantStatus(t, rec, 201)
			id := decode[waiverView](t, rec).ID
			// Revoking an OSK waiver by way of the OBH initiative's path finds nothing.
			wantStatus(t, do(t, s, as(mixed, req{method: "DELETE", path: "/api/v1/initiatives/HP2124-OBH-001/waivers/" + id})), 404)
			wantStatus(t, do(t, s, as(mixed, req{method: "DELETE", path: "/api/v1/initiatives/HP2124-OSK-014/waivers/" + id})), 200)
		})
		t.Run("it reads both sectors: each through a role that may read", func(t *testing.T) {
			for _, id := range []string{"HP2124-OSK-014", "HP2124-OBH-001"} {
				wantStatus(t, do(t, s, as(mixed, req{method: "GET", path: "/api/v1/initiatives/" + id})), 200)
				wantStatus(t, do(t, s, as(mixed, req{method: "GET", path: "/api/v1/initiatives/" + id + "/waivers"})), 200)
			}
		})
		t.Run("the report lists OSK only: the leder grant's sectors", func(t *testing.T) {
			rep := decode[models.ComplianceReport](t, do(t, s, as(mixed, req{method: "GET", path: "/api/v1/reports/compliance"})))
			if got := standingIDs(rep); !slices.Equal(got, []string{"HP2124-OSK-014"}) {
				t.Errorf("standings %v", got)
			}
		})
	})
}

func standingIDs(rep models.ComplianceReport) []string {
	var ids []string
	for _, st := range rep.Records.Initiatives {
		ids = append(ids, st.ID)
	}
	return ids
}

// TestScopeReport: a scoped leder's report lists their sectors' initiatives;
// the portfolio figures stay whole, as its rules are over the whole.
func TestScopeReport(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		obh := issueGrants(t, s, "obh-leder", "leder:OBH")
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), 201)
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: obhDoc(t, "HP2124-OBH-001")}), 201)
		whole := decode[models.ComplianceReport](t, do(t, s, req{method: "GET", path: "/api/v1/reports/compliance"}))
		scoped := decode[models.ComplianceReport](t, do(t, s, as(obh, req{method: "GET", path: "/api/v1/reports/compliance"})))
		if got := standingIDs(whole); len(got) != 2 {
			t.Fatalf("unscoped standings %v", got)
		}
		if got := standingIDs(scoped); !slices.Equal(got, []string{"HP2124-OBH-001"}) {
			t.Errorf("scoped standings %v", got)
		}
		if scoped.Records.Allowed+scoped.Records.NotAllowed != 1 || scoped.Targets.Records.Initiatives != 1 {
			t.Errorf("scoped counts: %d allowed, %d not, records target over %d", scoped.Records.Allowed, scoped.Records.NotAllowed, scoped.Targets.Records.Initiatives)
		}
		for _, st := range scoped.Records.BySector {
			if st.Key != "OBH" {
				t.Errorf("violations counted for sector %s", st.Key)
			}
		}
		if scoped.Portfolio.Initiatives != whole.Portfolio.Initiatives || scoped.Portfolio.Initiatives != 2 {
			t.Errorf("portfolio over %d initiatives, want the whole %d", scoped.Portfolio.Initiatives, whole.Portfolio.Initiatives)
		}
		csv := do(t, s, as(obh, req{method: "GET", path: "/api/v1/reports/compliance.csv"}))
		wantStatus(t, csv, 200)
		if strings.Contains(csv.Body.String(), "HP2124-OSK-014") || !strings.Contains(csv.Body.String(), "HP2124-OBH-001") {
			t.Errorf("csv:\n%s", csv.Body.String())
		}
		page := do(t, s, as(obh, req{method: "GET", path: "/reports/compliance"}))
		wantStatus(t, page, 200)
		if strings.Contains(page.Body.String(), "HP2124-OSK-014") || !strings.Contains(page.Body.String(), "HP2124-OBH-001") {
			t.Errorf("the page shows another sector's initiative, or not its own")
		}
		wantStatus(t, do(t, s, as(obh, req{method: "GET", path: "/reports/compliance/initiatives/HP2124-OSK-014"})), 404)
		wantStatus(t, do(t, s, as(obh, req{method: "GET", path: "/reports/compliance/initiatives/HP2124-OBH-001"})), 200)
	})
}

// TestScopeDecisions: a decision of a stored initiative is read by those who
// reach its sector; one of no stored initiative by its maker's token (not a
// namesake) and by unscoped tokens.
func TestScopeDecisions(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		osk := issueGrants(t, s, "Twin", "saksbehandler:OSK")
		twin := issueGrants(t, s, "Twin", "saksbehandler:OSK")
		obh := issueGrants(t, s, "obh", "workflow:OBH")
		anyWorkflow := issueGrants(t, s, "flow", "workflow")
		rec := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")})
		wantStatus(t, rec, 201)
		stored := decode[testSubmission](t, rec).Result.DecisionID
		rec = do(t, s, as(osk, req{method: "POST", path: "/api/v1/check", body: exampleWith(t, "omstilling-valid", map[string]any{"id": "NY-1"})}))
		wantStatus(t, rec, 200)
		checked := decode[models.CheckResult](t, rec).DecisionID
		if err := s.decisions.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name, who, id string
			want          int
		}{
			{"the stored initiative's decision, by its sector", osk, stored, 200},
			{"the stored initiative's decision, by another sector", obh, stored, 404},
			{"a plain check, by its maker", osk, checked, 200},
			{"a plain check, by a namesake", twin, checked, 404},
			{"a plain check, by another sector", obh, checked, 404},
			{"a plain check, by an unscoped token", anyWorkflow, checked, 200},
		} {
			t.Run(tt.name, func(t *testing.T) {
				wantStatus(t, do(t, s, as(tt.who, req{method: "GET", path: "/api/v1/decisions/" + tt.id})), tt.want)
				replay := do(t, s, as(tt.who, req{method: "POST", path: "/api/v1/decisions/" + tt.id + "/replay"}))
				wantStatus(t, replay, tt.want)
				if tt.want == 404 {
					wantError(t, replay, 404, models.ENOTFOUND, "decision")
				}
			})
		}
	})
}

// TestIdempotencyKeyBelongsToToken: two tokens of one name don't share the
// answers remembered under an Idempotency-Key.
func TestIdempotencyKeyBelongsToToken(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		first := issueToken(t, s, "Twin", models.RoleSaksbehandler)
		second := issueToken(t, s, "Twin", models.RoleSaksbehandler)
		post := func(secret string, body []byte) *httptest.ResponseRecorder {
			return do(t, s, as(secret, req{method: "POST", path: "/api/v1/initiatives", body: body, headers: map[string]string{"Idempotency-Key": "same-key"}}))
		}
		a := exampleWith(t, "omstilling-valid", map[string]any{"id": "TWIN-A"})
		b := exampleWith(t, "omstilling-valid", map[string]any{"id": "TWIN-B"})
		wantStatus(t, post(first, a), 201)
		rec := post(second, b)
		wantStatus(t, rec, 201)
		if rec.Header().Get("Idempotent-Replayed") != "" || decode[testSubmission](t, rec).Initiative.ID != "TWIN-B" {
			t.Errorf("the second token got the first one's answer: %s", rec.Body.String())
		}
		// Each token's retry is its own answer again.
		for secret, id := range map[string]string{first: "TWIN-A", second: "TWIN-B"} {
			body := a
			if id == "TWIN-B" {
				body = b
			}
			rec := post(secret, body)
			if rec.Code != 201 || rec.Header().Get("Idempotent-Replayed") != "true" || decode[testSubmission](t, rec).Initiative.ID != id {
				t.Errorf("retry of %s: %d %s", id, rec.Code, rec.Body.String())
			}
		}
	})
}
