package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/baerum/styring/internal/format"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
)

// axePath is axe-core as `npm ci --prefix server/testdata/axe` installs it.
var axePath = filepath.Join("testdata", "axe", "node_modules", "axe-core", "axe.min.js")

// skipWithout skips the browser test when a tool it needs is missing, or fails
// it when STYRING_REQUIRE_BROWSER is set (CI), so it never skips unseen there.
func skipWithout(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("STYRING_REQUIRE_BROWSER") != "" {
		t.Fatal(msg + " (STYRING_REQUIRE_BROWSER is set)")
	}
	t.Skip(msg)
}

// axeFinding is one violation axe-core reports.
type axeFinding struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// runAxe loads axe-core into the page from the test server's own origin (the
// page's CSP allows scripts from there only) and returns its violations.
const runAxe = `new Promise((resolve, reject) => {
  const s = document.createElement("script");
  s.src = "/__test/axe.min.js";
  s.onload = () => resolve();
  s.onerror = () => reject(new Error("axe-core did not load"));
  document.head.appendChild(s);
}).then(() => axe.run(document, {resultTypes: ["violations"]}))
  .then(r => JSON.stringify(r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
  }))))`

// TestBrowserCompliancePage opens the compliance page in headless Chromium
// with the sample portfolio: the key figures and the initiative table are
// there, the stylesheet applies, nothing is written to the console, axe-core
// finds nothing on it or the pages it links to, at 1280 and at 390 px, where
// no table cell lies beyond the viewport; screenshots of both widths are saved.
func TestBrowserCompliancePage(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		skipWithout(t, "no chromium on PATH: install it (apt-get install chromium) to run the browser test")
	}
	if _, err := os.Stat(axePath); err != nil {
		skipWithout(t, "axe-core is not installed: run npm ci --prefix server/testdata/axe")
	}

	s := newTestServer(t, gormstore.BackendSQLite)
	portfolio := seedDemo(t, s)
	rep := decode[models.ComplianceReport](t, do(t, s, req{method: "GET", path: "/api/v1/reports/compliance"}))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /__test/axe.min.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeFile(w, r, axePath)
	})
	mux.Handle("/", s)
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()

	// Every console error, uncaught exception and browser log error (a failed
	// load, a CSP violation), in the order Chrome sends them.
	var mu sync.Mutex
	var console []string
	expectedErrors := map[string]bool{} // pages opened for their error status
	err = chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				console = append(console, "console."+string(ev.Type)+": "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			console = append(console, "exception: "+ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			expected := ev.Entry.Source == log.EntrySourceNetwork && expectedErrors[ev.Entry.URL]
			if ev.Entry.Level == log.EntryLevelError && !expected {
				console = append(console, "log ("+string(ev.Entry.Source)+"): "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}

	// A manager logs in through the form, as a person does: the browser sends
	// the form's CSRF token with its own Origin, and keeps a session cookie
	// that holds a session id, never the token.
	secret := issueToken(t, s, "browser-test", models.RoleLeder)
	t.Run("a manager logs in through the form and lands on the report", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/login?next=%2Freports%2Fcompliance"), chromedp.WaitVisible(chromedp.CSS("#token"))); err != nil {
			t.Fatalf("open the login form: %v", err)
		}
		resp, err := chromedp.RunResponse(ctx, chromedp.SendKeys(chromedp.CSS("#token"), secret), chromedp.Submit(chromedp.CSS("#token")))
		if err != nil {
			t.Fatalf("log in: %v", err)
		}
		if resp.Status != 200 || !strings.HasSuffix(resp.URL, "/reports/compliance") {
			t.Fatalf("after login: %d %s, want the report", resp.Status, resp.URL)
		}
		cookies, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{ts.URL}})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range cookies.Cookies {
			if c.Name != sessionCookie {
				continue
			}
			found = true
			if c.Value == secret || !models.WellFormedSessionID(c.Value) || !c.HTTPOnly || c.SameSite != network.CookieSameSiteStrict {
				t.Errorf("session cookie %+v: want an HttpOnly, SameSite=Strict session id", c)
			}
		}
		if !found {
			t.Fatal("no session cookie after login")
		}
	})
	if t.Failed() {
		return
	}

	open := func(t *testing.T, path string, status int64) {
		t.Helper()
		if status >= 400 {
			mu.Lock()
			expectedErrors[ts.URL+path] = true
			mu.Unlock()
		}
		resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(ts.URL+path))
		if err != nil {
			t.Fatalf("open %s: %v", path, err)
		}
		if resp.Status != status {
			t.Fatalf("open %s: status %d, want %d", path, resp.Status, status)
		}
	}
	eval := func(t *testing.T, expr string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	checkAxe := func(t *testing.T, page string) {
		t.Helper()
		out, err := chromedp.Run(ctx, chromedp.Evaluate[string](runAxe, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("axe-core on %s: %v", page, err)
		}
		var findings []axeFinding
		if err := json.Unmarshal([]byte(out), &findings); err != nil {
			t.Fatalf("axe-core on %s: %v", page, err)
		}
		for _, f := range findings {
			t.Errorf("axe-core on %s: %s [%s] %s: %s", page, f.ID, f.Impact, f.Help, strings.Join(f.Nodes, " | "))
		}
		t.Logf("axe-core on %s: %d violations", page, len(findings))
	}

	t.Run("the report page shows the key figures and the initiatives", func(t *testing.T) {
		open(t, "/reports/compliance", 200)
		if title := eval(t, `document.title`); !strings.Contains(title, "Etterlevelsesrapport") {
			t.Errorf("title %q", title)
		}
		for id, want := range map[string]string{
			"kf-errors":      format.Int(rep.Portfolio.Summary.Error, models.LangNB),
			"kf-warnings":    format.Int(rep.Portfolio.Summary.Warning, models.LangNB),
			"kf-initiatives": format.Int(rep.Portfolio.Initiatives, models.LangNB),
		} {
			got := eval(t, `document.querySelector("#`+id+` .key-figure-value").textContent.trim()`)
			if got != want {
				t.Errorf("key figure %s shows %q, want %q", id, got, want)
			}
		}
		rows := eval(t, `String(document.querySelectorAll("#initiative-table tbody tr").length)`)
		if rows != fmt.Sprint(len(portfolio.docs)) {
			t.Errorf("the initiative table has %s rows, want %d", rows, len(portfolio.docs))
		}
		if headers := eval(t, `String(document.querySelectorAll("#initiative-table thead th[scope=col]").length)`); headers != "10" {
			t.Errorf("the initiative table has %s column headers, want 10", headers)
		}
		if charts := eval(t, `String(document.querySelectorAll("svg[role=img][aria-labelledby]").length)`); charts != "4" {
			t.Errorf("%s labelled charts, want 4", charts)
		}
		// The stylesheet loaded under the page's CSP: the masthead is navy.
		if bg := eval(t, `getComputedStyle(document.querySelector(".masthead")).backgroundColor`); bg != "rgb(11, 59, 96)" {
			t.Errorf("the masthead's background is %s: report.css did not apply", bg)
		}
	})
	t.Run("the page's CSV and JSON links answer the session", func(t *testing.T) {
		open(t, "/reports/compliance", 200)
		for _, sel := range []string{`a[href^="/api/v1/reports/compliance.csv"]`, `a[href^="/api/v1/reports/compliance?"], a[href="/api/v1/reports/compliance"]`} {
			status, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(document.querySelector('`+sel+`').href).then(r => String(r.status))`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("%s: %v", sel, err)
			}
			if status != "200" {
				t.Errorf("the link %s answered %s to a logged-in manager", sel, status)
			}
		}
	})
	t.Run("the report page has no accessibility findings", func(t *testing.T) {
		open(t, "/reports/compliance", 200)
		checkAxe(t, "/reports/compliance")
	})
	// Each page at a desktop and a phone width: a full-page screenshot, no
	// table cell beyond the viewport's right edge (the tables reflow into
	// cards; nothing is clipped or scrolls sideways), and no axe-core finding.
	screenshots := t.TempDir()
	for _, pg := range []struct{ name, path string }{
		{"report", "/reports/compliance"},
		{"initiative", "/reports/compliance/initiatives/" + firstWithViolations(rep)},
	} {
		for _, width := range []int64{1280, 390} {
			t.Run(fmt.Sprintf("the %s page at %d px reads and is saved", pg.name, width), func(t *testing.T) {
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
					t.Fatal(err)
				}
				defer func() { _ = chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)) }()
				open(t, pg.path, 200)
				if width < 600 {
					over := eval(t, `JSON.stringify([...document.querySelectorAll("td")].filter(td => td.getBoundingClientRect().right > innerWidth + 1).slice(0, 5).map(td => (td.closest("table").id || "table") + ": " + td.textContent.trim().slice(0, 40) + " → " + Math.round(td.getBoundingClientRect().right)))`)
					if over != "[]" {
						t.Errorf("table cells beyond the %d px viewport: %s", width, over)
					}
					if w := eval(t, `String(document.documentElement.scrollWidth)`); w != fmt.Sprint(width) {
						t.Errorf("the page is %s px wide at a %d px viewport", w, width)
					}
				}
				checkAxe(t, fmt.Sprintf("%s at %d px", pg.path, width))
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("styring-%s-%d.png", pg.name, width)
				path := filepath.Join(screenshots, name)
				if err := os.WriteFile(path, png, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("screenshot: %s (%d bytes)", path, len(png))
				if err := os.WriteFile(filepath.Join(os.TempDir(), name), png, 0o644); err == nil {
					t.Logf("screenshot copied to %s", filepath.Join(os.TempDir(), name))
				}
			})
		}
	}
	for _, c := range []struct {
		name, path string
		status     int64
	}{
		{"the English page filtered by sector", "/reports/compliance?lang=en&sector=OSU&status=forslag&status=utredning", 200},
		{"an initiative's violations", "/reports/compliance/initiatives/" + firstWithViolations(rep), 200},
		{"an error page", "/reports/compliance/initiatives/P-9999", 404},
	} {
		t.Run(c.name+" has no accessibility findings", func(t *testing.T) {
			open(t, c.path, c.status)
			checkAxe(t, c.path)
		})
	}

	t.Run("nothing was written to the console", func(t *testing.T) {
		// Listen sees the events in order, before the reply of the last command.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`"done"`)); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		defer mu.Unlock()
		for _, m := range console {
			t.Errorf("console: %s", m)
		}
	})
}

// firstWithViolations is the first initiative of the report with a violation to show.
func firstWithViolations(rep models.ComplianceReport) string {
	for _, s := range rep.Records.Initiatives {
		if len(s.Violations) > 0 {
			return s.ID
		}
	}
	return rep.Records.Initiatives[0].ID
}
