package server

import (
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/baerum/styring/internal/demo"
	"github.com/baerum/styring/internal/format"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
	"github.com/baerum/styring/web"
)

// demoPortfolio is the sample portfolio as submitted: each document raw and parsed, by id.
type demoPortfolio struct {
	raw  map[string][]byte
	docs map[string]map[string]any
}

// count is the number of sample initiatives for which keep is true.
func (d demoPortfolio) count(keep func(doc map[string]any) bool) int {
	n := 0
	for _, doc := range d.docs {
		if keep(doc) {
			n++
		}
	}
	return n
}

// seedDemo submits the sample portfolio through the API, as `serve --demo` does.
func seedDemo(t testing.TB, h http.Handler) demoPortfolio {
	t.Helper()
	raws, err := demo.Initiatives()
	if err != nil {
		t.Fatal(err)
	}
	d := demoPortfolio{raw: map[string][]byte{}, docs: map[string]map[string]any{}}
	for _, raw := range raws {
		rec := do(t, h, req{method: "POST", path: "/api/v1/initiatives", body: raw})
		wantStatus(t, rec, http.StatusCreated)
		var doc map[string]any
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		id := doc["id"].(string)
		d.raw[id], d.docs[id] = raw, doc
	}
	return d
}

// getPage fetches a page and checks that it is HTML under the pages' CSP.
func getPage(t *testing.T, h http.Handler, path string, status int) string {
	t.Helper()
	rec := do(t, h, req{method: "GET", path: path})
	if rec.Code != status {
		t.Fatalf("GET %s: status %d, want %d: %.500s", path, rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'self'") || strings.Contains(csp, "unsafe") {
		t.Errorf("GET %s: Content-Security-Policy %q", path, csp)
	}
	return rec.Body.String()
}

// keyFigure reads the value of a key figure of the compliance page.
func keyFigure(t *testing.T, page, id string) string {
	t.Helper()
	m := regexp.MustCompile(`id="` + id + `"><dt>[^<]*</dt><dd class="key-figure-value">([^<]*)`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no key figure %s", id)
	}
	return strings.TrimSpace(html.UnescapeString(m[1]))
}

// tableRows returns the data-sector and data-status of the initiative table's rows.
func tableRows(page string) (sectors, statuses []string) {
	for _, m := range regexp.MustCompile(`<tr data-sector="([A-Z]*)" data-status="([a-z_]*)">`).FindAllStringSubmatch(page, -1) {
		sectors, statuses = append(sectors, m[1]), append(statuses, m[2])
	}
	return sectors, statuses
}

func TestCompliancePage(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	portfolio := seedDemo(t, s)
	rep := decode[models.ComplianceReport](t, do(t, s, req{method: "GET", path: "/api/v1/reports/compliance?lang=nb"}))
	page := getPage(t, s, "/reports/compliance", http.StatusOK)
	text := html.UnescapeString(page)
	nb := models.LangNB

	t.Run("shows the key figures of the report", func(t *testing.T) {
		if len(rep.Portfolio.Violations) == 0 || len(rep.Portfolio.Figures.Years) == 0 {
			t.Fatal("the demo portfolio has no portfolio violations: the test shows nothing")
		}
		last := rep.Portfolio.Figures.Years[len(rep.Portfolio.Figures.Years)-1]
		for id, want := range map[string]string{
			"kf-initiatives": format.Int(rep.Portfolio.Initiatives, nb),
			"kf-errors":      format.Int(rep.Portfolio.Summary.Error, nb),
			"kf-warnings":    format.Int(rep.Portfolio.Summary.Warning, nb),
			"kf-omstilling":  format.Number(last.OmstillingLevelKNOK/1000, 1, nb),
			"kf-buffer":      format.Number(rep.Portfolio.Figures.BufferFund.EndKNOK/1000, 1, nb),
		} {
			if got := keyFigure(t, page, id); got != want {
				t.Errorf("%s is %q, want %q", id, got, want)
			}
		}
	})
	t.Run("writes amounts the Norwegian way", func(t *testing.T) {
		want := format.MNOK(rep.Portfolio.Figures.BufferFund.EndKNOK, nb)
		if !strings.Contains(want, "mill.\u00a0kr") || !strings.Contains(text, want) {
			t.Errorf("the page does not show the buffer fund as %q", want)
		}
		if !regexp.MustCompile(`\d,\d\x{00a0}mill\.\x{00a0}kr`).MatchString(text) || strings.Contains(text, "MNOK") {
			t.Error("amounts are not written as 12,3 mill. kr")
		}
	})
	t.Run("gives each target a light with a text", func(t *testing.T) {
		worst := func(rule string) string {
			l := "green"
			for _, v := range rep.Portfolio.Violations {
				if v.RuleID == rule && v.Severity == models.SeverityError {
					return "red"
				}
				if v.RuleID == rule {
					l = "amber"
				}
			}
			return l
		}
		for id, rule := range map[string]string{"t-frames": "PBUD-001", "t-omstilling": "POMS-001", "t-efficiency": "POMS-002", "t-result": "PFIN-001", "t-buffer": "PFIN-002"} {
			if !strings.Contains(page, `class="target target-wide light-`+worst(rule)+`" id="`+id+`"`) && !strings.Contains(page, `class="target light-`+worst(rule)+`" id="`+id+`"`) {
				t.Errorf("target %s (%s) is not %s", id, rule, worst(rule))
			}
		}
		for _, label := range []string{"Status: </span>Brudd", "Status: </span>I rute"} {
			if !strings.Contains(page, label) {
				t.Errorf("no light labelled %q", label)
			}
		}
	})
	t.Run("lists every initiative with its counts and a link", func(t *testing.T) {
		sectors, _ := tableRows(page)
		if len(sectors) != len(portfolio.docs) {
			t.Errorf("%d rows, want %d", len(sectors), len(portfolio.docs))
		}
		for _, st := range rep.Records.Initiatives {
			if !strings.Contains(page, `href="/reports/compliance/initiatives/`+st.ID+`"`) || !strings.Contains(text, st.Title) {
				t.Errorf("initiative %s is not in the table", st.ID)
			}
		}
	})
	t.Run("links the stylesheet it serves", func(t *testing.T) {
		href := "/reports/static/report.css?v=" + web.StaticVersion
		if !strings.Contains(page, `href="`+href+`"`) {
			t.Fatalf("no link to %s", href)
		}
		rec := do(t, s, req{method: "GET", path: href})
		wantStatus(t, rec, http.StatusOK)
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
			t.Errorf("Content-Type %q", ct)
		}
		if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") {
			t.Errorf("Cache-Control %q", cc)
		}
		if !strings.Contains(rec.Body.String(), "@media print") {
			t.Error("the stylesheet has no print rules")
		}
	})
	t.Run("speaks English with lang=en", func(t *testing.T) {
		en := getPage(t, s, "/reports/compliance?lang=en", http.StatusOK)
		want := format.MNOK(rep.Portfolio.Figures.BufferFund.EndKNOK, models.LangEN)
		if !strings.Contains(en, `<html lang="en">`) || !strings.Contains(html.UnescapeString(en), want) || strings.Contains(en, "mill.\u00a0kr") {
			t.Errorf("the English page does not write %q, or writes mill. kr", want)
		}
		if !strings.Contains(en, "Compliance report") {
			t.Error("the English page has no English title")
		}
	})
	t.Run("Accept-Language does not switch the page", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/reports/compliance", headers: map[string]string{"Accept-Language": "en-US,en;q=0.9"}})
		if !strings.Contains(rec.Body.String(), `<html lang="nb">`) {
			t.Error("the page is not Norwegian")
		}
	})
}

