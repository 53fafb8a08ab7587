package web

import (
	"encoding/json"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/baerum/styring/labels"
	"github.com/baerum/styring/models"
)

// InitiativeOptions shape an initiative's page.
type InitiativeOptions struct {
	Lang           models.Lang
	AsOf           string // the as-of date as asked, "" for the default
	CheckedAsOf    string // the date the rules were read at
	PolicyRevision string
	Links          Links
	CSRF           string // the session's CSRF token: the page shows a logout button
	// Document is the stored document of the initiative: the page shows its
	// owner, description, budget lines and KPIs. Empty: the page shows the check only.
	Document json.RawMessage
}

type initiativeView struct {
	frame
	S              models.InitiativeStanding
	SectorName     string
	Checked        string
	PolicyRevision string
	BackHref       string
	Rows           []violationRow
	Details        detailsView
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
	links := view.Links.or()
	l := locale{view.Lang}
	q := url.Values{}
	if view.AsOf != "" {
		q.Set("as_of", view.AsOf)
	}
	self := links.Initiative + "/" + url.PathEscape(standing.ID)
	v := &initiativeView{S: standing, PolicyRevision: view.PolicyRevision,
		Checked: l.must("ini_rechecks", l.Date(view.CheckedAsOf))}
	v.frame = newFrame(view.Lang, l.must("ini_title", standing.ID)+" – "+l.must("org"), links, self, q)
	v.LogoutCSRF = view.CSRF
	back := url.Values{}
	if view.AsOf != "" {
		back.Set("as_of", view.AsOf)
	}
	if view.Lang == models.LangEN {
		back.Set("lang", "en")
	}
	v.BackHref = withQuery(links.Page, back)
	v.SectorName = locale{view.Lang}.enum("/sector", standing.Sector)
	for _, vi := range standing.Violations {
		row := violationRow{Violation: vi, Field: vi.PathOr("")}
		row.Root = vi.Path != nil && *vi.Path == ""
		v.Rows = append(v.Rows, row)
	}
	v.Details = newDetails(l, view.Document)
	return render(w, initiativePage, "page", v)
}

// initiativeDoc is what the page reads from the stored document beyond the
// standing: the owner, the description, the budget lines and the KPIs. The
// stored document passed the schema; a field of another shape is left out.
type initiativeDoc struct {
	Description string `json:"description"`
	Owner       struct {
		Name string `json:"name"`
		Role string `json:"role"`
	} `json:"owner"`
	BudgetEffects []struct {
		Year       int     `json:"year"`
		Account    string  `json:"account"`
		AmountKNOK float64 `json:"amount_knok"`
		OneOff     bool    `json:"one_off"`
		Bucket     string  `json:"bucket"`
	} `json:"budget_effects"`
	KPIs []struct {
		ID        string `json:"id"`
		Name      string `json:"name"`
		Kind      string `json:"kind"`
		Unit      string `json:"unit"`
		Direction string `json:"direction"`
		Source    string `json:"source"`
		Baseline  *struct {
			Value *float64 `json:"value"`
			Date  string   `json:"date"`
		} `json:"baseline"`
		Target *struct {
			Value *float64 `json:"value"`
			Year  int      `json:"year"`
		} `json:"target"`
		Measurements []struct {
			Phase string   `json:"phase"`
			Date  string   `json:"date"`
			Value *float64 `json:"value"`
		} `json:"measurements"`
	} `json:"kpis"`
}

// detailsView is the initiative's own content as the page shows it, labelled from the label catalog.
type detailsView struct {
	Present                     bool // the document could be read
	OwnerLabel, NameLabel       string
	RoleLabel, DescriptionLabel string
	OwnerName, OwnerRole        string
	Description                 string
	BudgetLabel, BudgetCaption  string
	Budget                      budgetTable
	KPILabel, KPICaption        string
	KPIHead                     kpiHead
	KPIs                        []kpiRow
}

// budgetTable is the budget lines summed by year (rows) and account and bucket (columns), in millions.
type budgetTable struct {
	YearLabel string
	Columns   []string
	Rows      []budgetRow
}

type budgetRow struct {
	Year  int
	Cells []budgetCell
	Total budgetCell
}

type budgetCell struct {
	Label, Value string
	OneOff       bool
}

type kpiHead struct {
	Name, Kind, Direction, Source, Baseline, Target, Measurements string
}

type kpiRow struct {
	Name, Unit, Kind, Direction, Source string
	Baseline, Target                    string
	Measurements                        []string
}

// fieldLabel is the catalog's label of a field, the pointer's last segment if it has none.
func fieldLabel(pointer string, lang models.Lang) string {
	if s, ok := labels.Label(pointer, lang); ok {
		return s
	}
	return pointer[strings.LastIndex(pointer, "/")+1:]
}

// enumLabel is the catalog's label of a value, the value itself if it has none.
func enumLabel(pointer, value string, lang models.Lang) string {
	if s, ok := labels.EnumLabel(pointer, value, lang); ok {
		return s
	}
	return value
}

