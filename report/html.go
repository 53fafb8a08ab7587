package report

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/baerum/styring/models"
)

// The HTML report: pages drawn on the server with html/template, one embedded
// stylesheet, charts as inline SVG, no script. Every text is in Norwegian or
// English; see i18n.go and format.go.

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

var funcs = template.FuncMap{
	// n writes an SVG coordinate.
	"n":        func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
	"dateTime": func(l locale, t time.Time) string { return FormatDateTime(t, l.lang) },
	"shortRev": revisionLabel,
	"lampOf":   func(l locale, li light) lamp { return lamp{L: l, Light: li, Text: l.Light(li)} },
	// lampText is a traffic light that says more than its colour's word.
	"lampText": func(l locale, li light, text string) lamp { return lamp{L: l, Light: li, Text: text} },
}

// lamp is what the "lamp" template draws: a traffic light with its text.
type lamp struct {
	L     locale
	Light light
	Text  string
}

// revisionLabel shortens a policy revision to its first 12 hex digits.
func revisionLabel(rev string) string {
	if h, ok := strings.CutPrefix(rev, "sha256:"); ok && len(h) > 12 {
		return "sha256:" + h[:12]
	}
	return rev
}

var (
	compliancePage = parsePage("compliance.html")
	initiativePage = parsePage("initiative.html")
	errorPage      = parsePage("error.html")
)

func parsePage(name string) *template.Template {
	return template.Must(template.New(name).Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/chart.html", "templates/"+name))
}

// StaticFiles are the files the pages link to (report.css, favicon.svg), to be
// served under Links.Static.
func StaticFiles() fs.FS {
	sub, err := fs.Sub(staticFiles, "static")
	if err != nil {
		panic(err)
	}
	return sub
}

// StaticVersion is a hash of the static files. The pages add it to their links
// (?v=), so the files can be cached for a year and still change with a release.
var StaticVersion = func() string {
	h := sha256.New()
	err := fs.WalkDir(staticFiles, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFiles.ReadFile(path)
		h.Write([]byte(path))
		h.Write(b)
		return err
	})
	if err != nil {
		panic(err)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}()

// Links are where the pages point: the server's routes.
type Links struct {
	Page       string // the compliance page
	Initiative string // an initiative's page is Initiative + "/" + its id
	CSV        string // the report as CSV
	JSON       string // the report as JSON
	Static     string // StaticFiles are served below it
}

// DefaultLinks are the routes of the Styring server.
var DefaultLinks = Links{
	Page:       "/reports/compliance",
	Initiative: "/reports/compliance/initiatives",
	CSV:        "/api/v1/reports/compliance.csv",
	JSON:       "/api/v1/reports/compliance",
	Static:     "/reports/static",
}

// PageOptions shape the compliance page beyond the report itself: the language,
// the filters as asked (kept in the form and the links) and the view filter on
// the initiative table.
type PageOptions struct {
	Lang    models.Lang
	Sector  string // only this sector's initiatives in the table; the portfolio figures stay whole
	AsOf    string // the as-of date as asked, "" for today
	Recheck bool
	Links   Links
}

func (o PageOptions) links() Links {
	if o.Links == (Links{}) {
		return DefaultLinks
	}
	return o.Links
}

// frame is what the layout of every page needs.
type frame struct {
	L             locale
	Title         string
	CSS, Icon     string
	HomeHref      string
	OtherLangHref string
}

func newFrame(lang models.Lang, title string, links Links, self string, q url.Values) frame {
	other := url.Values{}
	for k, v := range q {
		if k != "lang" {
			other[k] = v
		}
	}
	if lang != models.LangEN {
		other.Set("lang", "en")
	}
	home := url.Values{}
	if lang == models.LangEN {
		home.Set("lang", "en")
	}
	return frame{
		L: locale{lang}, Title: title,
		CSS:           links.Static + "/report.css?v=" + StaticVersion,
		Icon:          links.Static + "/favicon.svg?v=" + StaticVersion,
		HomeHref:      withQuery(links.Page, home),
		OtherLangHref: withQuery(self, other),
	}
}

func withQuery(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// render executes a page into a buffer first, so a failure writes nothing.
func render(w io.Writer, t *template.Template, data any) error {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "page", data); err != nil {
		return fmt.Errorf("render %s: %w", t.Name(), err)
	}
	_, err := buf.WriteTo(w)
	return err
}

// light is a traffic light.
type light string

const (
	lightGreen light = "green"
	lightAmber light = "amber"
	lightRed   light = "red"
)

// lightOf is the light of a target from its violations: red for an unwaived
// error, amber for a warning (or a note, when notes count), else green.
func lightOf(vs []models.Violation, notesCount bool) light {
	l := lightGreen
	for _, v := range vs {
		switch {
		case v.Waived:
		case v.Severity == models.SeverityError:
			return lightRed
		case v.Severity == models.SeverityWarning, v.Severity == models.SeverityInfo && notesCount:
			l = lightAmber
		}
	}
	return l
}

func (l locale) Light(li light) string { return l.must("light_" + string(li)) }

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
	Light            light
	Figure, Detail   string
	Href             string
	Chips            []chip
}