func TestCompliancePageFilters(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	portfolio := seedDemo(t, s)
	all := decode[models.ComplianceReport](t, do(t, s, req{method: "GET", path: "/api/v1/reports/compliance"}))

	t.Run("status narrows the whole report", func(t *testing.T) {
		page := getPage(t, s, "/reports/compliance?status=forslag", http.StatusOK)
		_, statuses := tableRows(page)
		want := portfolio.count(func(d map[string]any) bool { return d["status"] == "forslag" })
		if len(statuses) != want || want == 0 {
			t.Errorf("%d rows, want the %d forslag", len(statuses), want)
		}
		for _, st := range statuses {
			if st != "forslag" {
				t.Errorf("a row with status %s", st)
			}
		}
		if got := keyFigure(t, page, "kf-initiatives"); got != format.Int(want, models.LangNB) {
			t.Errorf("the portfolio counts %s initiatives, want %d", got, want)
		}
		if !strings.Contains(page, "Porteføljen er avgrenset til status: Forslag.") || !strings.Contains(page, `value="forslag" checked`) {
			t.Error("the page does not say, or the form does not show, the status filter")
		}
	})
	t.Run("sector narrows the table, not the portfolio figures", func(t *testing.T) {
		page := getPage(t, s, "/reports/compliance?sector=OSU", http.StatusOK)
		sectors, _ := tableRows(page)
		want := portfolio.count(func(d map[string]any) bool { return d["sector"] == "OSU" })
		if len(sectors) != want || want == 0 {
			t.Errorf("%d rows, want the %d of OSU", len(sectors), want)
		}
		for _, sec := range sectors {
			if sec != "OSU" {
				t.Errorf("a row of sector %s", sec)
			}
		}
		if got := keyFigure(t, page, "kf-errors"); got != format.Int(all.Portfolio.Summary.Error, models.LangNB) {
			t.Errorf("the portfolio errors are %s with the sector filter, %d without", got, all.Portfolio.Summary.Error)
		}
		if !strings.Contains(page, "Porteføljetallene over gjelder hele porteføljen") || !strings.Contains(page, "HSO</span> Helse og sosial") {
			t.Error("the page does not keep and say that the figures are the whole portfolio's")
		}
	})
	t.Run("the CSV link keeps status, date and language", func(t *testing.T) {
		page := getPage(t, s, "/reports/compliance?status=forslag&status=vedtatt&as_of=2024-01-01&sector=OSU", http.StatusOK)
		m := regexp.MustCompile(`<a href="([^"]*compliance\.csv[^"]*)" download>`).FindStringSubmatch(page)
		if m == nil {
			t.Fatal("no CSV link")
		}
		href := html.UnescapeString(m[1])
		if href != "/api/v1/reports/compliance.csv?as_of=2024-01-01&lang=nb&status=forslag&status=vedtatt" {
			t.Errorf("CSV link %s", href)
		}
		rec := do(t, s, req{method: "GET", path: href})
		wantStatus(t, rec, http.StatusOK)
		if !strings.Contains(rec.Header().Get("Content-Disposition"), "compliance-2024-01-01.csv") {
			t.Errorf("the CSV is not of 2024-01-01: %s", rec.Header().Get("Content-Disposition"))
		}
	})
	t.Run("a bad filter answers an HTML 400 naming it", func(t *testing.T) {
		for _, c := range []struct{ query, field string }{
			{"status=bogus", "status"}, {"status=forslag,nope", "status"}, {"sector=XYZ", "sector"},
			{"lang=de", "lang"}, {"as_of=2023-13-45", "as_of"}, {"recheck=maybe", "recheck"},
			{"sort=budget", "sort"}, {"sort=--errors", "sort"}, {"q=" + strings.Repeat("x", 201), "q"},
		} {
			t.Run(c.query, func(t *testing.T) {
				page := getPage(t, s, "/reports/compliance?"+c.query, http.StatusBadRequest)
				if !strings.Contains(page, "HTTP-status 400") || !strings.Contains(page, c.field+":") {
					t.Errorf("the error page does not name %s: %.300s", c.field, page)
				}
			})
		}
	})
}

