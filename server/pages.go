package server

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
	"github.com/baerum/styring/web"
)

// The managers' pages: the compliance report as HTML, each initiative's
// violations, and the stylesheet they link to. They answer HTML, errors too;
// package web draws them, these handlers gather what they show.

// pageCSP allows the pages nothing but their own origin, and nothing inline:
// they load one stylesheet and an icon from /reports/static and run no script.
const pageCSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func (s *Server) registerPageRoutes(r *gin.Engine) {
	s.handle(r, managers, "GET", "/reports/compliance", s.handlePageCompliance)
	s.handle(r, managers, "GET", "/reports/compliance/initiatives/:id", s.handlePageInitiative)
	s.handle(r, public, "GET", "/reports/static/*file", s.handlePageStatic)
}

// pageLang reads ?lang=: the pages are Norwegian unless asked for English
// (Accept-Language does not switch them; a link does).
func pageLang(c *gin.Context) (models.Lang, error) {
	v, ok := c.GetQuery("lang")
	if !ok {
		return models.LangNB, nil
	}
	lang, ok := models.ParseLang(v)
	if !ok {
		return models.LangNB, &models.Error{Code: models.EINVALID, Message: "lang: «" + v + "» is not nb or en", Details: map[string]string{"field": "lang"}}
	}
	return lang, nil
}

// handlePageCompliance serves GET /reports/compliance: the compliance report as
// a page. ?status=, ?as_of= and ?recheck= shape the report as for the JSON;
// ?sector= narrows only the initiative table.
func (s *Server) handlePageCompliance(c *gin.Context) {
	lang, err := pageLang(c)
	if err != nil {
		s.writePageError(c, lang, err)
		return
	}
	opts, err := reportOptions(c)
	if err != nil {
		s.writePageError(c, lang, err)
		return
	}
	opts.Lang = lang
	sector := strings.TrimSpace(c.Query("sector"))
	if sector != "" && !slices.Contains(models.Sectors, sector) {
		s.writePageError(c, lang, &models.Error{Code: models.EINVALID, Message: "sector: «" + sector + "» is not one of " + strings.Join(models.Sectors, ", "), Details: map[string]string{"field": "sector"}})
		return
	}
	query, order, err := tableOptions(c)
	if err != nil {
		s.writePageError(c, lang, err)
		return
	}
	rep, err := s.buildReport(c, opts)
	if err != nil {
		s.writePageError(c, lang, err)
		return
	}
	view := web.PageOptions{Lang: lang, Sector: sector, AsOf: c.Query("as_of"), Recheck: opts.Recheck, Links: web.DefaultLinks, CSRF: pageCSRF(c),
		Query: query, Sort: order}
	if query != "" || order != "" {
		view.Standings = searchStandings(rep.Records.Initiatives, query, order)
	}
	var page bytes.Buffer
	if err := web.RenderCompliance(&page, rep, view); err != nil {
		s.writePageError(c, lang, err)
		return
	}
	s.writePage(c, http.StatusOK, page.Bytes())
}

// maxQuery is the longest search the initiative table takes, in characters.
const maxQuery = 200

// tableOptions reads the initiative table's ?q= (a search in titles and ids)
// and ?sort= (one of web.InitiativeSortKeys, "-" first for descending).
func tableOptions(c *gin.Context) (query, order string, err error) {
	query = strings.Join(strings.Fields(c.Query("q")), " ")
	if utf8.RuneCountInString(query) > maxQuery {
		return "", "", &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("q: longer than %d characters", maxQuery), Details: map[string]string{"field": "q"}}
	}
	order = strings.TrimSpace(c.Query("sort"))
	if order != "" && !slices.Contains(web.InitiativeSortKeys, strings.TrimPrefix(order, "-")) {
		return "", "", &models.Error{Code: models.EINVALID, Message: "sort: «" + order + "» is not one of " + strings.Join(web.InitiativeSortKeys, ", ") + " (with - first for descending)",
			Details: map[string]string{"field": "sort"}}
	}
	return query, order, nil
}

