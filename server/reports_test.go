package server

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/baerum/styring/app"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/output"
)

func TestComplianceReportAPI(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		portfolio := seedDemo(t, s)
		get := func(t *testing.T, query string) models.ComplianceReport {
			t.Helper()
			rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance" + query})
			wantStatus(t, rec, http.StatusOK)
			validateResponse(t, "GET", "/api/v1/reports/compliance", rec.Code, rec.Body.Bytes())
			return decode[models.ComplianceReport](t, rec)
		}
		all := get(t, "")

		t.Run("covers every stored initiative, and the portfolio all but the rejected", func(t *testing.T) {
			if len(all.Records.Initiatives) != len(portfolio.docs) {
				t.Errorf("%d standings, want %d", len(all.Records.Initiatives), len(portfolio.docs))
			}
			notRejected := portfolio.count(func(d map[string]any) bool { return d["status"] != "avvist" })
			if all.Portfolio.Initiatives != notRejected {
				t.Errorf("the portfolio counts %d initiatives, want the %d not avvist", all.Portfolio.Initiatives, notRejected)
			}
			if all.Lang != models.LangNB || all.StatusFilter != nil || len(all.Portfolio.Figures.Sectors) == 0 {
				t.Errorf("lang %s, status filter %v, %d sector rows", all.Lang, all.StatusFilter, len(all.Portfolio.Figures.Sectors))
			}
		})
		t.Run("filters by status", func(t *testing.T) {
			for _, c := range []struct {
				name, query string
				want        []string
			}{
				{"one status", "?status=forslag", []string{"forslag"}},
				{"a comma list", "?status=forslag,vedtatt", []string{"forslag", "vedtatt"}},
				{"a repeated parameter", "?status=forslag&status=vedtatt", []string{"forslag", "vedtatt"}},
				{"a list with spaces and an empty item", "?status=vedtatt,%20utredning,", []string{"vedtatt", "utredning"}},
			} {
				t.Run(c.name, func(t *testing.T) {
					rep := get(t, c.query)
					if !slices.Equal(rep.StatusFilter, c.want) {
						t.Errorf("status_filter %v, want %v", rep.StatusFilter, c.want)
					}
					want := portfolio.count(func(d map[string]any) bool { return slices.Contains(c.want, d["status"].(string)) })
					if len(rep.Records.Initiatives) != want || want == 0 {
						t.Errorf("%d standings, want %d", len(rep.Records.Initiatives), want)
					}
					for _, st := range rep.Records.Initiatives {
						if !slices.Contains(c.want, st.Status) {
							t.Errorf("%s has status %s", st.ID, st.Status)
						}
					}
					if rep.Portfolio.Initiatives != want {
						t.Errorf("the portfolio counts %d, want %d", rep.Portfolio.Initiatives, want)
					}
				})
			}
		})
		t.Run("reads the rules at as_of", func(t *testing.T) {
			rep := get(t, "?as_of=2023-01-01")
			if rep.AsOf != "2023-01-01" || rep.Portfolio.AsOf != "2023-01-01" {
				t.Errorf("as_of %s, portfolio as_of %s", rep.AsOf, rep.Portfolio.AsOf)
			}
		})
		t.Run("speaks English with lang=en", func(t *testing.T) {
			rep := get(t, "?lang=en")
			if rep.Lang != models.LangEN {
				t.Errorf("lang %s", rep.Lang)
			}
			title := func(r models.ComplianceReport, rule string) string {
				for _, v := range r.Portfolio.Violations {
					if v.RuleID == rule {
						return v.Title
					}
				}
				return ""
			}
			nb, en := title(all, "PBUD-001"), title(rep, "PBUD-001")
			if nb == "" || en == "" || nb == en {
				t.Errorf("PBUD-001 is %q in nb and %q in en", nb, en)
			}
		})
		t.Run("checks every initiative again with recheck", func(t *testing.T) {
			rep := get(t, "?recheck=true")
			stored := map[string]string{}
			for _, st := range all.Records.Initiatives {
				stored[st.ID] = st.DecisionID
			}
			for _, st := range rep.Records.Initiatives {
				if st.DecisionID == "" || st.DecisionID == stored[st.ID] {
					t.Errorf("%s shows decision %q, stored %q: not a new check", st.ID, st.DecisionID, stored[st.ID])
				}
			}
		})
		t.Run("rejects bad values naming the field", func(t *testing.T) {
			for _, c := range []struct{ query, field string }{
				{"?status=bogus", "status"}, {"?status=forslag,nope", "status"}, {"?as_of=2023-02-30", "as_of"},
				{"?lang=de", "lang"}, {"?recheck=maybe", "recheck"},
			} {
				t.Run(c.query, func(t *testing.T) {
					rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance" + c.query})
					wantError(t, rec, http.StatusBadRequest, models.EINVALID, c.field)
					var e struct {
						Details map[string]string `json:"details"`
					}
					if json.Unmarshal(rec.Body.Bytes(), &e); e.Details["field"] != c.field {
						t.Errorf("details %v, want field %s", e.Details, c.field)
					}
				})
			}
		})
	})
}

