package report

import (
	"slices"
	"testing"

	"github.com/baerum/styring/models"
)

func TestLightOf(t *testing.T) {
	v := func(sev models.Severity, waived bool) models.Violation {
		return models.Violation{Severity: sev, Waived: waived}
	}
	for _, c := range []struct {
		name       string
		vs         []models.Violation
		notesCount bool
		want       models.Light
	}{
		{"no violation is green", nil, true, models.LightGreen},
		{"an error is red", []models.Violation{v(models.SeverityWarning, false), v(models.SeverityError, false)}, true, models.LightRed},
		{"a waived error does not count", []models.Violation{v(models.SeverityError, true)}, true, models.LightGreen},
		{"a warning is amber", []models.Violation{v(models.SeverityWarning, false)}, false, models.LightAmber},
		{"a note is amber where notes count", []models.Violation{v(models.SeverityInfo, false)}, true, models.LightAmber},
		{"a note is green where notes do not count", []models.Violation{v(models.SeverityInfo, false)}, false, models.LightGreen},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := lightOf(c.vs, c.notesCount); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

// targetsFixture is a small portfolio with a figure on each side of every
// limit: OSK over its room in 2022, the omstilling level in the band in 2022
// and below it in 2023, the result above its target in 2022 and below in 2023,
// POM exactly on its efficiency target in 2022 and below in 2023, VAR without a
// frame, the buffer fund under its minimum; one initiative with an error, one
// with a note only.
func targetsFixture() (models.PortfolioResult, models.RecordPicture) {
	sector := func(code, name string, year int, net, room, frame, savings, pct float64) models.SectorYearFigures {
		return models.SectorYearFigures{Sector: code, Name: name, Year: year, NetChangeKNOK: net, ChangeRoomKNOK: room, NetFrameKNOK: frame,
			EfficiencySavingKNOK: savings, EfficiencyTargetPct: pct, EfficiencyTargetKNOK: pct * frame / 100}
	}
	pv := func(id string, sev models.Severity, sector string, year int) models.Violation {
		return models.Violation{RuleID: id, Severity: sev, Sector: sector, Year: year}
	}
	port := models.PortfolioResult{
		Violations: []models.Violation{
			pv("PBUD-001", models.SeverityError, "OSK", 2022),
			pv("PFIN-002", models.SeverityError, "", 0),
			pv("PFIN-001", models.SeverityWarning, "", 2023),
			pv("POMS-001", models.SeverityWarning, "", 2023),
			pv("POMS-002", models.SeverityWarning, "POM", 2023),
		},
		Figures: models.PortfolioFigures{
			Sectors: []models.SectorYearFigures{
				sector("OSK", "Oppvekst skole", 2022, 5400, 0, 2250000, 0, 0.7),
				sector("OSK", "Oppvekst skole", 2023, -1000, 0, 2250000, 40000, 1.4),
				sector("POM", "Pleie og omsorg", 2022, 0, 30000, 2400000, 16800, 0.7),
				sector("POM", "Pleie og omsorg", 2023, 0, 45000, 2400000, 16800, 1.4),
				sector("VAR", "Vann, avløp og renovasjon", 2022, 0, 0, 0, 0, 0.7),
				sector("VAR", "Vann, avløp og renovasjon", 2023, 0, 0, 0, 0, 1.4),
			},
			Years: []models.YearFigures{
				{Year: 2022, OmstillingLevelKNOK: 126000, OmstillingRequiredKNOK: 100000, OmstillingUpperKNOK: 150000, TotalNetDriftKNOK: 5400, NetOperatingResultPct: 4.5, MinNetOperatingResultPct: 4},
				{Year: 2023, OmstillingLevelKNOK: 126000, OmstillingRequiredKNOK: 200000, OmstillingUpperKNOK: 300000, TotalNetDriftKNOK: -1000, NetOperatingResultPct: 3.2, MinNetOperatingResultPct: 4},
			},
			BufferFund: models.BufferFundFigures{StartKNOK: 180000, UseKNOK: 300000, EndKNOK: -120000, MinimumKNOK: 100000},
		},
	}
	rec := models.RecordPicture{Initiatives: []models.InitiativeStanding{
		{ID: "A", Summary: models.Summary{Error: 1, Warning: 1}, Violations: []models.Violation{{Severity: models.SeverityError}, {Severity: models.SeverityWarning}}},
		{ID: "B", Summary: models.Summary{Info: 1}, Violations: []models.Violation{{Severity: models.SeverityInfo}}},
	}}
	return port, rec
}

func TestTargets(t *testing.T) {
	tg := Targets(targetsFixture())

	t.Run("each target carries its rule and the rule's light", func(t *testing.T) {
		for _, c := range []struct {
			name, rule, wantRule string
			light, want          models.Light
		}{
			{"frames", tg.Frames.RuleID, "PBUD-001", tg.Frames.Light, models.LightRed},
			{"omstilling", tg.Omstilling.RuleID, "POMS-001", tg.Omstilling.Light, models.LightAmber},
			{"efficiency", tg.Efficiency.RuleID, "POMS-002", tg.Efficiency.Light, models.LightAmber},
			{"result", tg.Result.RuleID, "PFIN-001", tg.Result.Light, models.LightAmber},
			{"buffer fund", tg.BufferFund.RuleID, "PFIN-002", tg.BufferFund.Light, models.LightRed},
			{"records", "", "", tg.Records.Light, models.LightRed},
		} {
			if c.rule != c.wantRule || c.light != c.want {
				t.Errorf("%s: rule %q light %s, want %q %s", c.name, c.rule, c.light, c.wantRule, c.want)
			}
		}
	})
	t.Run("the frames name the sectors over their room", func(t *testing.T) {
		f := tg.Frames
		if f.SectorsOver != 1 || len(f.Sectors) != 3 {
			t.Fatalf("%d of %d sectors over, want 1 of 3", f.SectorsOver, len(f.Sectors))
		}
		osk, pom := f.Sectors[0], f.Sectors[1]
		if osk.Light != models.LightRed || !slices.Equal(osk.OverYears, []int{2022}) || osk.FiguresLight != models.LightRed {
			t.Errorf("OSK: %+v", osk)
		}
		if y := osk.Years[0]; !y.Over || y.OverByKNOK != 5400 || osk.Years[1].Over {
			t.Errorf("OSK years: %+v", osk.Years)
		}
		if pom.Light != models.LightGreen || len(pom.OverYears) != 0 || pom.FiguresLight != models.LightGreen {
			t.Errorf("POM: %+v", pom)
		}
	})
	t.Run("the omstilling level and the result are placed against their targets each year", func(t *testing.T) {
		o, r := tg.Omstilling, tg.Result
		if o.YearsBelow != 1 || o.Years[0].State != models.StateWithin || o.Years[0].Light != models.LightGreen || o.Years[1].State != models.StateBelow || o.Years[1].Light != models.LightAmber {
			t.Errorf("omstilling: %+v", o)
		}
		if r.YearsBelow != 1 || r.Years[0].State != models.StateWithin || r.Years[1].State != models.StateBelow || r.Years[1].Light != models.LightAmber || r.Years[1].NetDriftKNOK != -1000 {
			t.Errorf("result: %+v", r)
		}
	})
	t.Run("a level above the band is amber too", func(t *testing.T) {
		port, rec := targetsFixture()
		port.Figures.Years[0].OmstillingLevelKNOK = 151000
		if y := Targets(port, rec).Omstilling.Years[0]; y.State != models.StateAbove || y.Light != models.LightAmber {
			t.Errorf("%+v", y)
		}
	})
	t.Run("efficiency counts the sectors below the target in the last year", func(t *testing.T) {
		e := tg.Efficiency
		if !slices.Equal(e.Years, []int{2022, 2023}) || e.FirstTargetPct != 0.7 || e.LastTargetPct != 1.4 {
			t.Errorf("years %v, targets %g–%g", e.Years, e.FirstTargetPct, e.LastTargetPct)
		}
		if e.SectorsWithFrame != 2 || !slices.Equal(e.SectorsBelow, []string{"POM"}) || !slices.Equal(e.WithoutFrame, []string{"VAR"}) {
			t.Errorf("with frame %d, below %v, without frame %v", e.SectorsWithFrame, e.SectorsBelow, e.WithoutFrame)
		}
		if len(e.Sectors) != 2 {
			t.Fatalf("%d sectors with a frame, want 2", len(e.Sectors))
		}
		// POM exactly on the target in 2022 is not below it.
		pom := e.Sectors[1]
		if pom.Light != models.LightAmber || pom.Years[0].Below || !pom.Years[1].Below || pom.Years[0].SavingsPct != 0.7 {
			t.Errorf("POM: %+v", pom)
		}
		// OSK below in 2022 only: amber, but not below in the last year.
		if osk := e.Sectors[0]; osk.Light != models.LightAmber || !osk.Years[0].Below || osk.Years[1].Below {
			t.Errorf("OSK: %+v", osk)
		}
	})
	t.Run("the buffer fund and the initiatives' own rules", func(t *testing.T) {
		if b := tg.BufferFund; b.EndKNOK != -120000 || b.MinimumKNOK != 100000 || b.UseKNOK != 300000 {
			t.Errorf("buffer fund: %+v", b)
		}
		if r := tg.Records; r.Initiatives != 2 || r.WithErrors != 1 || r.Summary != (models.Summary{Error: 1, Warning: 1, Info: 1}) {
			t.Errorf("records: %+v", r)
		}
	})
	t.Run("a note on an initiative leaves its target green", func(t *testing.T) {
		port, rec := targetsFixture()
		rec.Initiatives = rec.Initiatives[1:]
		if l := Targets(port, rec).Records.Light; l != models.LightGreen {
			t.Errorf("light %s", l)
		}
	})
	t.Run("an empty report has empty lists, not null", func(t *testing.T) {
		e := Targets(models.PortfolioResult{}, models.RecordPicture{})
		if e.Frames.Sectors == nil || e.Omstilling.Years == nil || e.Result.Years == nil || e.Efficiency.Years == nil ||
			e.Efficiency.Sectors == nil || e.Efficiency.SectorsBelow == nil || e.Efficiency.WithoutFrame == nil {
			t.Errorf("%+v", e)
		}
		if e.Frames.Light != models.LightGreen || e.Records.Light != models.LightGreen {
			t.Errorf("lights %s %s", e.Frames.Light, e.Records.Light)
		}
	})
}