// standingOrder compares two standings by a sort key of the initiative table
// (the titles by a collator of their own: see orderOf).
var standingOrder = map[string]func(a, b *models.InitiativeStanding) int{
	"id":     func(a, b *models.InitiativeStanding) int { return strings.Compare(a.ID, b.ID) },
	"sector": func(a, b *models.InitiativeStanding) int { return strings.Compare(a.Sector, b.Sector) },
	"status": func(a, b *models.InitiativeStanding) int {
		return cmp.Compare(slices.Index(models.Statuses, a.Status), slices.Index(models.Statuses, b.Status))
	},
	"type":    func(a, b *models.InitiativeStanding) int { return strings.Compare(a.Type, b.Type) },
	"version": func(a, b *models.InitiativeStanding) int { return cmp.Compare(a.Version, b.Version) },
	// Blocked first when ascending: the result is read as "has errors".
	"result": func(a, b *models.InitiativeStanding) int {
		return cmp.Compare(boolRank(a.Allowed), boolRank(b.Allowed))
	},
	"errors":   func(a, b *models.InitiativeStanding) int { return cmp.Compare(a.Summary.Error, b.Summary.Error) },
	"warnings": func(a, b *models.InitiativeStanding) int { return cmp.Compare(a.Summary.Warning, b.Summary.Warning) },
	"infos":    func(a, b *models.InitiativeStanding) int { return cmp.Compare(a.Summary.Info, b.Summary.Info) },
}

// orderOf is the comparison of a sort key; titles compare the Norwegian way
// (æ, ø, å after z, case ignored) with a collator of the call's own, as a
// collator may not be shared between goroutines.
func orderOf(key string) (func(a, b *models.InitiativeStanding) int, bool) {
	if key == "title" {
		// x/text tailors nynorsk, not bokmål; the two share the alphabet's order.
		col := collate.New(language.Make("nn"), collate.IgnoreCase)
		return func(a, b *models.InitiativeStanding) int { return col.CompareString(a.Title, b.Title) }, true
	}
	by, ok := standingOrder[key]
	return by, ok
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// searchStandings is the initiative table of the page: the standings whose
// title or id holds query (case ignored), ordered by order (stable: ties keep
// the report's order, by id). Never nil.
func searchStandings(all []models.InitiativeStanding, query, order string) []models.InitiativeStanding {
	out := make([]models.InitiativeStanding, 0, len(all))
	needle := strings.ToLower(query)
	for _, s := range all {
		if needle == "" || strings.Contains(strings.ToLower(s.Title), needle) || strings.Contains(strings.ToLower(s.ID), needle) {
			out = append(out, s)
		}
	}
	key, desc := strings.TrimPrefix(order, "-"), strings.HasPrefix(order, "-")
	if by, ok := orderOf(key); ok {
		slices.SortStableFunc(out, func(a, b models.InitiativeStanding) int {
			if desc {
				return by(&b, &a)
			}
			return by(&a, &b)
		})
	}
	return out
}

// handlePageInitiative serves GET /reports/compliance/initiatives/:id: one stored
// initiative's violations, checked again now with the active revision (?as_of=,
// ?lang=), each with its field, message, reference and remedy; 404 for one of
// a sector the caller does not reach.
func (s *Server) handlePageInitiative(c *gin.Context) {
	lang, err := pageLang(c)
	if err != nil {
		s.writePageError(c, lang, err)
		return
	}
	asOf := c.Query("as_of")
	if asOf != "" && !policies.ValidDate(asOf) {
		s.writePageError(c, lang, &models.Error{Code: models.EINVALID, Message: "as_of: «" + asOf + "» is not a date (YYYY-MM-DD)", Details: map[string]string{"field": "as_of"}})
		return
	}
	id := c.Param("id")
	in, err := s.app.ReachableInitiative(c.Request.Context(), id, callerIn(c))
	if err != nil {
		s.writePageError(c, lang, err)
		return
	}
	doc, err := policies.ParseDocument(in.Document)
	if err != nil {
		s.writePageError(c, lang, err)
		return
	}
	rev := s.engine.Active()
	waivers, err := s.waiversOf(c.Request.Context(), in.ID)
	if err != nil {
		s.writePageError(c, lang, err)
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.EvalTimeout)
	res, err := rev.Check(ctx, doc, policies.CheckOptions{AsOf: asOf, Lang: lang, Now: s.now(), Waivers: waivers})
	cancel()
	if err != nil {
		s.writePageError(c, lang, err)
		return
	}
	standing := models.InitiativeStanding{
		ID: in.ID, Title: in.Title, Sector: in.Sector, Status: in.Status, Type: in.Type, Version: in.Version,
		Allowed: res.Allowed, Summary: res.Summary, Violations: res.Violations, DecisionID: in.DecisionID,
	}
	var page bytes.Buffer
	err = web.RenderInitiative(&page, standing, web.InitiativeOptions{Lang: lang, AsOf: asOf, CheckedAsOf: res.AsOf, CSRF: pageCSRF(c),
		PolicyRevision: res.PolicyRevision, Links: web.DefaultLinks, Document: in.Document})
	if err != nil {
		s.writePageError(c, lang, err)
		return
	}
	s.writePage(c, http.StatusOK, page.Bytes())
}

// staticMaxAge is a year, for the files linked with ?v=<content hash> as the pages link them.
const staticMaxAge = "public, max-age=31536000, immutable"

// handlePageStatic serves GET /reports/static/*file: the pages' stylesheet and icon.
func (s *Server) handlePageStatic(c *gin.Context) {
	name := strings.TrimPrefix(path.Clean(c.Param("file")), "/")
	data, err := fs.ReadFile(web.StaticFiles(), name)
	if err != nil || name == "" {
		s.writePageError(c, models.LangNB, models.Errorf(models.ENOTFOUND, "no file %s", c.Param("file")))
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h := c.Writer.Header()
	h.Set("Content-Type", ctype)
	if c.Query("v") == web.StaticVersion {
		h.Set("Cache-Control", staticMaxAge)
	} else {
		// Without the version (the login page's link, say) the file may change under the same URL.
		h.Set("Cache-Control", "no-cache")
	}
	h.Set("ETag", `"`+web.StaticVersion+`"`)
	h.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(c.Writer, c.Request, name, time.Time{}, bytes.NewReader(data))
}

// writePage answers an HTML page with the headers every page carries.
func (s *Server) writePage(c *gin.Context, status int, page []byte) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", pageCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-cache")
	}
	c.Data(status, "text/html; charset=utf-8", page)
}

