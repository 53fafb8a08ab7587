package web

import (
	"io"
	"net/url"
	"strconv"

	"github.com/baerum/styring/models"
)

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
	links := e.Links.or()
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
	return render(w, errorPage, "page", v)
}
