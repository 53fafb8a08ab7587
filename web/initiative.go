package web

import (
	"io"
	"net/url"

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
	v.SectorName = sectorNames[standing.Sector].In(view.Lang)
	for _, vi := range standing.Violations {
		row := violationRow{Violation: vi, Field: vi.PathOr("")}
		row.Root = vi.Path != nil && *vi.Path == ""
		v.Rows = append(v.Rows, row)
	}
	return render(w, initiativePage, "page", v)
}