func readCSV(t *testing.T, body string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	if len(rows) == 0 {
		t.Fatal("an empty CSV")
	}
	return rows
}

func TestComplianceReportCSV(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	portfolio := seedDemo(t, s)
	rep := decode[models.ComplianceReport](t, do(t, s, req{method: "GET", path: "/api/v1/reports/compliance"}))

	t.Run("writes every table in one file with a table column", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance.csv"})
		wantStatus(t, rec, http.StatusOK)
		if ct := rec.Header().Get("Content-Type"); ct != "text/csv; charset=utf-8" {
			t.Errorf("Content-Type %q", ct)
		}
		if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="compliance-`+rep.AsOf+`.csv"` {
			t.Errorf("Content-Disposition %q", cd)
		}
		rows := readCSV(t, rec.Body.String())
		header := rows[0]
		if header[0] != "table" {
			t.Fatalf("the first column is %q, want table", header[0])
		}
		perTable := map[string]int{}
		for _, row := range rows[1:] {
			if len(row) != len(header) {
				t.Fatalf("a row of %d cells under a header of %d", len(row), len(header))
			}
			if !slices.Contains(output.ReportTableNames, row[0]) {
				t.Errorf("a row of table %q", row[0])
			}
			perTable[row[0]]++
		}
		for table, want := range map[string]int{
			"initiatives":          len(portfolio.docs),
			"sector_figures":       len(rep.Portfolio.Figures.Sectors),
			"year_figures":         len(rep.Portfolio.Figures.Years),
			"buffer_fund":          1,
			"portfolio_violations": len(rep.Portfolio.Violations),
		} {
			if perTable[table] != want {
				t.Errorf("%d rows of %s, want %d", perTable[table], table, want)
			}
		}
	})
	t.Run("writes one table with its own columns", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance.csv?table=sector_figures"})
		wantStatus(t, rec, http.StatusOK)
		if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, "compliance-sector_figures-") {
			t.Errorf("Content-Disposition %q", cd)
		}
		rows := readCSV(t, rec.Body.String())
		wantHeader := []string{"sector", "name", "year", "net_change_knok", "change_room_knok", "net_frame_knok", "efficiency_savings_knok", "efficiency_target_pct", "efficiency_target_knok"}
		if !slices.Equal(rows[0], wantHeader) {
			t.Errorf("header %v, want %v", rows[0], wantHeader)
		}
		if len(rows)-1 != len(rep.Portfolio.Figures.Sectors) {
			t.Errorf("%d rows, want %d", len(rows)-1, len(rep.Portfolio.Figures.Sectors))
		}
		first := rep.Portfolio.Figures.Sectors[0]
		if rows[1][0] != first.Sector || rows[1][2] != strconv.Itoa(first.Year) || rows[1][3] != strconv.FormatFloat(first.NetChangeKNOK, 'f', -1, 64) {
			t.Errorf("first row %v, want %s %d %v", rows[1], first.Sector, first.Year, first.NetChangeKNOK)
		}
	})
	t.Run("rejects an unknown table naming it", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance.csv?table=nope"})
		wantError(t, rec, http.StatusBadRequest, models.EINVALID, "table")
	})
	t.Run("rejects a bad status like the JSON", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance.csv?status=bogus"})
		wantError(t, rec, http.StatusBadRequest, models.EINVALID, "status")
	})
}

// TestCheckPortfolioWhatIf checks POST /check?portfolio=true against numbers
// worked out by hand. The stored portfolio:
//
//	HP2124-OSK-014 omstilling (OSK)       drift 2022 −1500, 2023 −3000, 2024 −3000 (bucket omstilling)
//	HP2124-OSK-101 investering (OSK)      drift 2023 +1200, 2024 +3600
//	HP2124-OSU-007 effektivisering (OSU)  drift 2022 −2000, 2023 −2700, 2024 −2700
//
// OSK's room for change is 0 in every year, so OSK's net change is −1500 in
// 2022, −1800 in 2023 and +600 in 2024: PBUD-001 for OSK in 2024 only.
func TestCheckPortfolioWhatIf(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		for _, name := range []string{"omstilling-valid", "investering-valid", "effektivisering-valid"} {
			wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, name)}), http.StatusCreated)
		}
		whatIfOf := func(t *testing.T, proposal []byte) app.WhatIf {
			t.Helper()
			rec := do(t, s, req{method: "POST", path: "/api/v1/check?portfolio=true", body: proposal})
			wantStatus(t, rec, http.StatusOK)
			validateResponse(t, "POST", "/api/v1/check", rec.Code, rec.Body.Bytes())
			var out struct {
				DecisionID string      `json:"decision_id"`
				Portfolio  *app.WhatIf `json:"portfolio"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
				t.Fatal(err)
			}
			if out.DecisionID == "" || out.Portfolio == nil {
				t.Fatalf("no check result or no portfolio: %.300s", rec.Body)
			}
			return *out.Portfolio
		}
		net := func(t *testing.T, r models.PortfolioResult, sector string, year int) float64 {
			t.Helper()
			for _, f := range r.Figures.Sectors {
				if f.Sector == sector && f.Year == year {
					return f.NetChangeKNOK
				}
			}
			t.Fatalf("no figures for %s %d", sector, year)
			return 0
		}
		frameBreach := func(r models.PortfolioResult, sector string, year int) *models.Violation {
			for _, v := range r.Violations {
				if v.RuleID == "PBUD-001" && v.Sector == sector && v.Year == year {
					return &v
				}
			}
			return nil
		}
		omstilling := func(r models.PortfolioResult, year int) float64 {
			for _, y := range r.Figures.Years {
				if y.Year == year {
					return y.OmstillingLevelKNOK
				}
			}
			return -1
		}
		breaches := func(keys []models.PortfolioKey) []models.PortfolioKey {
			var out []models.PortfolioKey
			for _, k := range keys {
				if k.RuleID == "PBUD-001" {
					out = append(out, k)
				}
			}
			return out
		}
		cost := func(id string, lines ...map[string]any) []byte {
			return exampleWith(t, "omstilling-valid", map[string]any{"id": id, "budget_effects": lines})
		}
		line := func(year int, amount float64) map[string]any {
			return map[string]any{"year": year, "account": "drift", "amount_knok": amount}
		}

		t.Run("the stored portfolio is as worked out", func(t *testing.T) {
			w := whatIfOf(t, cost("HP2124-OSK-015", line(2022, 0)))
			b := w.Before
			if b.Initiatives != 3 || net(t, b, "OSK", 2022) != -1500 || net(t, b, "OSK", 2023) != -1800 || net(t, b, "OSK", 2024) != 600 || net(t, b, "OSU", 2022) != -2000 {
				t.Errorf("before: %d initiatives, OSK %v/%v/%v, OSU 2022 %v", b.Initiatives, net(t, b, "OSK", 2022), net(t, b, "OSK", 2023), net(t, b, "OSK", 2024), net(t, b, "OSU", 2022))
			}
			if v := frameBreach(b, "OSK", 2024); v == nil || *v.Value != 600 || *v.Limit != 0 {
				t.Errorf("before: PBUD-001 OSK 2024 is %+v, want value 600 over limit 0", v)
			}
			if frameBreach(b, "OSK", 2022) != nil || frameBreach(b, "OSK", 2023) != nil {
				t.Error("before: PBUD-001 for OSK in 2022 or 2023")
			}
			if omstilling(b, 2022) != 1500 || omstilling(b, 2023) != 3000 {
				t.Errorf("before: omstilling level %v in 2022, %v in 2023; want 1500 and 3000", omstilling(b, 2022), omstilling(b, 2023))
			}
		})
		t.Run("a new proposal over the room adds a PBUD-001 violation", func(t *testing.T) {
			// +4000 in 2022: OSK goes from −1500 to +2500, over the room of 0.
			w := whatIfOf(t, cost("HP2124-OSK-015", line(2022, 4000)))
			if w.Replaces != "" || w.Before.Initiatives != 3 || w.After.Initiatives != 4 {
				t.Errorf("replaces %q, %d → %d initiatives; want a new one, 3 → 4", w.Replaces, w.Before.Initiatives, w.After.Initiatives)
			}
			if got := net(t, w.After, "OSK", 2022); got != 2500 {
				t.Errorf("after: OSK 2022 is %v, want 2500", got)
			}
			if got := net(t, w.After, "OSU", 2022); got != -2000 {
				t.Errorf("after: OSU 2022 is %v, want −2000 as before", got)
			}
			v := frameBreach(w.After, "OSK", 2022)
			if v == nil || *v.Value != 2500 || *v.Limit != 0 || v.Severity != models.SeverityError {
				t.Fatalf("after: PBUD-001 OSK 2022 is %+v, want an error with value 2500 over limit 0", v)
			}
			want := []models.PortfolioKey{{RuleID: "PBUD-001", Severity: models.SeverityError, Sector: "OSK", Year: 2022}}
			if got := breaches(w.Added); !slices.Equal(got, want) {
				t.Errorf("added frame breaches %v, want %v", got, want)
			}
			if got := breaches(w.Removed); len(got) != 0 {
				t.Errorf("removed frame breaches %v, want none", got)
			}
		})
		t.Run("a proposal with a stored id replaces that initiative", func(t *testing.T) {
			// HP2124-OSK-014 becomes +2000 in 2022 and nothing after: OSK is
			// 2000 in 2022, 0 + 1200 in 2023, 0 + 3600 in 2024, and no omstilling left.
			w := whatIfOf(t, cost("HP2124-OSK-014", line(2022, 2000)))
			if w.Replaces != "HP2124-OSK-014" || w.After.Initiatives != 3 {
				t.Errorf("replaces %q with %d initiatives after; want HP2124-OSK-014 and 3", w.Replaces, w.After.Initiatives)
			}
			for year, want := range map[int]float64{2022: 2000, 2023: 1200, 2024: 3600} {
				if got := net(t, w.After, "OSK", year); got != want {
					t.Errorf("after: OSK %d is %v, want %v", year, got, want)
				}
			}
			if v := frameBreach(w.After, "OSK", 2024); v == nil || *v.Value != 3600 {
				t.Errorf("after: PBUD-001 OSK 2024 is %+v, want value 3600", v)
			}
			if omstilling(w.After, 2022) != 0 || omstilling(w.After, 2023) != 0 {
				t.Errorf("after: omstilling level %v in 2022, %v in 2023; want 0", omstilling(w.After, 2022), omstilling(w.After, 2023))
			}
			want := []models.PortfolioKey{{RuleID: "PBUD-001", Severity: models.SeverityError, Sector: "OSK", Year: 2022}, {RuleID: "PBUD-001", Severity: models.SeverityError, Sector: "OSK", Year: 2023}}
			if got := breaches(w.Added); !slices.Equal(got, want) {
				t.Errorf("added frame breaches %v, want %v (2024 was over before)", got, want)
			}
		})
		t.Run("a proposal that breaks the schema has no what-if", func(t *testing.T) {
			rec := do(t, s, req{method: "POST", path: "/api/v1/check?portfolio=true", body: example(t, "schema-invalid")})
			wantStatus(t, rec, http.StatusOK)
			if strings.Contains(rec.Body.String(), `"portfolio"`) {
				t.Errorf("a what-if for a document the portfolio cannot read: %.300s", rec.Body)
			}
		})
		t.Run("rejects a portfolio that is not a boolean", func(t *testing.T) {
			rec := do(t, s, req{method: "POST", path: "/api/v1/check?portfolio=sometimes", body: example(t, "omstilling-valid")})
			wantError(t, rec, http.StatusBadRequest, models.EINVALID, "portfolio")
		})
	})
}
