package web

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/report"
)

func p(s string) *string { return &s }

// fixtureReport is a small portfolio with a figure on each side of every limit:
// OSK over its room in 2022, the omstilling level in the band in 2022 and below
// it in 2023, POM exactly on its efficiency target in 2022 and below in 2023,
// the buffer fund under its minimum. Its targets are computed as report.Build
// computes them.
func fixtureReport() models.ComplianceReport {
	sector := func(code, name string, year int, net, room, frame, savings, pct float64) models.SectorYearFigures {
		return models.SectorYearFigures{Sector: code, Name: name, Year: year, NetChangeKNOK: net, ChangeRoomKNOK: room, NetFrameKNOK: frame,
			EfficiencySavingKNOK: savings, EfficiencyTargetPct: pct, EfficiencyTargetKNOK: pct * frame / 100}
	}
	portfolio := func(id string, sev models.Severity, sector string, year int, msg string) models.Violation {
		return models.Violation{RuleID: id, Severity: sev, Category: "budget", Title: "Tittel " + id, Message: msg, Reference: "Kommuneloven", Remedy: "Rett " + id, Sector: sector, Year: year}
	}
	rep := models.ComplianceReport{
		GeneratedAt:    time.Date(2026, 12, 1, 19, 36, 0, 0, time.UTC),
		PolicyRevision: "sha256:28e7744651f2c510c052d918995cc695f1de0d096dcea3b6cc6ff3af666cf195",
		AsOf:           "2026-12-01",
		Lang:           models.LangNB,
		Portfolio: models.PortfolioResult{
			Initiatives: 2,
			Summary:     models.Summary{Error: 2, Warning: 4},
			Violations: []models.Violation{
				portfolio("PBUD-001", models.SeverityError, "OSK", 2022, "OSK endrer driftsbudsjettet med 5400 kNOK i 2022"),
				portfolio("PFIN-002", models.SeverityError, "", 0, "Bufferfondet blir -120000 kNOK"),
				portfolio("PFIN-001", models.SeverityWarning, "", 2023, "Netto driftsresultat i 2023 blir 3.2 %"),
				portfolio("POMS-001", models.SeverityWarning, "", 2023, "Omstillingsnivået i 2023 er 126000 kNOK"),
				portfolio("POMS-002", models.SeverityWarning, "OSK", 2022, "OSK har varig effektivisering på 0 kNOK i 2022"),
				portfolio("POMS-002", models.SeverityWarning, "POM", 2023, "POM har varig effektivisering på 16800 kNOK i 2023"),
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
		},
		Records: models.RecordPicture{
			Initiatives: []models.InitiativeStanding{
				{ID: "HP2124-OSK-001", Title: "Digital skolestart", Sector: "OSK", Status: "forslag", Type: "omstilling", Version: 2, Allowed: false,
					Summary: models.Summary{Error: 1}, Violations: []models.Violation{{RuleID: "UU-001", Severity: models.SeverityError, Category: "legal",
						Title: "Universell utforming", Message: "WCAG-nivå 2.0 er for lavt", Path: p("/accessibility/wcag_level"), Reference: "Likestillings- og diskrimineringsloven § 18", Remedy: "Krev WCAG 2.1 AA"}}},
				{ID: "HP2124-POM-002", Title: "Velferdsteknologi", Sector: "POM", Status: "vedtatt", Type: "investering", Version: 1, Allowed: true, Violations: []models.Violation{}},
				{ID: "HP2124-POM-003", Title: "Nedlagt forslag", Sector: "POM", Status: "avvist", Type: "innsparing", Version: 1, Allowed: true, Violations: []models.Violation{}},
			},
			Allowed: 2, NotAllowed: 1,
			ByRule: []models.Count{{Key: "UU-001", Label: "Universell utforming", Error: 1, Total: 1}},
		},
	}
	rep.Targets = report.Targets(rep.Portfolio, rep.Records)
	return rep
}

// nbsp is the no-break space the formatting writes before units and between thousands.
const nbsp = "\u00a0"

// sp writes the expected text with the no-break spaces the formatting uses,
// so the cases read as they look: "1 234 567 kr".
func sp(s string) string { return strings.ReplaceAll(s, " ", nbsp) }

func renderCompliance(t *testing.T, rep models.ComplianceReport, view PageOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := RenderCompliance(&b, rep, view); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func wantIn(t *testing.T, page string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(page, w) {
			t.Errorf("the page does not contain %q", w)
		}
	}
}

func wantNotIn(t *testing.T, page string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(page, w) {
			t.Errorf("the page contains %q", w)
		}
	}
}

