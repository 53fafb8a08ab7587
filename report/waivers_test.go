package report_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
	"github.com/baerum/styring/report"
)

// TestBuildAppliesWaivers: a waiver in force marks its violations waived, and
// they count apart (summary.waived), not as errors by rule, category or sector.
func TestBuildAppliesWaivers(t *testing.T) {
	ctx := context.Background()
	rev, err := policies.Load(ctx, policies.Source{})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(repotest.Path(t, repotest.Examples+"/omstilling-kpi-missing-etter.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := policies.ParseDocument(raw) // HP2124-OSK-014, with one KPI-004 error
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	kpi004 := models.Waiver{ID: "W-1", InitiativeID: "HP2124-OSK-014", RuleID: "KPI-004", Reason: "r", ExpiresAt: "2025-06-01"}
	errorsOf := func(counts []models.Count, key string) int {
		for _, c := range counts {
			if c.Key == key {
				return c.Error
			}
		}
		return 0
	}
	for _, tt := range []struct {
		name    string
		waivers map[string][]models.Waiver
		waived  bool
	}{
		{"without waivers the error counts", nil, false},
		{"a waiver in force counts it apart", map[string][]models.Waiver{"HP2124-OSK-014": {kpi004}}, true},
		{"another initiative's waiver does not apply", map[string][]models.Waiver{"HP2124-OSK-999": {kpi004}}, false},
		{"an expired waiver does not apply", map[string][]models.Waiver{"HP2124-OSK-014": {{RuleID: "KPI-004", ExpiresAt: "2025-03-01"}}}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := report.Build(ctx, rev, report.FromDocuments([]string{"kpi.json"}, []any{doc}), report.Options{AsOf: "2020-09-23", Now: now, Waivers: tt.waivers})
			if err != nil {
				t.Fatal(err)
			}
			st := rep.Records.Initiatives[0]
			wantSummary, wantErrors := models.Summary{Error: 1}, 1
			if tt.waived {
				wantSummary, wantErrors = models.Summary{Waived: 1}, 0
			}
			if st.Allowed != tt.waived || st.Summary != wantSummary || st.Violations[0].Waived != tt.waived {
				t.Errorf("standing allowed %v, summary %+v, KPI-004 waived %v; want %v, %+v, %v", st.Allowed, st.Summary, st.Violations[0].Waived, tt.waived, wantSummary, tt.waived)
			}
			if got := [3]int{errorsOf(rep.Records.ByRule, "KPI-004"), errorsOf(rep.Records.ByCategory, "kpi"), errorsOf(rep.Records.BySector, "OSK")}; got != [3]int{wantErrors, wantErrors, wantErrors} {
				t.Errorf("errors by rule, category, sector = %v, want %d each", got, wantErrors)
			}
			if rep.Records.Allowed+rep.Records.NotAllowed != 1 || (rep.Records.Allowed == 1) != tt.waived {
				t.Errorf("allowed %d, not allowed %d", rep.Records.Allowed, rep.Records.NotAllowed)
			}
		})
	}
}
