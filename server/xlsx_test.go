package server

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/output"
)

// TestComplianceReportXLSX: a leader downloads the report as a workbook, a
// caseworker may not; the CSV for Excel has its BOM, ";" and Norwegian headers.
func TestComplianceReportXLSX(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	portfolio := seedDemo(t, s)
	leader := map[string]string{"Authorization": "Bearer " + issueToken(t, s, "xlsx-leder", models.RoleLeder)}
	caseworker := map[string]string{"Authorization": "Bearer " + issueToken(t, s, "xlsx-saksbehandler", models.RoleSaksbehandler)}
	rep := decode[models.ComplianceReport](t, do(t, s, req{method: "GET", path: "/api/v1/reports/compliance", headers: leader}))

	t.Run("a leader gets a workbook", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance.xlsx", headers: leader})
		wantStatus(t, rec, http.StatusOK)
		if ct := rec.Header().Get("Content-Type"); ct != output.XLSXContentType {
			t.Errorf("Content-Type %q", ct)
		}
		if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="compliance-`+rep.AsOf+`.xlsx"` {
			t.Errorf("Content-Disposition %q", cd)
		}
		f, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
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
		if len(rows)-1 != len(portfolio.docs) || rows[0][0] != "Tiltaks-id" {
			t.Errorf("%d initiatives under %q, want %d", len(rows)-1, rows[0], len(portfolio.docs))
		}
		ct, err := f.GetCellType("Sektorer per år", "F2") // the net frame, an amount
		if err != nil {
			t.Fatal(err)
		}
		if ct == excelize.CellTypeSharedString || ct == excelize.CellTypeInlineString {
			t.Errorf("an amount is text (%v)", ct)
		}
	})
	t.Run("in English with lang=en", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance.xlsx?lang=en", headers: leader})
		wantStatus(t, rec, http.StatusOK)
		f, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
		if err != nil {
			t.Fatalf("not a workbook: %v", err)
		}
		defer func() { _ = f.Close() }()
		if got := f.GetSheetName(0); got != "Portfolio violations" {
			t.Errorf("first sheet %q", got)
		}
	})
	t.Run("a caseworker may not", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance.xlsx", headers: caseworker})
		wantStatus(t, rec, http.StatusForbidden)
	})
	t.Run("rejects a bad status like the JSON", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance.xlsx?status=bogus", headers: leader})
		wantError(t, rec, http.StatusBadRequest, models.EINVALID, "status")
	})
	t.Run("the CSV for Excel", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance.csv?table=sector_figures&excel=true", headers: leader})
		wantStatus(t, rec, http.StatusOK)
		body, ok := bytes.CutPrefix(rec.Body.Bytes(), []byte("\xef\xbb\xbf"))
		if !ok {
			t.Fatalf("no byte order mark")
		}
		r := csv.NewReader(bytes.NewReader(body))
		r.Comma = ';'
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if rows[0][0] != "Sektor" || rows[0][3] != "Netto endring (1000 kr)" {
			t.Errorf("header %q", rows[0])
		}
	})
	t.Run("the CSV rejects an excel that is not a boolean", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance.csv?excel=ja", headers: leader})
		wantError(t, rec, http.StatusBadRequest, models.EINVALID, "excel")
	})
	t.Run("the default CSV keeps the columns' names", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/api/v1/reports/compliance.csv?table=sector_figures&lang=nb", headers: leader})
		wantStatus(t, rec, http.StatusOK)
		if bytes.HasPrefix(rec.Body.Bytes(), []byte("\xef\xbb\xbf")) || !bytes.HasPrefix(rec.Body.Bytes(), []byte("sector,name,year,")) {
			t.Errorf("the default CSV changed: %.80q", rec.Body.String())
		}
	})
}