// writePageError is writeError for the pages: a small HTML page with the
// status of the error's code. Internal errors are logged with the request id
// and shown as an internal error.
func (s *Server) writePageError(c *gin.Context, lang models.Lang, err error) {
	var e *models.Error
	if !errors.As(err, &e) {
		s.log.LogAttrs(c.Request.Context(), slog.LevelError, "internal error",
			slog.String("request_id", requestIDOf(c)), slog.String("route", c.FullPath()), slog.String("error", err.Error()))
		e = &models.Error{Code: models.EINTERNAL, Message: "internal error"}
	}
	status := statusOf(e.Code)
	if status == http.StatusServiceUnavailable {
		c.Header("Retry-After", "5")
	}
	c.Header("Cache-Control", "no-store")
	var page bytes.Buffer
	if rerr := web.RenderError(&page, web.ErrorOptions{Lang: lang, Status: status, Message: e.Message, RequestID: requestIDOf(c), Links: web.DefaultLinks,
		Path: c.Request.URL.Path, Query: c.Request.URL.Query()}); rerr != nil {
		s.log.Error("render error page", "request_id", requestIDOf(c), "error", rerr.Error())
		c.Data(status, "text/plain; charset=utf-8", []byte(http.StatusText(status)+"\n"))
		c.Abort()
		return
	}
	s.writePage(c, status, page.Bytes())
	c.Abort()
}

// pageCSRF is the CSRF token of the login session a page was opened with, for
// its logout button; "" for a page opened with a bearer token (no session to end).
func pageCSRF(c *gin.Context) string {
	if bearer(c) != "" {
		return ""
	}
	if id, err := c.Cookie(sessionCookie); err == nil && id != "" {
		return sessionCSRF(id)
	}
	return ""
}
