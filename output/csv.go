package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/baerum/styring/labels"
	"github.com/baerum/styring/models"
)

// The compliance report as CSV: its tables one by one, or all in one file.

// ReportTable is one table of a compliance report in rows and columns.
type ReportTable struct {
	Name    string
	Columns []string
	// Kinds are the columns' kinds, one per column: what a spreadsheet makes of the cells.
	Kinds []ColumnKind
	Rows  [][]string
}

// ColumnKind is what a column holds, for a spreadsheet: text, or a number and how to show it.
type ColumnKind int

const (
	KindText   ColumnKind = iota
	KindInt               // a count, a year or a version
	KindNumber            // a number in the rule's unit (a violation's value and limit)
	KindKNOK              // an amount in thousands of kroner
	KindPct               // a percentage, in percent
	KindBool              // true or false
)

// Numeric reports the kinds a spreadsheet takes as numbers.
func (k ColumnKind) Numeric() bool {
	return k == KindInt || k == KindNumber || k == KindKNOK || k == KindPct
}

// columnKind is the kind of a column of a table: amounts end in _knok,
// percentages in _pct; waived is a count of the initiatives, a flag of a violation.
func columnKind(table, column string) ColumnKind {
	switch {
	case strings.HasSuffix(column, "_knok"):
		return KindKNOK
	case strings.HasSuffix(column, "_pct"):
		return KindPct
	}
	switch column {
	case "year", "version", "errors", "warnings", "info", "total":
		return KindInt
	case "value", "limit":
		return KindNumber
	case "allowed":
		return KindBool
	case "waived":
		if table == "violations" {
			return KindBool
		}
		return KindInt
	}
	return KindText
}

// columnLabels name the columns for people; id, title, type and status are
// the initiative's own fields and take their labels from the catalog (labels).
var columnLabels = map[string]models.Text{
	"table":                        {NB: "Tabell", EN: "Table"},
	"rule_id":                      {NB: "Regel", EN: "Rule"},
	"severity":                     {NB: "Alvorlighet", EN: "Severity"},
	"sector":                       {NB: "Sektor", EN: "Sector"},
	"year":                         {NB: "År", EN: "Year"},
	"value":                        {NB: "Verdi", EN: "Value"},
	"limit":                        {NB: "Grense", EN: "Limit"},
	"message":                      {NB: "Melding", EN: "Message"},
	"reference":                    {NB: "Hjemmel", EN: "Reference"},
	"name":                         {NB: "Navn", EN: "Name"},
	"net_change_knok":              {NB: "Netto endring", EN: "Net change"},
	"change_room_knok":             {NB: "Endringsrom", EN: "Room for change"},
	"net_frame_knok":               {NB: "Nettoramme", EN: "Net frame"},
	"efficiency_savings_knok":      {NB: "Varig effektivisering", EN: "Lasting savings"},
	"efficiency_target_pct":        {NB: "Effektiviseringsmål", EN: "Efficiency target"},
	"efficiency_target_knok":       {NB: "Effektiviseringsmål", EN: "Efficiency target"},
	"omstilling_level_knok":        {NB: "Omstillingsnivå", EN: "Omstilling level"},
	"omstilling_required_knok":     {NB: "Omstillingskrav", EN: "Omstilling required"},
	"omstilling_upper_knok":        {NB: "Omstilling, øvre grense", EN: "Omstilling, upper limit"},
	"total_net_drift_knok":         {NB: "Netto driftsendring", EN: "Net operating change"},
	"net_operating_result_pct":     {NB: "Netto driftsresultat", EN: "Net operating result"},
	"min_net_operating_result_pct": {NB: "Måltall netto driftsresultat", EN: "Net operating result target"},
	"start_of_plan_knok":           {NB: "Bufferfond ved planstart", EN: "Buffer fund at the start of the plan"},
	"use_knok":                     {NB: "Bruk av bufferfond", EN: "Use of the buffer fund"},
	"end_of_period_knok":           {NB: "Bufferfond ved periodens slutt", EN: "Buffer fund at the end of the period"},
	"minimum_knok":                 {NB: "Minste bufferfond", EN: "Minimum buffer fund"},
	"version":                      {NB: "Versjon", EN: "Version"},
	"allowed":                      {NB: "Kan vedtas", EN: "Allowed"},
	"errors":                       {NB: "Feil", EN: "Errors"},
	"warnings":                     {NB: "Advarsler", EN: "Warnings"},
	"info":                         {NB: "Merknader", EN: "Notes"},
	"waived":                       {NB: "Unntak gitt", EN: "Waived"},
	"decision_id":                  {NB: "Vedtaksid", EN: "Decision id"},
	"path":                         {NB: "Felt", EN: "Field"},
	"key":                          {NB: "Nøkkel", EN: "Key"},
	"total":                        {NB: "Totalt", EN: "Total"},
}

