package output

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/baerum/styring/models"
)

// The compliance report as an Excel workbook: a sheet per table, the same
// tables as the CSV (ReportTables), for the managers' own sums and charts.

// XLSXContentType is the media type of the workbook.
const XLSXContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// Number formats of the workbook. The codes are Excel's, locale-independent:
// "," is the thousands separator, which a Norwegian Excel shows as a space
// (1 234 567), "." the decimal separator, shown as a comma.
const (
	fmtKNOK = "#,##0"     // whole thousands of kroner; the header says "(1000 kr)"
	fmtPct  = "#,##0.0##" // percent points, up to three decimals
	fmtInt  = "0"         // counts, years and versions: no separator
	// A rule's value and limit, in the rule's own unit (kroner, percent), keep Excel's General.
)

// Column widths, in characters.
const (
	minColWidth = 8
	maxColWidth = 60
)

// WriteReportXLSX writes the report as an .xlsx workbook: one sheet per table,
// named in the report's language (TableTitle), in the order of
// ReportTableNames; the header row (ColumnHeader) bold and frozen, with an
// autofilter; numbers as numbers, amounts with a thousands separator; text is
// always text, never a formula.
func WriteReportXLSX(w io.Writer, r models.ComplianceReport) error {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	styles, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	first := f.GetSheetName(0)
	for i, t := range ReportTables(r) {
		sheet := TableTitle(t.Name, r.Lang)
		if i == 0 {
			err = f.SetSheetName(first, sheet)
		} else {
			_, err = f.NewSheet(sheet)
		}
		if err != nil {
			return fmt.Errorf("xlsx: sheet %s: %w", sheet, err)
		}
		if err := writeXLSXTable(f, sheet, t, r.Lang, styles); err != nil {
			return fmt.Errorf("xlsx: sheet %s: %w", sheet, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// xlsxStyles are the workbook's style ids: the header's, and one per kind of number.
type xlsxStyles struct {
	header int
	kind   map[ColumnKind]int
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	s := xlsxStyles{kind: map[ColumnKind]int{}}
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	}); err != nil {
		return s, fmt.Errorf("xlsx: style: %w", err)
	}
	for kind, code := range map[ColumnKind]string{KindKNOK: fmtKNOK, KindPct: fmtPct, KindInt: fmtInt} {
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			return s, fmt.Errorf("xlsx: style: %w", err)
		}
		s.kind[kind] = id
	}
	return s, nil
}

// writeXLSXTable fills one sheet with a table.
func writeXLSXTable(f *excelize.File, sheet string, t ReportTable, lang models.Lang, styles xlsxStyles) error {
	widths := make([]int, len(t.Columns))
	for j, c := range t.Columns {
		head := ColumnHeader(c, lang)
		cell, err := excelize.CoordinatesToCellName(j+1, 1)
		if err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, cell, head); err != nil {
			return err
		}
		// A long header wraps at the column's width rather than widening it.
		widths[j] = min(utf8.RuneCountInString(head), 24)
	}
	for i, row := range t.Rows {
		for j, text := range row {
			if text == "" {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(j+1, i+2)
			if err != nil {
				return err
			}
			kind := KindText
			if j < len(t.Kinds) {
				kind = t.Kinds[j]
			}
			if err := setXLSXCell(f, sheet, cell, kind, text); err != nil {
				return err
			}
			width := utf8.RuneCountInString(text)
			if kind == KindKNOK || kind == KindNumber || kind == KindPct {
				width += width / 3 // the thousands separators
			}
			widths[j] = max(widths[j], width)
		}
	}
	last := len(t.Columns)
	lastHeader, err := excelize.CoordinatesToCellName(last, 1)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", lastHeader, styles.header); err != nil {
		return err
	}
	for j := range t.Columns {
		col, err := excelize.ColumnNumberToName(j + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, float64(min(max(widths[j]+2, minColWidth), maxColWidth))); err != nil {
			return err
		}
		if j < len(t.Kinds) && len(t.Rows) > 0 {
			if style, ok := styles.kind[t.Kinds[j]]; ok {
				if err := f.SetCellStyle(sheet, col+"2", col+strconv.Itoa(len(t.Rows)+1), style); err != nil {
					return err
				}
			}
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	lastCell, err := excelize.CoordinatesToCellName(last, len(t.Rows)+1)
	if err != nil {
		return err
	}
	return f.AutoFilter(sheet, "A1:"+lastCell, nil)
}

// setXLSXCell writes a cell as its kind: a number as a number, true or false
// as a boolean, anything else, and a number that does not parse, as text
// (SetCellStr: a string cell, never a formula, whatever it starts with).
func setXLSXCell(f *excelize.File, sheet, cell string, kind ColumnKind, text string) error {
	switch kind {
	case KindInt:
		if n, err := strconv.Atoi(text); err == nil {
			return f.SetCellInt(sheet, cell, int64(n))
		}
	case KindNumber, KindKNOK, KindPct:
		if isDecimal(text) {
			if v, err := strconv.ParseFloat(text, 64); err == nil {
				return f.SetCellFloat(sheet, cell, v, -1, 64)
			}
		}
	case KindBool:
		if b, err := strconv.ParseBool(text); err == nil {
			return f.SetCellBool(sheet, cell, b)
		}
	}
	return f.SetCellStr(sheet, cell, text)
}