// section returns the page from the element with id to the end of its section.
func section(t *testing.T, page, id string) string {
	t.Helper()
	i := strings.Index(page, `id="`+id+`"`)
	if i < 0 {
		t.Fatalf("no element with id %s", id)
	}
	rest := page[i:]
	if j := strings.Index(rest, "</section>"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

func TestRenderComplianceNorwegian(t *testing.T) {
	page := renderCompliance(t, fixtureReport(), PageOptions{})

	t.Run("is a Norwegian page with its title and date", func(t *testing.T) {
		wantIn(t, page, `<html lang="nb">`, "Etterlevelsesrapport for handlingsprogrammet", "1. desember 2026", "sha256:28e7744651f2")
	})
	t.Run("writes amounts the Norwegian way", func(t *testing.T) {
		wantIn(t, page, sp("126,0 mill. kr"), sp("−120,0 mill. kr"), sp("5,4 mill. kr")+" over", sp("0,7 %"), sp("3,2 %"))
	})
	t.Run("gives each target its light with a text", func(t *testing.T) {
		for id, want := range map[string]string{
			"t-frames":     "light-red",   // PBUD-001 error
			"t-omstilling": "light-amber", // POMS-001 warning
			"t-efficiency": "light-amber", // POMS-002 warnings
			"t-result":     "light-amber", // PFIN-001 warning
			"t-buffer":     "light-red",   // PFIN-002 error
			"t-records":    "light-red",   // an initiative with an error
		} {
			if !strings.Contains(page, `class="target light-`) || !regexp.MustCompile(`class="target[^"]* `+want+`" id="`+id+`"`).MatchString(page) {
				t.Errorf("target %s is not %s", id, want)
			}
		}
		frames := section(t, page, "t-frames")
		wantIn(t, frames, "Brudd</span>", "I rute</span>", "over i 2022", "1 av 3 sektorer over endringsrommet")
	})
	t.Run("counts the key figures", func(t *testing.T) {
		kf := section(t, page, "key-figures")
		wantIn(t, kf, `id="kf-initiatives"`, ">2<", "av 3 registrerte", `id="kf-errors"`, `id="kf-warnings"`, ">4<", `id="kf-blocked"`, ">1<")
	})
	t.Run("counts the sectors below the efficiency target in the last year", func(t *testing.T) {
		// POM is below in 2023, OSK above; VAR has no frame and no target.
		wantIn(t, page, "1 av 2 sektorer under målet i 2023", "Sektorer uten nettoramme (VAR)")
	})
	t.Run("lists the initiatives with their counts and links", func(t *testing.T) {
		table := section(t, page, "initiative-table")
		wantIn(t, table, `href="/reports/compliance/initiatives/HP2124-OSK-001"`, "Digital skolestart", "Feil hindrer vedtak", "Ingen feil", "ikke i porteføljen")
	})
	t.Run("groups the portfolio violations by rule with reference and remedy", func(t *testing.T) {
		wantIn(t, page, `id="rule-POMS-002"`, "(2 brudd)", "Rett POMS-002", "OSK har varig effektivisering")
	})
	t.Run("links the CSV with the report's date and language", func(t *testing.T) {
		wantIn(t, page, `href="/api/v1/reports/compliance.csv?lang=nb"`)
	})
}

func TestRenderComplianceEnglish(t *testing.T) {
	rep := fixtureReport()
	rep.Lang = models.LangEN
	page := renderCompliance(t, rep, PageOptions{Lang: models.LangEN})
	wantIn(t, page, `<html lang="en">`, "Compliance report for the action programme", "1 December 2026",
		"126.0"+nbsp+"MNOK", "−120.0"+nbsp+"MNOK", "3.2%", "Breach", "On track", "Deviation", `href="/reports/compliance/initiatives/HP2124-OSK-001?lang=en"`)
	wantNotIn(t, page, "mill."+nbsp+"kr", "Etterlevelsesrapport")
	// The language link goes back to Norwegian, in Norwegian.
	wantIn(t, page, `href="/reports/compliance" hreflang="nb" lang="nb"`)
}

func TestRenderComplianceFilters(t *testing.T) {
	rep := fixtureReport()
	rep.StatusFilter = []string{"forslag", "vedtatt"}
	page := renderCompliance(t, rep, PageOptions{Sector: "POM", AsOf: "2024-01-01"})

	t.Run("the sector narrows the initiative table only", func(t *testing.T) {
		table := section(t, page, "initiative-table")
		wantIn(t, table, "HP2124-POM-002", "HP2124-POM-003")
		wantNotIn(t, table, "HP2124-OSK-001")
		wantIn(t, page, "Viser tiltakene i sektor POM Pleie og omsorg (2 av 3)", "gjelder hele porteføljen")
		// The portfolio figures stay whole: OSK is in the frames table.
		wantIn(t, section(t, page, "frame-table"), "OSK")
	})
	t.Run("the form shows the filters", func(t *testing.T) {
		wantIn(t, page, `value="forslag" checked`, `value="vedtatt" checked`, `<option value="POM" selected>`, `value="2024-01-01"`)
		wantNotIn(t, page, `value="avvist" checked`)
		wantIn(t, page, "Porteføljen er avgrenset til status: Forslag, Vedtatt.")
	})
	t.Run("the CSV link keeps the status and the date", func(t *testing.T) {
		wantIn(t, page, `href="/api/v1/reports/compliance.csv?as_of=2024-01-01&amp;lang=nb&amp;status=forslag&amp;status=vedtatt"`)
	})
	t.Run("the language link keeps every filter", func(t *testing.T) {
		wantIn(t, page, `href="/reports/compliance?as_of=2024-01-01&amp;lang=en&amp;sector=POM&amp;status=forslag&amp;status=vedtatt"`)
	})
}

// TestRenderCompliancePageRules checks what a strict CSP and WCAG need of the
// markup itself; the browser test runs axe-core on the real page.
func TestRenderCompliancePageRules(t *testing.T) {
	for _, lang := range []models.Lang{models.LangNB, models.LangEN} {
		page := renderCompliance(t, fixtureReport(), PageOptions{Lang: lang})
		t.Run(string(lang)+": nothing inline and nothing from elsewhere", func(t *testing.T) {
			wantNotIn(t, page, "<script", " style=", "<style", "http://", "https://", "javascript:")
			if m := regexp.MustCompile(`\son[a-z]+=`).FindString(page); m != "" {
				t.Errorf("an inline event handler: %q", m)
			}
		})
		t.Run(string(lang)+": every table has a caption and header cells", func(t *testing.T) {
			tables, captions := strings.Count(page, "<table"), strings.Count(page, "<caption")
			if tables == 0 || tables != captions {
				t.Errorf("%d tables, %d captions", tables, captions)
			}
			if strings.Count(page, `<th scope="col"`) == 0 {
				t.Error("no column headers")
			}
		})
		t.Run(string(lang)+": every chart is an image with a title and a description", func(t *testing.T) {
			charts := regexp.MustCompile(`<svg class="chart( [a-z-]+)?"[^>]*>`).FindAllString(page, -1)
			if len(charts) != 4 {
				t.Fatalf("%d charts, want 4", len(charts))
			}
			for _, svg := range charts {
				m := regexp.MustCompile(`role="img" aria-labelledby="([a-z-]+)-title ([a-z-]+)-desc"`).FindStringSubmatch(svg)
				if m == nil {
					t.Errorf("chart without role and labels: %s", svg)
					continue
				}
				wantIn(t, page, `<title id="`+m[1]+`-title">`, `<desc id="`+m[2]+`-desc">`)
			}
		})
		t.Run(string(lang)+": every field has a label", func(t *testing.T) {
			for _, id := range []string{"filter-sector", "filter-as-of"} {
				wantIn(t, page, `<label for="`+id+`">`, `id="`+id+`"`)
			}
			// The check boxes sit inside their labels.
			if n, m := strings.Count(page, `type="checkbox"`), strings.Count(page, `<label class="check"><input type="checkbox"`); n != m || n != 8 {
				t.Errorf("%d check boxes, %d inside a label, want 8", n, m)
			}
		})
	}
}

// The initiative table sorts by its headers (links, no script) and is searched
// by a GET form that keeps the page's other filters; every cell carries its
// column's name for the narrow layout.
func TestRenderComplianceSortAndSearch(t *testing.T) {
	rep := fixtureReport()
	if len(sortColumns) != len(InitiativeSortKeys) {
		t.Fatalf("%d sortable columns, %d sort keys", len(sortColumns), len(InitiativeSortKeys))
	}
	for i, c := range sortColumns {
		if c.Key != InitiativeSortKeys[i] {
			t.Errorf("column %d sorts by %q, the key is %q", i, c.Key, InitiativeSortKeys[i])
		}
	}
	rows := rep.Records.Initiatives[1:2]
	page := renderCompliance(t, rep, PageOptions{Lang: models.LangNB, Sector: "POM", Query: "velferd", Sort: "-errors", Standings: rows})
	wantIn(t, page,
		`<th scope="col" class="sortable num" aria-sort="descending"><a href="/reports/compliance?q=velferd&amp;sector=POM&amp;sort=errors#tiltak">Feil`,
		`<a href="/reports/compliance?q=velferd&amp;sector=POM&amp;sort=id#tiltak">Tiltak</a>`,
		`<a href="/reports/compliance?q=velferd&amp;sector=POM&amp;sort=-warnings#tiltak">Advarsler</a>`,
		`<input type="search" id="search-q" name="q" value="velferd"`, `<input type="hidden" name="sector" value="POM">`, `<input type="hidden" name="sort" value="-errors">`,
		`<a class="button button-secondary" href="/reports/compliance?sector=POM&amp;sort=-errors#tiltak">Vis alle</a>`,
		"Viser 1 av 3 tiltak som passer søket «velferd».", "Sortert synkende etter Feil.",
		`<td data-label="Tittel">Velferdsteknologi</td>`, `data-label="Feil"`)
	wantNotIn(t, page, "Digital skolestart</td>", "Nedlagt forslag</td>", "aria-sort=\"ascending\"")
	if n := strings.Count(page, `aria-sort=`); n != 1 {
		t.Errorf("%d headers with aria-sort, want 1", n)
	}

	t.Run("without search or sort the table is the report's", func(t *testing.T) {
		page := renderCompliance(t, rep, PageOptions{Lang: models.LangEN})
		wantIn(t, page, "Digital skolestart</td>", "Nedlagt forslag</td>", `<a href="/reports/compliance?lang=en&amp;sort=title#tiltak">Title</a>`,
			`<span class="badge badge-ok">No errors</span>`, `<span class="badge badge-error">Errors block a decision</span>`)
		wantNotIn(t, page, "aria-sort=", "Show all")
	})
}