// newDetails reads the document's owner, description, budget lines and KPIs.
func newDetails(l locale, raw json.RawMessage) detailsView {
	lang := l.lang
	var doc initiativeDoc
	if len(raw) == 0 || json.Unmarshal(raw, &doc) != nil {
		return detailsView{}
	}
	d := detailsView{Present: true,
		OwnerLabel: fieldLabel("/owner", lang), NameLabel: fieldLabel("/owner/name", lang), RoleLabel: fieldLabel("/owner/role", lang),
		DescriptionLabel: fieldLabel("/description", lang),
		OwnerName:        strings.TrimSpace(doc.Owner.Name), OwnerRole: strings.TrimSpace(doc.Owner.Role), Description: strings.TrimSpace(doc.Description),
		BudgetLabel: fieldLabel("/budget_effects", lang), BudgetCaption: l.must("ini_budget_c", l.MillionsUnit()),
		KPILabel: fieldLabel("/kpis", lang), KPICaption: l.must("ini_kpis_c"),
		KPIHead: kpiHead{Name: fieldLabel("/kpis/*/name", lang), Kind: fieldLabel("/kpis/*/kind", lang), Direction: fieldLabel("/kpis/*/direction", lang),
			Source: fieldLabel("/kpis/*/source", lang), Baseline: fieldLabel("/kpis/*/baseline", lang), Target: fieldLabel("/kpis/*/target", lang),
			Measurements: fieldLabel("/kpis/*/measurements", lang)},
	}

	// The budget: a column per account and bucket the lines use, in the catalog's order.
	type key struct{ account, bucket string }
	type sum struct {
		knok   float64
		oneOff bool
	}
	sums := map[int]map[key]*sum{}
	used := map[key]bool{}
	for _, b := range doc.BudgetEffects {
		bucket := b.Bucket
		if bucket == "" {
			bucket = "ingen"
		}
		k := key{b.Account, bucket}
		used[k] = true
		if sums[b.Year] == nil {
			sums[b.Year] = map[key]*sum{}
		}
		s := sums[b.Year][k]
		if s == nil {
			s = &sum{}
			sums[b.Year][k] = s
		}
		s.knok += b.AmountKNOK
		s.oneOff = s.oneOff || b.OneOff
	}
	var cols []key
	accounts, _ := labels.Values("/budget_effects/*/account")
	buckets, _ := labels.Values("/budget_effects/*/bucket")
	for _, a := range accounts {
		for _, b := range buckets {
			if k := (key{a.Value, b.Value}); used[k] {
				cols = append(cols, k)
				delete(used, k)
			}
		}
	}
	var rest []key // values the catalog does not know, after the known ones
	for k := range used {
		rest = append(rest, k)
	}
	slices.SortFunc(rest, func(a, b key) int { return strings.Compare(a.account+"/"+a.bucket, b.account+"/"+b.bucket) })
	cols = append(cols, rest...)
	t := &d.Budget
	t.YearLabel = fieldLabel("/budget_effects/*/year", lang)
	for _, k := range cols {
		t.Columns = append(t.Columns, enumLabel("/budget_effects/*/account", k.account, lang)+": "+strings.ToLower(enumLabel("/budget_effects/*/bucket", k.bucket, lang)))
	}
	years := make([]int, 0, len(sums))
	for y := range sums {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range years {
		row := budgetRow{Year: y}
		total, oneOff := 0.0, false
		for i, k := range cols {
			cell := budgetCell{Label: t.Columns[i], Value: "–"}
			if s := sums[y][k]; s != nil {
				cell.Value, cell.OneOff = l.Millions(s.knok), s.oneOff
				total += s.knok
				oneOff = oneOff || s.oneOff
			}
			row.Cells = append(row.Cells, cell)
		}
		row.Total = budgetCell{Label: l.must("sum"), Value: l.Millions(total), OneOff: oneOff}
		t.Rows = append(t.Rows, row)
	}

	value := func(v *float64, unit string) string {
		if v == nil {
			return ""
		}
		s := l.Number(*v, -1)
		if unit != "" {
			s += "\u00a0" + unit
		}
		return s
	}
	for _, k := range doc.KPIs {
		row := kpiRow{Name: k.Name, Unit: k.Unit, Source: k.Source}
		if row.Name == "" {
			row.Name = k.ID
		}
		if k.Kind != "" {
			row.Kind = enumLabel("/kpis/*/kind", k.Kind, lang)
		}
		if k.Direction != "" {
			row.Direction = enumLabel("/kpis/*/direction", k.Direction, lang)
		}
		if b := k.Baseline; b != nil {
			row.Baseline = value(b.Value, k.Unit)
			if b.Date != "" {
				row.Baseline = strings.TrimSpace(row.Baseline + " (" + l.Date(b.Date) + ")")
			}
		}
		if tg := k.Target; tg != nil {
			row.Target = value(tg.Value, k.Unit)
			if tg.Year != 0 {
				row.Target = strings.TrimSpace(row.Target + " (" + strconv.Itoa(tg.Year) + ")")
			}
		}
		for _, m := range k.Measurements {
			s := enumLabel("/kpis/*/measurements/*/phase", m.Phase, lang) + ", " + l.Date(m.Date) + ": "
			if m.Value != nil {
				s += value(m.Value, k.Unit)
			} else {
				s += l.must("not_given")
			}
			row.Measurements = append(row.Measurements, s)
		}
		d.KPIs = append(d.KPIs, row)
	}
	return d
}
