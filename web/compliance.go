package web

import (
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baerum/styring/models"
)

// The compliance page: the report's key figures, its targets with their lights,
// the charts and tables of the figures behind them, the initiatives and the
// portfolio violations. Everything it shows is in the report (report.Build
// computes the targets); this file only puts it in words.

// PageOptions shape the compliance page beyond the report itself: the language,
// the filters as asked (kept in the form and the links) and the view filter on
// the initiative table.
type PageOptions struct {
	Lang    models.Lang
	CSRF    string // the session's CSRF token: the page shows a logout button
	Sector  string // only this sector's initiatives in the table; the portfolio figures stay whole
	AsOf    string // the as-of date as asked, "" for today
	Recheck bool
	Links   Links
	// Query and Sort are the initiative table's search (?q=) and order
	// (?sort=, one of InitiativeSortKeys, "-" first for descending) as asked;
	// the server filters and orders the table's initiatives by them into
	// Standings, which the table shows instead of the report's when either is set.
	Query     string
	Sort      string
	Standings []models.InitiativeStanding
}

// InitiativeSortKeys are the columns of the initiative table it can be sorted
// by, as ?sort= names them, in the table's order.
var InitiativeSortKeys = []string{"id", "title", "sector", "status", "type", "version", "result", "errors", "warnings", "infos"}

// sortColumns are the keys and texts of the initiative table's headers; the
// counts sort the most first, the others from A.
var sortColumns = []struct {
	Key, Text string
	Num, Desc bool
	Class     string
}{
	{Key: "id", Text: "initiative"}, {Key: "title", Text: "title"}, {Key: "sector", Text: "sector"}, {Key: "status", Text: "status"},
	{Key: "type", Text: "type", Class: "print-hide"}, {Key: "version", Text: "version", Num: true, Desc: true, Class: "print-hide"},
	{Key: "result", Text: "result"}, {Key: "errors", Text: "errors", Num: true, Desc: true},
	{Key: "warnings", Text: "warnings", Num: true, Desc: true}, {Key: "infos", Text: "infos", Num: true, Desc: true},
}

// compliance is the data of the compliance page.
type compliance struct {
	frame
	Rep         models.ComplianceReport
	Links       Links
	Filter      filterView
	StatusNote  string
	ChecksNote  string
	KeyFigures  []keyFigure
	Frames      target
	Targets     []target
	Omstilling  omstillingView
	FrameTable  frameTable
	Efficiency  efficiencyView
	RuleGroups  []ruleGroup
	Initiatives initiativeTable
	ByRule      []models.Count
	CSVHref     string
	XLSXHref    string
	JSONHref    string
}

type option struct {
	Value, Label string
	On           bool
}

type filterView struct {
	Statuses  []option
	Sectors   []option
	AsOf      string
	Recheck   bool
	English   bool
	ResetHref string
}

type keyFigure struct {
	ID, Label, Value, Note string
}

type target struct {
	ID, Name, RuleID string
	Light            models.Light
	Figure, Detail   string
	Href             string
	Chips            []chip
}

type chip struct {
	Code, Name, Note string
	Light            models.Light
}

type omstillingView struct {
	Chart        barChart
	Legend       []legendEntry
	ResultChart  barChart
	ResultLegend []legendEntry
	Rows         []yearRow
}

type yearRow struct {
	Year                                  int
	Level, Required, Upper, LevelState    string
	LevelLight                            models.Light
	NetDrift, Result, MinResult, ResState string
	ResultLight                           models.Light
}

type frameTable struct {
	Chart  barChart
	Legend []legendEntry
	Years  []int
	Rows   []frameRow
}

type frameRow struct {
	Code, Name string
	Cells      []frameCell
	Light      models.Light
}

type frameCell struct {
	Year              int
	Net, Room, OverBy string
	Over              bool
}

type efficiencyView struct {
	Chart   barChart
	Legend  []legendEntry
	Years   []int
	Rows    []efficiencyRow
	NoFrame string
}

type efficiencyRow struct {
	Code, Name string
	Cells      []efficiencyCell
	Light      models.Light
}

type efficiencyCell struct {
	Year                 int
	Pct, Target, Amounts string
	Under                bool
}

type ruleGroup struct {
	RuleID, Title, Reference, Remedy string
	Severity                         models.Severity
	Rows                             []portfolioRow
}

type portfolioRow struct {
	Severity        models.Severity
	Sector, Year    string
	Message, Anchor string
}