// tableTitles name the tables for people, short enough for a worksheet (31 characters).
var tableTitles = map[string]models.Text{
	"portfolio_violations": {NB: "Porteføljebrudd", EN: "Portfolio violations"},
	"sector_figures":       {NB: "Sektorer per år", EN: "Sectors per year"},
	"year_figures":         {NB: "Porteføljen per år", EN: "Portfolio per year"},
	"buffer_fund":          {NB: "Bufferfond", EN: "Buffer fund"},
	"initiatives":          {NB: "Tiltak", EN: "Initiatives"},
	"violations":           {NB: "Regelbrudd", EN: "Violations"},
	"by_rule":              {NB: "Per regel", EN: "By rule"},
	"by_category":          {NB: "Per kategori", EN: "By category"},
	"by_sector":            {NB: "Per sektor", EN: "By sector"},
}

// ColumnHeader is a column's header for people in lang: its label, with the
// unit of an amount ("(1000 kr)") or a percentage ("(%)"). A column without
// a label keeps its name.
func ColumnHeader(column string, lang models.Lang) string {
	var label string
	switch column {
	case "id", "title", "type", "status":
		label, _ = labels.Label("/"+column, lang)
	default:
		label = columnLabels[column].In(lang)
	}
	if label == "" {
		return column
	}
	switch columnKind("", column) {
	case KindKNOK:
		if lang == models.LangEN {
			return label + " (NOK 1000)"
		}
		return label + " (1000 kr)"
	case KindPct:
		return label + " (%)"
	}
	return label
}

// TableTitle is a table's name for people in lang; an unknown table keeps its name.
func TableTitle(table string, lang models.Lang) string {
	if t, ok := tableTitles[table]; ok {
		return t.In(lang)
	}
	return table
}