func TestInitiativePage(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	portfolio := seedDemo(t, s)
	rep := decode[models.ComplianceReport](t, do(t, s, req{method: "GET", path: "/api/v1/reports/compliance"}))
	id := ""
	for _, st := range rep.Records.Initiatives {
		if len(st.Violations) > 0 {
			id = st.ID
			break
		}
	}
	if id == "" {
		t.Fatal("no sample initiative has a violation to show")
	}

	for _, lang := range []models.Lang{models.LangNB, models.LangEN} {
		t.Run("lists the live violations with field, message, reference and remedy in "+string(lang), func(t *testing.T) {
			check := decode[models.CheckResult](t, do(t, s, req{method: "POST", path: "/api/v1/check?lang=" + string(lang), body: portfolio.raw[id]}))
			page := getPage(t, s, "/reports/compliance/initiatives/"+id+"?lang="+string(lang), http.StatusOK)
			text := html.UnescapeString(page)
			if !strings.Contains(page, `<html lang="`+string(lang)+`">`) {
				t.Errorf("the page is not in %s", lang)
			}
			if len(check.Violations) == 0 {
				t.Fatal("the live check has no violations")
			}
			for _, v := range check.Violations {
				for what, want := range map[string]string{"rule": v.RuleID, "title": v.Title, "message": v.Message, "reference": v.Reference, "remedy": v.Remedy, "path": v.PathOr("")} {
					if want != "" && !strings.Contains(text, want) {
						t.Errorf("%s %s: the %s %q is not on the page", v.RuleID, v.PathOr(""), what, want)
					}
				}
			}
		})
	}
	t.Run("an unknown initiative answers an HTML 404", func(t *testing.T) {
		page := getPage(t, s, "/reports/compliance/initiatives/P-9999", http.StatusNotFound)
		if !strings.Contains(page, "HTTP-status 404") || !strings.Contains(page, "Finnes ikke") {
			t.Errorf("not a 404 page: %.300s", page)
		}
	})
	t.Run("a bad date answers an HTML 400", func(t *testing.T) {
		getPage(t, s, "/reports/compliance/initiatives/"+id+"?as_of=2023-02-30", http.StatusBadRequest)
	})
}