type initiativeTable struct {
	Rows     []initiativeRow
	Summary  string
	Sector   string
	Query    string
	Sort     string // the key sorted by, with "-" for descending; "" the report's order
	SortNote string
	Headers  []sortHeader
	Hidden   []hiddenField // the search form carries the other filters
	Clear    string        // the page without the search
}

// sortHeader is a column header of the initiative table: a link that sorts by it.
type sortHeader struct {
	Label, Href, AriaSort, Class, Arrow string
	Num                                 bool
}

type hiddenField struct{ Name, Value string }

type initiativeRow struct {
	models.InitiativeStanding
	Href, SectorName string
	InPortfolio      bool
}

// RenderCompliance writes the compliance page of rep.
func RenderCompliance(w io.Writer, rep models.ComplianceReport, view PageOptions) error {
	if view.Lang == "" {
		view.Lang = rep.Lang
	}
	links := view.Links.or()
	l := locale{view.Lang}
	q := pageQuery(rep.StatusFilter, view.Sector, view.AsOf, view.Recheck, models.LangNB)
	p := &compliance{Rep: rep, Links: links}
	p.frame = newFrame(view.Lang, l.must("report_title")+" – "+l.must("org"), links, links.Page, q)
	p.LogoutCSRF = view.CSRF
	names := sectorNamesOf(rep.Portfolio.Figures)

	p.Filter = filterView{AsOf: view.AsOf, Recheck: view.Recheck, English: view.Lang == models.LangEN, ResetHref: p.HomeHref}
	for _, s := range models.Statuses {
		p.Filter.Statuses = append(p.Filter.Statuses, option{Value: s, Label: l.Status(s), On: slices.Contains(rep.StatusFilter, s)})
	}
	for _, s := range rep.Targets.Frames.Sectors {
		p.Filter.Sectors = append(p.Filter.Sectors, option{Value: s.Sector, Label: s.Sector + " – " + s.Name, On: s.Sector == view.Sector})
	}
	if len(rep.StatusFilter) > 0 {
		labels := make([]string, len(rep.StatusFilter))
		for i, s := range rep.StatusFilter {
			labels[i] = l.Status(s)
		}
		p.StatusNote = l.must("status_applied", strings.Join(labels, ", "))
	}
	p.ChecksNote = l.must("checks_stored")
	if view.Recheck {
		p.ChecksNote = l.must("checks_rechecked")
	}

	// The CSV and JSON follow the report's own filters (the sector is a view of the table only).
	dl := pageQuery(rep.StatusFilter, "", view.AsOf, view.Recheck, view.Lang)
	if view.Lang == models.LangNB {
		dl.Set("lang", "nb")
	}
	p.CSVHref, p.JSONHref = withQuery(links.CSV, dl), withQuery(links.JSON, dl)
	if links.XLSX != "" {
		p.XLSXHref = withQuery(links.XLSX, dl)
	}

	p.keyFigures(l)
	p.targets(l)
	p.omstilling(l)
	p.frameTable(l)
	p.efficiency(l)
	p.ruleGroups(l, names)
	p.initiatives(l, view, names)
	p.ByRule = rep.Records.ByRule
	return render(w, compliancePage, "page", p)
}

// pageQuery is the query of the page with these filters (lang only when it is en).
func pageQuery(statuses []string, sector, asOf string, recheck bool, lang models.Lang) url.Values {
	q := url.Values{}
	for _, s := range statuses {
		q.Add("status", s)
	}
	if sector != "" {
		q.Set("sector", sector)
	}
	if asOf != "" {
		q.Set("as_of", asOf)
	}
	if recheck {
		q.Set("recheck", "true")
	}
	if lang == models.LangEN {
		q.Set("lang", "en")
	}
	return q
}

// sectorNamesOf names the sectors of the figures.
func sectorNamesOf(f models.PortfolioFigures) map[string]string {
	names := map[string]string{}
	for _, s := range f.Sectors {
		if _, ok := names[s.Sector]; !ok {
			names[s.Sector] = s.Name
		}
	}
	return names
}

func yearsOf(f models.PortfolioFigures) []int {
	var ys []int
	for _, y := range f.Years {
		ys = append(ys, y.Year)
	}
	return ys
}

