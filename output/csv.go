package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/baerum/styring/models"
)

// The compliance report as CSV: its tables one by one, or all in one file.

// ReportTable is one table of a compliance report in rows and columns.
type ReportTable struct {
	Name    string
	Columns []string
	Rows    [][]string
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
	return []ReportTable{pv, sf, yf, bf, in, vt, counts("by_rule", r.Records.ByRule), counts("by_category", r.Records.ByCategory), counts("by_sector", r.Records.BySector)}
}

// WriteReportCSV writes one table of the report (name), or all of them in one
// file with a first column "table" and the union of the tables' columns.
func WriteReportCSV(w io.Writer, r models.ComplianceReport, name string) error {
	tables := ReportTables(r)
	cw := csv.NewWriter(w)
	if name != "" {
		i := slices.IndexFunc(tables, func(t ReportTable) bool { return t.Name == name })
		if i < 0 {
			return models.Errorf(models.EINVALID, "table: «%s» is not one of %s", name, strings.Join(ReportTableNames, ", "))
		}
		t := tables[i]
		if err := writeRow(cw, t.Columns); err != nil {
			return err
		}
		for _, row := range t.Rows {
			if err := writeRow(cw, row); err != nil {
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
	if err := writeRow(cw, append([]string{"table"}, columns...)); err != nil {
		return err
	}
	for _, t := range tables {
		index := make([]int, len(t.Columns))
		for i, c := range t.Columns {
			index[i] = slices.Index(columns, c)
		}
		for _, row := range t.Rows {
			out := make([]string, len(columns)+1)
			out[0] = t.Name
			for i, cell := range row {
				out[index[i]+1] = cell
			}
			if err := writeRow(cw, out); err != nil {
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

// writeRow writes one record with every cell made safe to open in a spreadsheet (safeCell).
func writeRow(cw *csv.Writer, row []string) error {
	safe, copied := row, false
	for i, cell := range row {
		if c := safeCell(cell); c != cell {
			if !copied { // the caller's row stays as it was
				safe, copied = slices.Clone(row), true
			}
			safe[i] = c
		}
	}
	return cw.Write(safe)
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