type chip struct {
	Code, Name, Note string
	Light            light
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
	LevelLight                            light
	NetDrift, Result, MinResult, ResState string
	ResultLight                           light
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
	Light      light
}

type frameCell struct {
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
	Light      light
}

type efficiencyCell struct {
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
	Rows    []initiativeRow
	Summary string
	Sector  string
}

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
	links := view.links()
	l := locale{view.Lang}
	q := pageQuery(rep.StatusFilter, view.Sector, view.AsOf, view.Recheck, models.LangNB)
	p := &compliance{Rep: rep, Links: links}
	p.frame = newFrame(view.Lang, l.must("report_title")+" – "+l.must("org"), links, links.Page, q)
	fig := rep.Portfolio.Figures
	sectors, names := sectorsOf(fig)

	p.Filter = filterView{AsOf: view.AsOf, Recheck: view.Recheck, English: view.Lang == models.LangEN, ResetHref: p.HomeHref}
	for _, s := range Statuses {
		p.Filter.Statuses = append(p.Filter.Statuses, option{Value: s, Label: l.Status(s), On: slices.Contains(rep.StatusFilter, s)})
	}
	for _, s := range sectors {
		p.Filter.Sectors = append(p.Filter.Sectors, option{Value: s, Label: s + " – " + names[s], On: s == view.Sector})
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

	byRule := map[string][]models.Violation{}
	for _, v := range rep.Portfolio.Violations {
		byRule[v.RuleID] = append(byRule[v.RuleID], v)
	}
	p.keyFigures(l)
	p.targets(l, sectors, names, byRule)
	p.omstilling(l, byRule["POMS-001"], byRule["PFIN-001"])
	p.frameTable(l, sectors, names)
	p.efficiency(l, sectors, names)
	p.ruleGroups(l, names)
	p.initiatives(l, view.Sector, names)
	p.ByRule = rep.Records.ByRule
	return render(w, compliancePage, p)
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

// sectorsOf lists the sectors of the figures in their order, with their names.
func sectorsOf(f models.PortfolioFigures) ([]string, map[string]string) {
	var codes []string
	names := map[string]string{}
	for _, s := range f.Sectors {
		if _, ok := names[s.Sector]; !ok {
			codes = append(codes, s.Sector)
			names[s.Sector] = s.Name
		}
	}
	return codes, names
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
	withErrors := 0
	for _, s := range rep.Records.Initiatives {
		if s.Summary.Error > 0 {
			withErrors++
		}
	}
	p.KeyFigures = []keyFigure{
		{ID: "kf-initiatives", Label: l.must("kf_initiatives"), Value: l.Int(rep.Portfolio.Initiatives), Note: l.must("kf_initiatives_of", l.Int(total))},
		{ID: "kf-errors", Label: l.must("kf_errors"), Value: l.Int(rep.Portfolio.Summary.Error), Note: l.must("kf_errors_note")},
		{ID: "kf-warnings", Label: l.must("kf_warnings"), Value: l.Int(rep.Portfolio.Summary.Warning), Note: l.must("kf_warnings_note")},
		{ID: "kf-blocked", Label: l.must("kf_blocked"), Value: l.Int(withErrors), Note: l.must("kf_blocked_note", l.Int(total))},
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

func (p *compliance) targets(l locale, sectors []string, names map[string]string, byRule map[string][]models.Violation) {
	fig := p.Rep.Portfolio.Figures
	over := 0
	p.Frames = target{ID: "t-frames", Name: l.must("t_frames"), RuleID: "PBUD-001", Light: lightOf(byRule["PBUD-001"], true), Href: "#rammer", Detail: l.must("t_frames_detail")}
	for _, s := range sectors {
		var vs []models.Violation
		var years []int
		for _, v := range byRule["PBUD-001"] {
			if v.Sector == s {
				vs = append(vs, v)
				years = append(years, v.Year)
			}
		}
		c := chip{Code: s, Name: names[s], Light: lightOf(vs, true), Note: l.must("within")}
		if len(years) > 0 {
			over++
			c.Note = l.must("over_in", yearList(years))
		}
		p.Frames.Chips = append(p.Frames.Chips, c)
	}
	p.Frames.Figure = l.must("t_frames_fig", over, len(sectors))

	years := fig.Years
	omst := target{ID: "t-omstilling", Name: l.must("t_omst"), RuleID: "POMS-001", Light: lightOf(byRule["POMS-001"], true), Href: "#omstilling"}
	result := target{ID: "t-result", Name: l.must("t_result"), RuleID: "PFIN-001", Light: lightOf(byRule["PFIN-001"], true), Href: "#omstilling"}
	if n := len(years); n > 0 {
		last := years[n-1]
		below, belowResult := 0, 0
		for _, y := range years {
			if y.OmstillingLevelKNOK < y.OmstillingRequiredKNOK {
				below++
			}
			if y.NetOperatingResultPct < y.MinNetOperatingResultPct {
				belowResult++
			}
		}
		omst.Figure = l.must("t_omst_fig", l.MNOK(last.OmstillingLevelKNOK), last.Year)
		omst.Detail = l.must("t_omst_detail", l.MNOK(last.OmstillingRequiredKNOK), l.MNOK(last.OmstillingUpperKNOK), below, n)
		result.Figure = l.must("t_result_fig", l.Pct(last.NetOperatingResultPct), last.Year)
		result.Detail = l.must("t_result_detail", l.PctLimit(last.MinNetOperatingResultPct), belowResult, n)
	}

	eff := target{ID: "t-efficiency", Name: l.must("t_eff"), RuleID: "POMS-002", Light: lightOf(byRule["POMS-002"], true), Href: "#effektivisering"}
	firstYear, firstPct, lastYear, lastPct := 0, 0.0, 0, 0.0
	for _, s := range fig.Sectors {
		if s.EfficiencyTargetPct <= 0 {
			continue
		}
		if firstYear == 0 || s.Year < firstYear {
			firstYear, firstPct = s.Year, s.EfficiencyTargetPct
		}
		if s.Year > lastYear {
			lastYear, lastPct = s.Year, s.EfficiencyTargetPct
		}
	}
	if lastYear > 0 {
		under, withFrame := 0, 0
		for _, s := range fig.Sectors {
			if s.Year == lastYear && s.NetFrameKNOK > 0 {
				withFrame++
				if s.EfficiencySavingKNOK < s.EfficiencyTargetKNOK {
					under++
				}
			}
		}
		eff.Figure = l.must("t_eff_fig", under, withFrame, lastYear)
		eff.Detail = l.must("t_eff_detail", l.PctLimit(firstPct), l.PctLimit(lastPct), lastYear)
	}

	b := fig.BufferFund
	buffer := target{ID: "t-buffer", Name: l.must("t_buffer"), RuleID: "PFIN-002", Light: lightOf(byRule["PFIN-002"], true), Href: "#brudd",
		Figure: l.must("t_buffer_fig", l.MNOK(b.EndKNOK)), Detail: l.must("t_buffer_detail", l.MNOK(b.MinimumKNOK), l.MNOK(b.UseKNOK))}

	rec := p.Rep.Records
	var all []models.Violation
	var sum models.Summary
	withErrors := 0
	for _, s := range rec.Initiatives {
		all = append(all, s.Violations...)
		sum.Error += s.Summary.Error
		sum.Warning += s.Summary.Warning
		sum.Info += s.Summary.Info
		if s.Summary.Error > 0 {
			withErrors++
		}
	}
	// A note on an initiative (info) is no deviation: STR-005 marks a priority, for one.
	records := target{ID: "t-records", Name: l.must("t_records"), Light: lightOf(all, false), Href: "#tiltak",
		Figure: l.must("t_records_fig", withErrors, len(rec.Initiatives)), Detail: l.must("t_records_det", sum.Error, sum.Warning, sum.Info)}
	p.Targets = []target{omst, eff, result, buffer, records}
}

func (p *compliance) omstilling(l locale, poms, pfin []models.Violation) {
	fig := p.Rep.Portfolio.Figures
	var groups, results []barGroup
	var desc, resultDesc []string
	for _, y := range fig.Years {
		row := yearRow{Year: y.Year, Level: l.MNOK(y.OmstillingLevelKNOK), Required: l.MNOK(y.OmstillingRequiredKNOK), Upper: l.MNOK(y.OmstillingUpperKNOK),
			NetDrift: l.MNOK(y.TotalNetDriftKNOK), Result: l.Pct(y.NetOperatingResultPct), MinResult: l.PctLimit(y.MinNetOperatingResultPct)}
		class := "bar-ok"
		switch {
		case y.OmstillingLevelKNOK < y.OmstillingRequiredKNOK:
			row.LevelState, row.LevelLight, class = capFirst(l.must("below_req")), lightAmber, "bar-warn"
		case y.OmstillingLevelKNOK > y.OmstillingUpperKNOK:
			row.LevelState, row.LevelLight, class = capFirst(l.must("above_upper")), lightAmber, "bar-warn"
		default:
			row.LevelState, row.LevelLight = capFirst(l.must("in_band")), lightGreen
		}
		row.ResState, row.ResultLight = capFirst(l.must("meets_target")), lightGreen
		if y.NetOperatingResultPct < y.MinNetOperatingResultPct {
			row.ResState, row.ResultLight = capFirst(l.must("below_target")), lightAmber
		}
		p.Omstilling.Rows = append(p.Omstilling.Rows, row)
		item := l.must("omst_desc_year", y.Year, row.Level, row.Required, row.Upper)
		desc = append(desc, item)
		resultItem := l.must("result_desc_year", y.Year, row.Result, row.MinResult)
		resultDesc = append(resultDesc, resultItem)
		resultClass := "bar-ok"
		if row.ResultLight != lightGreen {
			resultClass = "bar-warn"
		}
		results = append(results, barGroup{Label: strconv.Itoa(y.Year), Bars: []barDatum{{
			Value: y.NetOperatingResultPct, Limit: ptr(y.MinNetOperatingResultPct), Class: resultClass, Title: resultItem, Label: FormatNumber(y.NetOperatingResultPct, 1, l.lang),
		}}})
		groups = append(groups, barGroup{Label: strconv.Itoa(y.Year), Bars: []barDatum{{
			Value: y.OmstillingLevelKNOK / 1000, BandLo: ptr(y.OmstillingRequiredKNOK / 1000), BandHi: ptr(y.OmstillingUpperKNOK / 1000),
			Class: class, Title: item, Label: FormatNumber(y.OmstillingLevelKNOK/1000, 1, l.lang),
		}}})
	}
	p.Omstilling.Chart = newBarChart("chart-omstilling", l.must("omst_chart"), l.must("omst_desc", strings.Join(desc, " ")), l.must("mnok_axis"),
		chartLayout{Width: 560, Height: 300, BarWidth: 56, ValueLabels: true}, groups, func(v float64) string { return FormatNumber(v, 0, l.lang) })
	p.Omstilling.ResultChart = newBarChart("chart-result", l.must("result_chart"), l.must("result_desc", strings.Join(resultDesc, " ")), l.must("result_axis"),
		chartLayout{Width: 560, Height: 300, BarWidth: 56, ValueLabels: true}, results, func(v float64) string { return FormatNumber(v, 0, l.lang) })
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

func (p *compliance) frameTable(l locale, sectors []string, names map[string]string) {
	fig := p.Rep.Portfolio.Figures
	t := &p.FrameTable
	t.Years = yearsOf(fig)
	var groups []barGroup
	var overList []string
	for _, s := range sectors {
		row := frameRow{Code: s, Name: names[s], Light: lightGreen}
		g := barGroup{Label: s}
		for _, f := range fig.Sectors {
			if f.Sector != s {
				continue
			}
			over := f.NetChangeKNOK > f.ChangeRoomKNOK
			cell := frameCell{Net: l.MNOK(f.NetChangeKNOK), Room: l.MNOK(f.ChangeRoomKNOK), Over: over}
			class := "bar-ok"
			if over {
				cell.OverBy = l.must("over_by", l.MNOK(f.NetChangeKNOK-f.ChangeRoomKNOK))
				row.Light, class = lightRed, "bar-bad"
				overList = append(overList, fmt.Sprintf("%s %d", s, f.Year))
			}
			row.Cells = append(row.Cells, cell)
			g.Bars = append(g.Bars, barDatum{Value: f.NetChangeKNOK / 1000, Limit: ptr(f.ChangeRoomKNOK / 1000), Class: class, Sub: shortYear(f.Year),
				Title: fmt.Sprintf("%s %d: %s %s, %s %s", s, f.Year, l.must("net_change"), cell.Net, l.must("room_short"), cell.Room)})
		}
		t.Rows = append(t.Rows, row)
		groups = append(groups, g)
	}
	overText := l.must("none")
	if len(overList) > 0 {
		overText = strings.Join(overList, ", ")
	}
	t.Chart = newBarChart("chart-frames", l.must("frames_chart"), l.must("frames_desc", overText), l.must("mnok_axis"),
		chartLayout{Width: 960, Height: 320, BarWidth: 18}, groups, func(v float64) string { return FormatNumber(v, 0, l.lang) })
	t.Legend = []legendEntry{{Kind: "bar", Class: "bar-ok", Label: l.must("net_change")}, {Kind: "bar", Class: "bar-bad", Label: l.must("over_room")}, {Kind: "line", Class: "mark", Label: l.must("room")}}
}

func (p *compliance) efficiency(l locale, sectors []string, names map[string]string) {
	fig := p.Rep.Portfolio.Figures
	e := &p.Efficiency
	for _, f := range fig.Sectors {
		if f.EfficiencyTargetPct > 0 && !slices.Contains(e.Years, f.Year) {
			e.Years = append(e.Years, f.Year)
		}
	}
	slices.Sort(e.Years)
	var groups []barGroup
	var noFrame, underLast []string
	for _, s := range sectors {
		row := efficiencyRow{Code: s, Name: names[s], Light: lightGreen}
		g := barGroup{Label: s}
		hasFrame := false
		for _, f := range fig.Sectors {
			if f.Sector != s || !slices.Contains(e.Years, f.Year) {
				continue
			}
			if f.NetFrameKNOK <= 0 {
				continue
			}
			hasFrame = true
			pct := f.EfficiencySavingKNOK * 100 / f.NetFrameKNOK
			under := f.EfficiencySavingKNOK < f.EfficiencyTargetKNOK
			cell := efficiencyCell{Pct: FormatPercent(pct, 2, l.lang), Target: l.must("of_target", l.PctLimit(f.EfficiencyTargetPct)),
				Amounts: l.MNOK(f.EfficiencySavingKNOK) + " / " + l.MNOK(f.EfficiencyTargetKNOK), Under: under}
			class := "bar-ok"
			if under {
				row.Light, class = lightAmber, "bar-warn"
				if f.Year == e.Years[len(e.Years)-1] {
					underLast = append(underLast, s)
				}
			}
			row.Cells = append(row.Cells, cell)
			g.Bars = append(g.Bars, barDatum{Value: pct, Limit: ptr(f.EfficiencyTargetPct), Class: class, Sub: shortYear(f.Year),
				Title: fmt.Sprintf("%s %d: %s, %s", s, f.Year, cell.Pct, cell.Target)})
		}
		if !hasFrame {
			noFrame = append(noFrame, s)
			continue
		}
		e.Rows = append(e.Rows, row)
		groups = append(groups, g)
	}
	if len(noFrame) > 0 {
		e.NoFrame = l.must("no_frame", strings.Join(noFrame, ", "))
	}
	underText := l.must("none")
	if len(underLast) > 0 {
		underText = strings.Join(underLast, ", ")
	}
	e.Chart = newBarChart("chart-efficiency", l.must("eff_chart"), l.must("eff_desc", underText), l.must("pct_axis"),
		chartLayout{Width: 960, Height: 300, BarWidth: 22}, groups, func(v float64) string { return FormatNumber(v, 1, l.lang) })
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

func (p *compliance) initiatives(l locale, sector string, names map[string]string) {
	links := p.Links
	q := url.Values{}
	if p.L.lang == models.LangEN {
		q.Set("lang", "en")
	}
	if p.Filter.AsOf != "" {
		q.Set("as_of", p.Filter.AsOf)
	}
	all := p.Rep.Records.Initiatives
	for _, s := range all {
		if sector != "" && s.Sector != sector {
			continue
		}
		p.Initiatives.Rows = append(p.Initiatives.Rows, initiativeRow{InitiativeStanding: s, SectorName: names[s.Sector], InPortfolio: s.Status != "avvist",
			Href: withQuery(links.Initiative+"/"+url.PathEscape(s.ID), q)})
	}
	switch {
	case sector != "":
		p.Initiatives.Sector = sector
		p.Initiatives.Summary = l.must("in_sector", sector+" "+names[sector], len(p.Initiatives.Rows), len(all))
	default:
		p.Initiatives.Summary = l.must("in_all", len(all))
	}
}

// InitiativeOptions shape an initiative's page.
type InitiativeOptions struct {
	Lang           models.Lang
	AsOf           string // the as-of date as asked, "" for the default
	CheckedAsOf    string // the date the rules were read at
	PolicyRevision string
	Links          Links
}

type initiativeView struct {
	frame
	S              models.InitiativeStanding
	SectorName     string
	Checked        string
	PolicyRevision string
	BackHref       string
	Rows           []violationRow
}

type violationRow struct {
	models.Violation
	Field string
	Root  bool
}

// RenderInitiative writes the page of one initiative's violations.
func RenderInitiative(w io.Writer, standing models.InitiativeStanding, view InitiativeOptions) error {
	if view.Lang == "" {
		view.Lang = models.LangNB
	}
	links := view.Links
	if links == (Links{}) {
		links = DefaultLinks
	}
	l := locale{view.Lang}
	q := url.Values{}
	if view.AsOf != "" {
		q.Set("as_of", view.AsOf)
	}
	self := links.Initiative + "/" + url.PathEscape(standing.ID)
	v := &initiativeView{S: standing, PolicyRevision: view.PolicyRevision,
		Checked: l.must("ini_rechecks", l.Date(view.CheckedAsOf))}
	v.frame = newFrame(view.Lang, l.must("ini_title", standing.ID)+" – "+l.must("org"), links, self, q)
	back := url.Values{}
	if view.AsOf != "" {
		back.Set("as_of", view.AsOf)
	}
	if view.Lang == models.LangEN {
		back.Set("lang", "en")
	}
	v.BackHref = withQuery(links.Page, back)
	v.SectorName = sectorNames[standing.Sector].In(view.Lang)
	for _, vi := range standing.Violations {
		row := violationRow{Violation: vi, Field: vi.PathOr("")}
		row.Root = vi.Path != nil && *vi.Path == ""
		v.Rows = append(v.Rows, row)
	}
	return render(w, initiativePage, v)
}

// sectorNames name the sectors on the initiative page, which has no portfolio figures.
var sectorNames = map[string]models.Text{
	"OSK": {NB: "Oppvekst skole", EN: "Oppvekst skole (schools)"},
	"OBH": {NB: "Oppvekst barnehage", EN: "Oppvekst barnehage (kindergartens)"},
	"POM": {NB: "Pleie og omsorg", EN: "Pleie og omsorg (care)"},
	"HSO": {NB: "Helse og sosial", EN: "Helse og sosial (health and welfare)"},
	"PMK": {NB: "Plan, miljø og kultur", EN: "Plan, miljø og kultur (planning, environment, culture)"},
	"TEK": {NB: "Tekniske tjenester", EN: "Tekniske tjenester (technical services)"},
	"VAR": {NB: "Vann, avløp og renovasjon", EN: "Vann, avløp og renovasjon (water and waste)"},
	"OSU": {NB: "Organisasjon, styring og utvikling", EN: "Organisasjon, styring og utvikling (organisation and development)"},
}

// ErrorOptions describe an error page.
type ErrorOptions struct {
	Lang      models.Lang
	Status    int
	Message   string // the error's own message (English), shown as the detail
	RequestID string
	Links     Links
	// Path and Query are the request's, so the language link asks again in the other language.
	Path  string
	Query url.Values
}

type errorView struct {
	frame
	Status                 int
	Heading, Lead, Message string
}

// RenderError writes a small error page; the caller sets the status.
func RenderError(w io.Writer, e ErrorOptions) error {
	if e.Lang == "" {
		e.Lang = models.LangNB
	}
	links := e.Links
	if links == (Links{}) {
		links = DefaultLinks
	}
	l := locale{e.Lang}
	v := &errorView{Status: e.Status, Heading: l.must("error_title"), Lead: l.must("error_lead"), Message: e.Message}
	switch e.Status {
	case 400, 404, 503:
		v.Heading, v.Lead = l.must("error_"+strconv.Itoa(e.Status)), l.must("error_lead_"+strconv.Itoa(e.Status))
	}
	if e.Status >= 500 && e.Status != 503 {
		// An internal error's message is for the log, not the reader.
		v.Heading, v.Lead, v.Message = l.must("error_500"), l.must("error_internal", e.RequestID), ""
	}
	self := e.Path
	if self == "" {
		self = links.Page
	}
	v.frame = newFrame(e.Lang, v.Heading+" – "+l.must("org"), links, self, e.Query)
	return render(w, errorPage, v)
}