func (p *compliance) keyFigures(l locale) {
	rep := p.Rep
	total := len(rep.Records.Initiatives)
	p.KeyFigures = []keyFigure{
		{ID: "kf-initiatives", Label: l.must("kf_initiatives"), Value: l.Int(rep.Portfolio.Initiatives), Note: l.must("kf_initiatives_of", l.Int(total))},
		{ID: "kf-errors", Label: l.must("kf_errors"), Value: l.Int(rep.Portfolio.Summary.Error), Note: l.must("kf_errors_note")},
		{ID: "kf-warnings", Label: l.must("kf_warnings"), Value: l.Int(rep.Portfolio.Summary.Warning), Note: l.must("kf_warnings_note")},
		{ID: "kf-blocked", Label: l.must("kf_blocked"), Value: l.Int(rep.Targets.Records.WithErrors), Note: l.must("kf_blocked_note", l.Int(total))},
	}
	fig := rep.Portfolio.Figures
	if n := len(fig.Years); n > 0 {
		last := fig.Years[n-1]
		p.KeyFigures = append(p.KeyFigures, keyFigure{ID: "kf-omstilling", Label: l.must("kf_omstilling", last.Year) + ", " + l.MillionsUnit(), Value: l.Millions(last.OmstillingLevelKNOK),
			Note: l.must("kf_omstilling_note", l.MNOK(last.OmstillingRequiredKNOK))})
	}
	p.KeyFigures = append(p.KeyFigures, keyFigure{ID: "kf-buffer", Label: l.must("kf_buffer") + ", " + l.MillionsUnit(), Value: l.Millions(fig.BufferFund.EndKNOK),
		Note: l.must("kf_buffer_note", l.MNOK(fig.BufferFund.MinimumKNOK))})
}

// yearList writes years as "2021–2024" when they follow each other, else "2021, 2023".
func yearList(years []int) string {
	if len(years) == 0 {
		return ""
	}
	consecutive := true
	for i := 1; i < len(years); i++ {
		consecutive = consecutive && years[i] == years[i-1]+1
	}
	if consecutive && len(years) > 2 {
		return strconv.Itoa(years[0]) + "–" + strconv.Itoa(years[len(years)-1])
	}
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, ", ")
}

func (p *compliance) targets(l locale) {
	tg := p.Rep.Targets

	fr := tg.Frames
	p.Frames = target{ID: "t-frames", Name: l.must("t_frames"), RuleID: fr.RuleID, Light: fr.Light, Href: "#rammer", Detail: l.must("t_frames_detail"),
		Figure: l.must("t_frames_fig", fr.SectorsOver, len(fr.Sectors))}
	for _, s := range fr.Sectors {
		c := chip{Code: s.Sector, Name: s.Name, Light: s.Light, Note: l.must("within")}
		if len(s.OverYears) > 0 {
			c.Note = l.must("over_in", yearList(s.OverYears))
		}
		p.Frames.Chips = append(p.Frames.Chips, c)
	}

	om, res := tg.Omstilling, tg.Result
	omst := target{ID: "t-omstilling", Name: l.must("t_omst"), RuleID: om.RuleID, Light: om.Light, Href: "#omstilling"}
	if n := len(om.Years); n > 0 {
		last := om.Years[n-1]
		omst.Figure = l.must("t_omst_fig", l.MNOK(last.LevelKNOK), last.Year)
		omst.Detail = l.must("t_omst_detail", l.MNOK(last.RequiredKNOK), l.MNOK(last.UpperKNOK), om.YearsBelow, n)
	}
	result := target{ID: "t-result", Name: l.must("t_result"), RuleID: res.RuleID, Light: res.Light, Href: "#omstilling"}
	if n := len(res.Years); n > 0 {
		last := res.Years[n-1]
		result.Figure = l.must("t_result_fig", l.Pct(last.ResultPct), last.Year)
		result.Detail = l.must("t_result_detail", l.PctLimit(last.MinPct), res.YearsBelow, n)
	}

	ef := tg.Efficiency
	eff := target{ID: "t-efficiency", Name: l.must("t_eff"), RuleID: ef.RuleID, Light: ef.Light, Href: "#effektivisering"}
	if n := len(ef.Years); n > 0 {
		lastYear := ef.Years[n-1]
		eff.Figure = l.must("t_eff_fig", len(ef.SectorsBelow), ef.SectorsWithFrame, lastYear)
		eff.Detail = l.must("t_eff_detail", l.PctLimit(ef.FirstTargetPct), l.PctLimit(ef.LastTargetPct), lastYear)
	}

	b := tg.BufferFund
	buffer := target{ID: "t-buffer", Name: l.must("t_buffer"), RuleID: b.RuleID, Light: b.Light, Href: "#brudd",
		Figure: l.must("t_buffer_fig", l.MNOK(b.EndKNOK)), Detail: l.must("t_buffer_detail", l.MNOK(b.MinimumKNOK), l.MNOK(b.UseKNOK))}

	rt := tg.Records
	records := target{ID: "t-records", Name: l.must("t_records"), Light: rt.Light, Href: "#tiltak",
		Figure: l.must("t_records_fig", rt.WithErrors, rt.Initiatives), Detail: l.must("t_records_det", rt.Summary.Error, rt.Summary.Warning, rt.Summary.Info)}
	p.Targets = []target{omst, eff, result, buffer, records}
}

