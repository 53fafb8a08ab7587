package output

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/baerum/styring/models"
)

// openXLSX writes the report as a workbook and opens it again.
func openXLSX(t *testing.T, rep models.ComplianceReport) *excelize.File {
	t.Helper()
	var b bytes.Buffer
	if err := WriteReportXLSX(&b, rep); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func rawValue(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	return v
}

func cellType(t *testing.T, f *excelize.File, sheet, cell string) excelize.CellType {
	t.Helper()
	ct, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	return ct
}

func TestWriteReportXLSX(t *testing.T) {
	rep := reportFixture(models.LangNB)
	rep.Records.Initiatives[0].Title = `=HYPERLINK("https://evil.example","klikk")`
	f := openXLSX(t, rep)

	t.Run("a sheet per table, in Norwegian, in the tables' order", func(t *testing.T) {
		var want []string
		for _, name := range ReportTableNames {
			want = append(want, TableTitle(name, models.LangNB))
		}
		if got := f.GetSheetList(); !slices.Equal(got, want) {
			t.Errorf("sheets %q, want %q", got, want)
		}
		if f.GetActiveSheetIndex() != 0 {
			t.Errorf("active sheet %d, want the first", f.GetActiveSheetIndex())
		}
	})

	t.Run("Norwegian headers, amounts in 1000 kr", func(t *testing.T) {
		for cell, want := range map[string]string{"A1": "Sektor", "C1": "År", "D1": "Netto endring (1000 kr)", "H1": "Effektiviseringsmål (%)"} {
			if got := rawValue(t, f, "Sektorer per år", cell); got != want {
				t.Errorf("Sektorer per år!%s = %q, want %q", cell, got, want)
			}
		}
		if got := rawValue(t, f, "Tiltak", "B1"); got != "Tittel" { // from the labels catalog
			t.Errorf("Tiltak!B1 = %q, want Tittel", got)
		}
	})

	t.Run("numbers are numbers, amounts formatted with a thousands separator", func(t *testing.T) {
		sheet := "Sektorer per år"
		for cell, want := range map[string]string{"D2": "5400", "F2": "2250000", "D3": "-1000.5", "C2": "2022", "H2": "0.7"} {
			if ct := cellType(t, f, sheet, cell); ct != excelize.CellTypeNumber && ct != excelize.CellTypeUnset {
				t.Errorf("%s type %v, want a number", cell, ct)
			}
			if got := rawValue(t, f, sheet, cell); got != want {
				t.Errorf("%s = %q, want %q", cell, got, want)
			}
		}
		// A numeric cell carries no t="s"/"str": GetCellType answers Unset for
		// the default (number); make sure it is no string either way.
		if ct := cellType(t, f, sheet, "F2"); ct == excelize.CellTypeSharedString || ct == excelize.CellTypeInlineString {
			t.Errorf("F2 is a string (%v)", ct)
		}
		shown, err := f.GetCellValue(sheet, "F2")
		if err != nil {
			t.Fatal(err)
		}
		if shown != "2,250,000" { // excelize formats in the en-US locale; Excel shows 2 250 000 in Norwegian
			t.Errorf("F2 shown as %q, want 2,250,000", shown)
		}
		if ct := cellType(t, f, "Tiltak", "G3"); ct != excelize.CellTypeBool {
			t.Errorf("allowed type %v, want a boolean", ct)
		}
		if got := rawValue(t, f, "Bufferfond", "C2"); got != "-120000" {
			t.Errorf("buffer fund end %q, want -120000", got)
		}
	})

	t.Run("a formula-like title is text, not a formula", func(t *testing.T) {
		formula, err := f.GetCellFormula("Tiltak", "B2")
		if err != nil {
			t.Fatal(err)
		}
		if formula != "" {
			t.Errorf("B2 has the formula %q", formula)
		}
		if got := rawValue(t, f, "Tiltak", "B2"); got != rep.Records.Initiatives[0].Title {
			t.Errorf("B2 = %q, want the title as it is", got)
		}
		if ct := cellType(t, f, "Tiltak", "B2"); ct != excelize.CellTypeSharedString && ct != excelize.CellTypeInlineString {
			t.Errorf("B2 type %v, want a string", ct)
		}
	})

	t.Run("header row bold and frozen, columns wide enough", func(t *testing.T) {
		for _, sheet := range f.GetSheetList() {
			panes, err := f.GetPanes(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
				t.Errorf("%s: panes %+v, want the first row frozen", sheet, panes)
			}
			id, err := f.GetCellStyle(sheet, "A1")
			if err != nil {
				t.Fatal(err)
			}
			style, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if style.Font == nil || !style.Font.Bold {
				t.Errorf("%s: header not bold", sheet)
			}
		}
		w, err := f.GetColWidth("Sektorer per år", "B") // "Oppvekst skole"
		if err != nil {
			t.Fatal(err)
		}
		if w < 14 || w > maxColWidth {
			t.Errorf("column B width %v, want it to fit the sector's name", w)
		}
	})

	t.Run("amount columns carry the kNOK number format", func(t *testing.T) {
		id, err := f.GetCellStyle("Sektorer per år", "F2")
		if err != nil {
			t.Fatal(err)
		}
		style, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if style.CustomNumFmt == nil || *style.CustomNumFmt != fmtKNOK {
			t.Errorf("F2 number format %v, want %s", style.CustomNumFmt, fmtKNOK)
		}
	})
}

func TestWriteReportXLSXEnglish(t *testing.T) {
	f := openXLSX(t, reportFixture(models.LangEN))
	if got := f.GetSheetList()[1]; got != "Sectors per year" {
		t.Errorf("second sheet %q, want Sectors per year", got)
	}
	if got := rawValue(t, f, "Sectors per year", "D1"); got != "Net change (NOK 1000)" {
		t.Errorf("D1 = %q", got)
	}
}

func TestWriteReportXLSXEmpty(t *testing.T) {
	f := openXLSX(t, models.ComplianceReport{Lang: models.LangNB})
	if got := len(f.GetSheetList()); got != len(ReportTableNames) {
		t.Errorf("%d sheets, want %d", got, len(ReportTableNames))
	}
	if got := rawValue(t, f, "Tiltak", "A1"); got != "Tiltaks-id" {
		t.Errorf("Tiltak!A1 = %q", got)
	}
}

// Every column of every table has a header and a sheet name in both
// languages, and the sheet names fit Excel's 31 characters.
func TestReportLabelsComplete(t *testing.T) {
	for _, tb := range ReportTables(reportFixture(models.LangNB)) {
		for _, lang := range []models.Lang{models.LangNB, models.LangEN} {
			if title := TableTitle(tb.Name, lang); title == tb.Name || len([]rune(title)) > 31 {
				t.Errorf("table %s (%s): title %q", tb.Name, lang, title)
			}
			for _, c := range tb.Columns {
				if h := ColumnHeader(c, lang); h == c || h == "" {
					t.Errorf("table %s (%s): column %s has no header", tb.Name, lang, c)
				}
			}
		}
		if len(tb.Kinds) != len(tb.Columns) {
			t.Errorf("table %s: %d kinds for %d columns", tb.Name, len(tb.Kinds), len(tb.Columns))
		}
	}
}