func TestPagesWhenTheDatabaseIsGone(t *testing.T) {
	store := gormtest.OpenTest(t, gormstore.BackendSQLite)
	s := newTestServerWith(t, store, Config{})
	// One request first, so the caller's token is known when the database goes.
	wantStatus(t, do(t, s, req{method: "GET", path: "/api/v1/rules"}), http.StatusOK)
	store.Close()
	for _, path := range []string{"/reports/compliance", "/reports/compliance/initiatives/P-0001"} {
		rec := do(t, s, req{method: "GET", path: path})
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			t.Errorf("GET %s: %d %q Retry-After %q, want an HTML 503 with Retry-After", path, rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Retry-After"))
		}
	}
}

func TestStaticFiles(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	for _, c := range []struct {
		name, path, ifNoneMatch string
		status                  int
		contentType             string
	}{
		{"serves the stylesheet", "/reports/static/report.css?v=" + web.StaticVersion, "", 200, "text/css"},
		{"serves the stylesheet without its version", "/reports/static/report.css", "", 200, "text/css"},
		{"serves the icon", "/reports/static/favicon.svg", "", 200, "image/svg+xml"},
		{"answers 304 to the current ETag", "/reports/static/report.css", `"` + web.StaticVersion + `"`, 304, ""},
		{"answers 404 for a file it does not have", "/reports/static/app.js", "", 404, "text/html"},
		{"does not leave its folder", "/reports/static/..%2fhtml.go", "", 404, "text/html"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", c.path, nil)
			if c.ifNoneMatch != "" {
				r.Header.Set("If-None-Match", c.ifNoneMatch)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, r)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d", rec.Code, c.status)
			}
			if ct := rec.Header().Get("Content-Type"); c.contentType != "" && !strings.HasPrefix(ct, c.contentType) {
				t.Errorf("Content-Type %q, want %s", ct, c.contentType)
			}
		})
	}
}

// tableIDs returns the ids of the initiative table's rows, in order.
func tableIDs(page string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`<tr data-sector="[A-Z]*" data-status="[a-z_]*"><th scope="row"><a href="[^"]*"[^>]*>([^<]*)</a>`).FindAllStringSubmatch(page, -1) {
		ids = append(ids, html.UnescapeString(m[1]))
	}
	return ids
}