// barClass is the class of a bar in the light of its target.
func barClass(li models.Light) string {
	switch li {
	case models.LightRed:
		return "bar-bad"
	case models.LightAmber:
		return "bar-warn"
	}
	return "bar-ok"
}

// omstillingStates name where the level stands against its band, resultStates
// where the net operating result stands against its target.
var (
	omstillingStates = map[models.TargetState]string{models.StateBelow: "below_req", models.StateAbove: "above_upper", models.StateWithin: "in_band"}
	resultStates     = map[models.TargetState]string{models.StateBelow: "below_target", models.StateWithin: "meets_target"}
)

func (p *compliance) omstilling(l locale) {
	om, res := p.Rep.Targets.Omstilling, p.Rep.Targets.Result
	var groups, results []barGroup
	var desc, resultDesc []string
	for i, y := range om.Years {
		r := res.Years[i] // the same years, in the same order
		row := yearRow{Year: y.Year, Level: l.MNOK(y.LevelKNOK), Required: l.MNOK(y.RequiredKNOK), Upper: l.MNOK(y.UpperKNOK),
			NetDrift: l.MNOK(r.NetDriftKNOK), Result: l.Pct(r.ResultPct), MinResult: l.PctLimit(r.MinPct),
			LevelState: capFirst(l.must(omstillingStates[y.State])), LevelLight: y.Light,
			ResState: capFirst(l.must(resultStates[r.State])), ResultLight: r.Light}
		p.Omstilling.Rows = append(p.Omstilling.Rows, row)
		item := l.must("omst_desc_year", y.Year, row.Level, row.Required, row.Upper)
		desc = append(desc, item)
		resultItem := l.must("result_desc_year", r.Year, row.Result, row.MinResult)
		resultDesc = append(resultDesc, resultItem)
		results = append(results, barGroup{Label: strconv.Itoa(r.Year), Bars: []barDatum{{
			Value: r.ResultPct, Limit: ptr(r.MinPct), Class: barClass(r.Light), Title: resultItem, Label: l.Number(r.ResultPct, 1),
		}}})
		groups = append(groups, barGroup{Label: strconv.Itoa(y.Year), Bars: []barDatum{{
			Value: y.LevelKNOK / 1000, BandLo: ptr(y.RequiredKNOK / 1000), BandHi: ptr(y.UpperKNOK / 1000),
			Class: barClass(y.Light), Title: item, Label: l.Number(y.LevelKNOK/1000, 1),
		}}})
	}
	p.Omstilling.Chart = newBarChart("chart-omstilling", l.must("omst_chart"), l.must("omst_desc", strings.Join(desc, " ")), l.must("mnok_axis"),
		chartLayout{Width: 560, Height: 300, BarWidth: 56, ValueLabels: true}, groups, func(v float64) string { return l.Number(v, 0) })
	p.Omstilling.ResultChart = newBarChart("chart-result", l.must("result_chart"), l.must("result_desc", strings.Join(resultDesc, " ")), l.must("result_axis"),
		chartLayout{Width: 560, Height: 300, BarWidth: 56, ValueLabels: true}, results, func(v float64) string { return l.Number(v, 0) })
	p.Omstilling.ResultLegend = []legendEntry{{Kind: "bar", Class: "bar-ok", Label: l.must("net_result") + " (" + l.must("meets_target") + ")"},
		{Kind: "bar", Class: "bar-warn", Label: l.must("net_result") + " (" + l.must("below_target") + ")"}, {Kind: "line", Class: "mark", Label: l.must("min_result_line")}}
	p.Omstilling.Legend = []legendEntry{{Kind: "bar", Class: "bar-ok", Label: l.must("level") + " (" + l.must("in_band") + ")"},
		{Kind: "bar", Class: "bar-warn", Label: l.must("level") + " (" + l.must("below_req") + ")"}, {Kind: "band", Class: "band", Label: l.must("band")}}
}

