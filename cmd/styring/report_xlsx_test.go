package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/baerum/styring/output"
)

// TestReportXLSX: `styring report --format xlsx` writes a workbook to stdout,
// `--format csv --excel` the CSV for a Norwegian Excel.
func TestReportXLSX(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(examples, "portfolio", "P-*.json"))
	r := styring(t, "", append([]string{"report", "--format", "xlsx"}, files...)...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	f, err := excelize.OpenReader(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	defer func() { _ = f.Close() }()
	if got := len(f.GetSheetList()); got != len(output.ReportTableNames) {
		t.Errorf("%d sheets, want %d", got, len(output.ReportTableNames))
	}
	rows, err := f.GetRows("Tiltak")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 13 || rows[0][0] != "Tiltaks-id" {
		t.Errorf("%d rows under %q, want 12 initiatives", len(rows)-1, rows[0])
	}
	if r := styring(t, "", append([]string{"report", "--format", "xlsx", "--lang", "en"}, files...)...); r.code != 0 {
		t.Errorf("lang en: exit %d: %s", r.code, r.stderr)
	} else if f, err := excelize.OpenReader(strings.NewReader(r.stdout)); err != nil || f.GetSheetName(0) != "Portfolio violations" {
		t.Errorf("lang en: %v", err)
	}

	r = styring(t, "", append([]string{"report", "--format", "csv", "--excel", "--table", "year_figures"}, files...)...)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "\uFEFFÅr;Omstillingsnivå (1000 kr);") {
		t.Errorf("csv --excel: %d %.80q %s", r.code, r.stdout, r.stderr)
	}
	for _, args := range [][]string{
		{"report", "--format", "json", "--excel"},
		{"report", "--format", "xlsx", "--table", "year_figures"},
	} {
		if r := styring(t, "", append(args, files[0])...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2", args, r.code)
		}
	}
}