// The initiative table is searched (?q=, title or id) and sorted (?sort=)
// on the server: the page runs no script.
func TestCompliancePageSearchAndSort(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	seedDemo(t, s)
	rep := decode[models.ComplianceReport](t, do(t, s, req{method: "GET", path: "/api/v1/reports/compliance"}))
	all := rep.Records.Initiatives
	if len(all) < 3 {
		t.Fatalf("%d sample initiatives", len(all))
	}

	t.Run("q finds by title or id, case ignored", func(t *testing.T) {
		want := all[1]
		word := strings.Fields(want.Title)[0]
		page := getPage(t, s, "/reports/compliance?q="+url.QueryEscape(strings.ToUpper(word)), http.StatusOK)
		ids := tableIDs(page)
		if !slices.Contains(ids, want.ID) {
			t.Errorf("searching %q did not find %s: %v", word, want.ID, ids)
		}
		for _, id := range ids {
			i := slices.IndexFunc(all, func(st models.InitiativeStanding) bool { return st.ID == id })
			if !strings.Contains(strings.ToLower(all[i].Title), strings.ToLower(word)) && !strings.Contains(strings.ToLower(id), strings.ToLower(word)) {
				t.Errorf("%s (%s) does not match %q", id, all[i].Title, word)
			}
		}
		page = getPage(t, s, "/reports/compliance?q="+url.QueryEscape(strings.ToLower(all[2].ID)), http.StatusOK)
		if ids := tableIDs(page); len(ids) != 1 || ids[0] != all[2].ID {
			t.Errorf("searching the id %s found %v", all[2].ID, ids)
		}
		page = getPage(t, s, "/reports/compliance?q=ingen-slik-tittel", http.StatusOK)
		if ids := tableIDs(page); len(ids) != 0 || !strings.Contains(page, "Ingen tiltak i utvalget.") {
			t.Errorf("a search without hits shows %v", ids)
		}
		// The key figures stay the whole portfolio's.
		if got, want := keyFigure(t, page, "kf-initiatives"), format.Int(rep.Portfolio.Initiatives, models.LangNB); got != want {
			t.Errorf("with a search the portfolio counts %s initiatives, want %s", got, want)
		}
	})
	t.Run("sort orders the rows and marks the header", func(t *testing.T) {
		for _, c := range []struct {
			sort string
			less func(a, b models.InitiativeStanding) bool // a may not come after b
		}{
			{"id", func(a, b models.InitiativeStanding) bool { return a.ID <= b.ID }},
			{"-id", func(a, b models.InitiativeStanding) bool { return a.ID >= b.ID }},
			{"-errors", func(a, b models.InitiativeStanding) bool { return a.Summary.Error >= b.Summary.Error }},
			{"warnings", func(a, b models.InitiativeStanding) bool { return a.Summary.Warning <= b.Summary.Warning }},
			{"sector", func(a, b models.InitiativeStanding) bool { return a.Sector <= b.Sector }},
		} {
			page := getPage(t, s, "/reports/compliance?sort="+c.sort, http.StatusOK)
			ids := tableIDs(page)
			if len(ids) != len(all) {
				t.Fatalf("sort=%s: %d rows, want %d", c.sort, len(ids), len(all))
			}
			byID := map[string]models.InitiativeStanding{}
			for _, st := range all {
				byID[st.ID] = st
			}
			for i := 1; i < len(ids); i++ {
				if !c.less(byID[ids[i-1]], byID[ids[i]]) {
					t.Errorf("sort=%s: %s before %s", c.sort, ids[i-1], ids[i])
				}
			}
			dir := "ascending"
			if strings.HasPrefix(c.sort, "-") {
				dir = "descending"
			}
			if n := strings.Count(page, `aria-sort="`+dir+`"`); n != 1 || strings.Count(page, "aria-sort=") != 1 {
				t.Errorf("sort=%s: %d headers %s", c.sort, n, dir)
			}
		}
	})
	t.Run("titles sort the Norwegian way", func(t *testing.T) {
		got := searchStandings([]models.InitiativeStanding{{ID: "a", Title: "Åpen skole"}, {ID: "b", Title: "ørret"}, {ID: "c", Title: "Zebra"}, {ID: "d", Title: "æble"}, {ID: "e", Title: "barnehage"}}, "", "title")
		var titles []string
		for _, st := range got {
			titles = append(titles, st.Title)
		}
		if want := []string{"barnehage", "Zebra", "æble", "ørret", "Åpen skole"}; !slices.Equal(titles, want) {
			t.Errorf("sorted titles %v, want %v", titles, want)
		}
	})
	t.Run("search and sort keep each other and the filters", func(t *testing.T) {
		page := getPage(t, s, "/reports/compliance?sector=OSK&q=a&sort=-errors", http.StatusOK)
		for _, want := range []string{`<input type="hidden" name="sort" value="-errors">`, `<input type="hidden" name="sector" value="OSK">`, `name="q" value="a"`,
			`href="/reports/compliance?q=a&amp;sector=OSK&amp;sort=errors#tiltak"`} {
			if !strings.Contains(page, want) {
				t.Errorf("the page lacks %s", want)
			}
		}
		if sectors, _ := tableRows(page); slices.ContainsFunc(sectors, func(s string) bool { return s != "OSK" }) {
			t.Errorf("sector=OSK with a search shows %v", sectors)
		}
	})
}