// ReportTableNames lists the report's tables in the order they are written.
var ReportTableNames = []string{"portfolio_violations", "sector_figures", "year_figures", "buffer_fund", "initiatives", "violations", "by_rule", "by_category", "by_sector"}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func optNum(f *float64) string {
	if f == nil {
		return ""
	}
	return num(*f)
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// ReportTables returns the report's tables.
func ReportTables(r models.ComplianceReport) []ReportTable {
	p := r.Portfolio
	pv := ReportTable{Name: "portfolio_violations", Columns: []string{"rule_id", "severity", "sector", "year", "value", "limit", "message", "reference"}}
	for _, v := range p.Violations {
		pv.Rows = append(pv.Rows, []string{v.RuleID, string(v.Severity), v.Sector, yearText(v.Year), optNum(v.Value), optNum(v.Limit), v.Message, v.Reference})
	}
	sf := ReportTable{Name: "sector_figures", Columns: []string{"sector", "name", "year", "net_change_knok", "change_room_knok", "net_frame_knok", "efficiency_savings_knok", "efficiency_target_pct", "efficiency_target_knok"}}
	for _, s := range p.Figures.Sectors {
		sf.Rows = append(sf.Rows, []string{s.Sector, s.Name, yearText(s.Year), num(s.NetChangeKNOK), num(s.ChangeRoomKNOK), num(s.NetFrameKNOK), num(s.EfficiencySavingKNOK), num(s.EfficiencyTargetPct), num(s.EfficiencyTargetKNOK)})
	}
	yf := ReportTable{Name: "year_figures", Columns: []string{"year", "omstilling_level_knok", "omstilling_required_knok", "omstilling_upper_knok", "total_net_drift_knok", "net_operating_result_pct", "min_net_operating_result_pct"}}
	for _, y := range p.Figures.Years {
		yf.Rows = append(yf.Rows, []string{yearText(y.Year), num(y.OmstillingLevelKNOK), num(y.OmstillingRequiredKNOK), num(y.OmstillingUpperKNOK), num(y.TotalNetDriftKNOK), num(y.NetOperatingResultPct), num(y.MinNetOperatingResultPct)})
	}
	b := p.Figures.BufferFund
	bf := ReportTable{Name: "buffer_fund", Columns: []string{"start_of_plan_knok", "use_knok", "end_of_period_knok", "minimum_knok"},
		Rows: [][]string{{num(b.StartKNOK), num(b.UseKNOK), num(b.EndKNOK), num(b.MinimumKNOK)}}}
	in := ReportTable{Name: "initiatives", Columns: []string{"id", "title", "sector", "status", "type", "version", "allowed", "errors", "warnings", "info", "waived", "decision_id"}}
	vt := ReportTable{Name: "violations", Columns: []string{"id", "rule_id", "severity", "path", "year", "message", "reference", "waived"}}
	for _, s := range r.Records.Initiatives {
		in.Rows = append(in.Rows, []string{s.ID, s.Title, s.Sector, s.Status, s.Type, strconv.Itoa(s.Version), strconv.FormatBool(s.Allowed),
			strconv.Itoa(s.Summary.Error), strconv.Itoa(s.Summary.Warning), strconv.Itoa(s.Summary.Info), strconv.Itoa(s.Summary.Waived), s.DecisionID})
		for _, v := range s.Violations {
			vt.Rows = append(vt.Rows, []string{s.ID, v.RuleID, string(v.Severity), v.PathOr(""), yearText(v.Year), v.Message, v.Reference, strconv.FormatBool(v.Waived)})
		}
	}
	counts := func(name string, rows []models.Count) ReportTable {
		t := ReportTable{Name: name, Columns: []string{"key", "errors", "warnings", "info", "total"}}
		for _, c := range rows {
			t.Rows = append(t.Rows, []string{c.Key, strconv.Itoa(c.Error), strconv.Itoa(c.Warn), strconv.Itoa(c.Info), strconv.Itoa(c.Total)})
		}
		return t
	}
	tables := []ReportTable{pv, sf, yf, bf, in, vt, counts("by_rule", r.Records.ByRule), counts("by_category", r.Records.ByCategory), counts("by_sector", r.Records.BySector)}
	for i := range tables {
		t := &tables[i]
		t.Kinds = make([]ColumnKind, len(t.Columns))
		for j, c := range t.Columns {
			t.Kinds[j] = columnKind(t.Name, c)
		}
	}
	return tables
}

// CSVOptions shape the CSV. The zero value is the CSV for programs and CI:
// comma-separated, a decimal point, the columns' names as headers.
type CSVOptions struct {
	// Excel writes the CSV a Norwegian Excel opens in columns: a UTF-8 byte
	// order mark, ";" between the cells, a decimal comma in the numbers, and
	// the headers and table names in the report's language (ColumnHeader,
	// TableTitle). Cells are neutralised as in the default (safeCell).
	Excel bool
}

// WriteReportCSV writes one table of the report (name), or all of them in one
// file with a first column "table" and the union of the tables' columns.
func WriteReportCSV(w io.Writer, r models.ComplianceReport, name string) error {
	return WriteReportCSVWith(w, r, name, CSVOptions{})
}

// utf8BOM tells Excel the file is UTF-8 (it guesses a legacy code page otherwise).
const utf8BOM = "\uFEFF"

// WriteReportCSVWith is WriteReportCSV shaped by opts.
func WriteReportCSVWith(w io.Writer, r models.ComplianceReport, name string, opts CSVOptions) error {
	tables := ReportTables(r)
	if name != "" {
		i := slices.IndexFunc(tables, func(t ReportTable) bool { return t.Name == name })
		if i < 0 {
			return models.Errorf(models.EINVALID, "table: «%s» is not one of %s", name, strings.Join(ReportTableNames, ", "))
		}
		tables = tables[i : i+1]
	}
	if opts.Excel {
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw := csv.NewWriter(w)
	header := func(c string) string { return c }
	tableName := header
	if opts.Excel {
		cw.Comma = ';'
		header = func(c string) string { return ColumnHeader(c, r.Lang) }
		tableName = func(t string) string { return TableTitle(t, r.Lang) }
	}
	// cells makes a table's row safe to open in a spreadsheet (safeCell), with
	// a decimal comma in the numbers for Excel; the caller's row stays as it was.
	cells := func(t ReportTable, row []string) []string {
		out := make([]string, len(row))
		for i, cell := range row {
			switch {
			case opts.Excel && i < len(t.Kinds) && t.Kinds[i].Numeric() && isDecimal(cell):
				out[i] = strings.Replace(cell, ".", ",", 1)
			default:
				out[i] = safeCell(cell)
			}
		}
		return out
	}
	if name != "" {
		t := tables[0]
		head := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			head[i] = header(c)
		}
		if err := cw.Write(cells(ReportTable{}, head)); err != nil {
			return err
		}
		for _, row := range t.Rows {
			if err := cw.Write(cells(t, row)); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	var columns []string
	for _, t := range tables {
		for _, c := range t.Columns {
			if !slices.Contains(columns, c) {
				columns = append(columns, c)
			}
		}
	}
	head := []string{header("table")}
	for _, c := range columns {
		head = append(head, header(c))
	}
	if err := cw.Write(cells(ReportTable{}, head)); err != nil {
		return err
	}
	for _, t := range tables {
		index := make([]int, len(t.Columns))
		for i, c := range t.Columns {
			index[i] = slices.Index(columns, c)
		}
		for _, row := range t.Rows {
			out := make([]string, len(columns)+1)
			out[0] = safeCell(tableName(t.Name))
			for i, cell := range cells(t, row) {
				out[index[i]+1] = cell
			}
			if err := cw.Write(out); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// safeCell neutralises a cell a spreadsheet would take for a formula (CSV
// injection, OWASP): one starting with =, +, -, @, a tab or a carriage return
// gets a leading single quote, so Excel shows it as text. A number (-120000,
// -1000.5) stays as it is, and stays a number.
func safeCell(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if isDecimal(cell) {
			return cell
		}
		return "'" + cell
	}
	return cell
}

// isDecimal reports a plain decimal number: an optional sign, digits with an
// optional fraction, an optional exponent (nothing a spreadsheet could evaluate).
func isDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	n := digits()
	if i < len(s) && s[i] == '.' {
		i++
		n += digits()
	}
	if n == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}
