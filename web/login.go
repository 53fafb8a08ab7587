package web

import (
	"html/template"
	"io"
)

// The pages before the report: the login form, the front page of a role
// without pages of its own, and the page that says a role has no access. They
// are Norwegian and plain (templates/plain.html).

var (
	loginPage    = parsePlain("login.html")
	homePage     = parsePlain("home.html")
	noAccessPage = parsePlain("noaccess.html")
)

func parsePlain(name string) *template.Template {
	return template.Must(template.New(name).ParseFS(templateFiles, "templates/plain.html", "templates/"+name))
}

// plain is what the frame of a plain page needs.
type plain struct {
	CSS  string
	Icon string
}

func newPlain() plain {
	return plain{CSS: DefaultLinks.Static + "/report.css", Icon: DefaultLinks.Static + "/favicon.svg"}
}

// LoginOptions shape the login form.
type LoginOptions struct {
	Next    string // where to go after logging in, sent back with the form
	Problem string // why the last attempt failed; "" the first time
	CSRF    string // the form's CSRF token, sent back in the hidden field csrf
}

// RenderLogin writes the login form, which takes the same token as the API.
func RenderLogin(w io.Writer, o LoginOptions) error {
	return render(w, loginPage, "page", struct {
		plain
		LoginOptions
	}{newPlain(), o})
}

// HomeOptions name who is logged in on the front page.
type HomeOptions struct {
	Name string // the token's name
	Role string
	CSRF string // the session's CSRF token, for the logout form's hidden field csrf
}

// RenderHome writes the front page of a role that has no pages of its own yet.
func RenderHome(w io.Writer, o HomeOptions) error {
	return render(w, homePage, "page", struct {
		plain
		HomeOptions
	}{newPlain(), o})
}

// RenderNoAccess writes the page for a role the page it asked for is not open to.
func RenderNoAccess(w io.Writer) error {
	return render(w, noAccessPage, "page", newPlain())
}