// capFirst writes s with a capital first letter.
func capFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

func shortYear(y int) string { return "’" + strconv.Itoa(y%100) }

func (p *compliance) frameTable(l locale) {
	t := &p.FrameTable
	t.Years = yearsOf(p.Rep.Portfolio.Figures)
	var groups []barGroup
	var overList []string
	for _, s := range p.Rep.Targets.Frames.Sectors {
		row := frameRow{Code: s.Sector, Name: s.Name, Light: s.FiguresLight}
		g := barGroup{Label: s.Sector}
		for _, f := range s.Years {
			cell := frameCell{Year: f.Year, Net: l.MNOK(f.NetChangeKNOK), Room: l.MNOK(f.ChangeRoomKNOK), Over: f.Over}
			class := "bar-ok"
			if f.Over {
				cell.OverBy = l.must("over_by", l.MNOK(f.OverByKNOK))
				class = "bar-bad"
				overList = append(overList, fmt.Sprintf("%s %d", s.Sector, f.Year))
			}
			row.Cells = append(row.Cells, cell)
			g.Bars = append(g.Bars, barDatum{Value: f.NetChangeKNOK / 1000, Limit: ptr(f.ChangeRoomKNOK / 1000), Class: class, Sub: shortYear(f.Year),
				Title: fmt.Sprintf("%s %d: %s %s, %s %s", s.Sector, f.Year, l.must("net_change"), cell.Net, l.must("room_short"), cell.Room)})
		}
		t.Rows = append(t.Rows, row)
		groups = append(groups, g)
	}
	overText := l.must("none")
	if len(overList) > 0 {
		overText = strings.Join(overList, ", ")
	}
	t.Chart = newBarChart("chart-frames", l.must("frames_chart"), l.must("frames_desc", overText), l.must("mnok_axis"),
		chartLayout{Width: 960, Height: 320, BarWidth: 18}, groups, func(v float64) string { return l.Number(v, 0) })
	t.Legend = []legendEntry{{Kind: "bar", Class: "bar-ok", Label: l.must("net_change")}, {Kind: "bar", Class: "bar-bad", Label: l.must("over_room")}, {Kind: "line", Class: "mark", Label: l.must("room")}}
}

func (p *compliance) efficiency(l locale) {
	ef := p.Rep.Targets.Efficiency
	e := &p.Efficiency
	e.Years = ef.Years
	var groups []barGroup
	for _, s := range ef.Sectors {
		row := efficiencyRow{Code: s.Sector, Name: s.Name, Light: s.Light}
		g := barGroup{Label: s.Sector}
		for _, f := range s.Years {
			cell := efficiencyCell{Year: f.Year, Pct: l.PctDigits(f.SavingsPct, 2), Target: l.must("of_target", l.PctLimit(f.TargetPct)),
				Amounts: l.MNOK(f.SavingsKNOK) + " / " + l.MNOK(f.TargetKNOK), Under: f.Below}
			class := "bar-ok"
			if f.Below {
				class = "bar-warn"
			}
			row.Cells = append(row.Cells, cell)
			g.Bars = append(g.Bars, barDatum{Value: f.SavingsPct, Limit: ptr(f.TargetPct), Class: class, Sub: shortYear(f.Year),
				Title: fmt.Sprintf("%s %d: %s, %s", s.Sector, f.Year, cell.Pct, cell.Target)})
		}
		e.Rows = append(e.Rows, row)
		groups = append(groups, g)
	}
	if len(ef.WithoutFrame) > 0 {
		e.NoFrame = l.must("no_frame", strings.Join(ef.WithoutFrame, ", "))
	}
	underText := l.must("none")
	if len(ef.SectorsBelow) > 0 {
		underText = strings.Join(ef.SectorsBelow, ", ")
	}
	e.Chart = newBarChart("chart-efficiency", l.must("eff_chart"), l.must("eff_desc", underText), l.must("pct_axis"),
		chartLayout{Width: 960, Height: 300, BarWidth: 22}, groups, func(v float64) string { return l.Number(v, 1) })
	e.Legend = []legendEntry{{Kind: "bar", Class: "bar-ok", Label: l.must("savings")}, {Kind: "bar", Class: "bar-warn", Label: l.must("under_tgt")}, {Kind: "line", Class: "mark", Label: l.must("target_line")}}
}

