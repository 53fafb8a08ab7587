package web

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func renderPlain(t *testing.T, render func(io.Writer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := render(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestRenderLogin(t *testing.T) {
	t.Run("a form with a labelled password field that goes back where it came from", func(t *testing.T) {
		page := renderPlain(t, func(w io.Writer) error {
			return RenderLogin(w, LoginOptions{Next: "/reports/compliance?lang=en", CSRF: "k3y_-"})
		})
		wantIn(t, page, "<!doctype html>\n<html lang=\"nb\">", "<title>Logg inn – Styring</title>", `<link rel="stylesheet" href="/reports/static/report.css">`,
			`<link rel="icon" href="/reports/static/favicon.svg" type="image/svg+xml">`, `<form method="post" action="/login">`, `<input type="hidden" name="next" value="/reports/compliance?lang=en">`,
			`<input type="hidden" name="csrf" value="k3y_-">`,
			`<label for="token">Tilgangsnøkkel (token)</label>`, `<input id="token" name="token" type="password" autocomplete="current-password" required>`)
		wantNotIn(t, page, `role="alert"`)
	})
	t.Run("a failed attempt is said in an alert", func(t *testing.T) {
		page := renderPlain(t, func(w io.Writer) error {
			return RenderLogin(w, LoginOptions{Next: "/", Problem: "Skriv inn tilgangsnøkkelen."})
		})
		wantIn(t, page, `<h1>Logg inn i Styring</h1><p class="error" role="alert">Skriv inn tilgangsnøkkelen.</p>`)
	})
	t.Run("what comes from the request is escaped", func(t *testing.T) {
		page := renderPlain(t, func(w io.Writer) error {
			return RenderLogin(w, LoginOptions{Next: `/x?a="><script>alert(1)</script>`, Problem: "<b>nei</b>"})
		})
		wantNotIn(t, page, "<script", "<b>")
		wantIn(t, page, `value="/x?a=&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`, "&lt;b&gt;nei&lt;/b&gt;")
	})
}

func TestRenderHome(t *testing.T) {
	page := renderPlain(t, func(w io.Writer) error {
		return RenderHome(w, HomeOptions{Name: `Kari <"N">`, Role: "saksbehandler", CSRF: "k3y_-"})
	})
	wantIn(t, page, "<title>Styring – Styring</title>", "Du er logget inn som Kari &lt;&#34;N&#34;&gt; (rolle saksbehandler).",
		`<form method="post" action="/logout"><input type="hidden" name="csrf" value="k3y_-"><button type="submit">Logg ut</button></form></main></body></html>`)
}

func TestRenderNoAccess(t *testing.T) {
	page := renderPlain(t, RenderNoAccess)
	wantIn(t, page, "<title>Ingen tilgang – Styring</title>", "<h1>Ingen tilgang</h1>", `<a href="/login">Logg inn med en annen nøkkel</a>`)
}

// TestPlainPagesKeepTheCSP: nothing inline, nothing from elsewhere.
func TestPlainPagesKeepTheCSP(t *testing.T) {
	for name, render := range map[string]func(io.Writer) error{
		"login":     func(w io.Writer) error { return RenderLogin(w, LoginOptions{Next: "/", Problem: "x"}) },
		"home":      func(w io.Writer) error { return RenderHome(w, HomeOptions{Name: "n", Role: "workflow"}) },
		"no access": RenderNoAccess,
	} {
		page := renderPlain(t, render)
		if !strings.HasSuffix(page, "</html>") {
			t.Errorf("%s: does not end with </html>", name)
		}
		wantNotIn(t, page, "<script", " style=", "<style", "http://", "https://", "javascript:")
	}
}
