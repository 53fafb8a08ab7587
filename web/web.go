// Package web is Styring's one room for HTML: the pages drawn on the server
// with html/template (the compliance report, an initiative's violations, the
// error page, the login form and the front page), their templates, the
// embedded stylesheet and icon, the charts (inline SVG) and the page dictionary
// in Norwegian and English. No script, nothing inline, so a strict CSP holds.
//
// The pages only format: what a report says (its figures, targets and lights)
// is computed by the report package; web writes it in words, numbers and
// colours. See i18n.go for the words and internal/format for the numbers.
package web

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
	"strconv"
	"strings"
	"time"

	"github.com/baerum/styring/internal/format"
	"github.com/baerum/styring/models"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

var funcs = template.FuncMap{
	// n writes an SVG coordinate.
	"n":        func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
	"dateTime": func(l locale, t time.Time) string { return format.DateTime(t, l.lang) },
	"shortRev": revisionLabel,
	"lampOf":   func(l locale, li models.Light) lamp { return lamp{L: l, Light: li, Text: l.Light(li)} },
	// lampText is a traffic light that says more than its colour's word.
	"lampText": func(l locale, li models.Light, text string) lamp { return lamp{L: l, Light: li, Text: text} },
}

// lamp is what the "lamp" template draws: a traffic light with its text.
type lamp struct {
	L     locale
	Light models.Light
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
	XLSX       string // the report as an Excel workbook
	JSON       string // the report as JSON
	Static     string // StaticFiles are served below it
}

// DefaultLinks are the routes of the Styring server.
var DefaultLinks = Links{
	Page:       "/reports/compliance",
	Initiative: "/reports/compliance/initiatives",
	CSV:        "/api/v1/reports/compliance.csv",
	XLSX:       "/api/v1/reports/compliance.xlsx",
	JSON:       "/api/v1/reports/compliance",
	Static:     "/reports/static",
}

// or is links, or DefaultLinks when none are given.
func (links Links) or() Links {
	if links == (Links{}) {
		return DefaultLinks
	}
	return links
}

// frame is what the layout of every page needs.
type frame struct {
	L             locale
	Title         string
	CSS, Icon     string
	HomeHref      string
	OtherLangHref string
	// LogoutCSRF, when set, shows a logout button posting it as the form's csrf
	// field (pages opened with a login session).
	LogoutCSRF string
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

// render executes a page's template into a buffer first, so a failure writes nothing.
func render(w io.Writer, t *template.Template, name string, data any) error {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return fmt.Errorf("render %s: %w", t.Name(), err)
	}
	_, err := buf.WriteTo(w)
	return err
}