func (p *compliance) ruleGroups(l locale, names map[string]string) {
	index := map[string]int{}
	for _, v := range p.Rep.Portfolio.Violations {
		i, ok := index[v.RuleID]
		if !ok {
			i = len(p.RuleGroups)
			index[v.RuleID] = i
			p.RuleGroups = append(p.RuleGroups, ruleGroup{RuleID: v.RuleID, Title: v.Title, Reference: v.Reference, Remedy: v.Remedy, Severity: v.Severity})
		}
		g := &p.RuleGroups[i]
		if v.Severity.Rank() < g.Severity.Rank() {
			g.Severity = v.Severity
		}
		row := portfolioRow{Severity: v.Severity, Sector: l.must("all_sect"), Message: v.Message}
		if v.Sector != "" {
			row.Sector = v.Sector + " " + names[v.Sector]
		}
		if v.Year != 0 {
			row.Year = strconv.Itoa(v.Year)
		}
		g.Rows = append(g.Rows, row)
	}
}

func (p *compliance) initiatives(l locale, view PageOptions, names map[string]string) {
	links := p.Links
	sector := view.Sector
	q := url.Values{}
	if p.L.lang == models.LangEN {
		q.Set("lang", "en")
	}
	if p.Filter.AsOf != "" {
		q.Set("as_of", p.Filter.AsOf)
	}
	all := p.Rep.Records.Initiatives
	shown := all
	if view.Query != "" || view.Sort != "" {
		shown = view.Standings
	}
	p.sortHeaders(l, view)
	for _, s := range shown {
		if sector != "" && s.Sector != sector {
			continue
		}
		p.Initiatives.Rows = append(p.Initiatives.Rows, initiativeRow{InitiativeStanding: s, SectorName: names[s.Sector], InPortfolio: s.Status != "avvist",
			Href: withQuery(links.Initiative+"/"+url.PathEscape(s.ID), q)})
	}
	switch {
	case view.Query != "":
		p.Initiatives.Summary = l.must("in_search", len(p.Initiatives.Rows), len(all), view.Query)
		if sector != "" {
			p.Initiatives.Summary += " " + l.must("in_sector_only", sector+" "+names[sector])
		}
	case sector != "":
		p.Initiatives.Sector = sector
		p.Initiatives.Summary = l.must("in_sector", sector+" "+names[sector], len(p.Initiatives.Rows), len(all))
	default:
		p.Initiatives.Summary = l.must("in_all", len(all))
	}
}

// sortHeaders makes the initiative table's headers links that sort by their
// column (again: the other way), keeping the page's filters and search, and
// the search form's hidden fields.
func (p *compliance) sortHeaders(l locale, view PageOptions) {
	t := &p.Initiatives
	t.Query, t.Sort = view.Query, view.Sort
	base := pageQuery(p.Rep.StatusFilter, view.Sector, view.AsOf, view.Recheck, view.Lang)
	for name, vs := range base {
		for _, v := range vs {
			t.Hidden = append(t.Hidden, hiddenField{Name: name, Value: v})
		}
	}
	slices.SortStableFunc(t.Hidden, func(a, b hiddenField) int { return strings.Compare(a.Name, b.Name) })
	if view.Sort != "" {
		t.Hidden = append(t.Hidden, hiddenField{Name: "sort", Value: view.Sort})
	}
	reset := pageQuery(p.Rep.StatusFilter, view.Sector, view.AsOf, view.Recheck, view.Lang)
	if view.Sort != "" {
		reset.Set("sort", view.Sort)
	}
	t.Clear = withQuery(p.Links.Page, reset) + "#tiltak"
	if view.Query != "" {
		base.Set("q", view.Query)
	}
	key, desc := strings.TrimPrefix(view.Sort, "-"), strings.HasPrefix(view.Sort, "-")
	for _, c := range sortColumns {
		h := sortHeader{Label: l.must(c.Text), Class: c.Class, Num: c.Num}
		next := c.Desc
		if key == c.Key {
			next = !desc
			h.AriaSort, h.Arrow = "ascending", "▲"
			if desc {
				h.AriaSort, h.Arrow = "descending", "▼"
			}
			t.SortNote = l.must("sorted_"+map[bool]string{false: "asc", true: "desc"}[desc], h.Label)
		}
		q := url.Values{}
		for k, vs := range base {
			q[k] = slices.Clone(vs)
		}
		if next {
			q.Set("sort", "-"+c.Key)
		} else {
			q.Set("sort", c.Key)
		}
		h.Href = withQuery(p.Links.Page, q) + "#tiltak"
		t.Headers = append(t.Headers, h)
	}
}
