package web

import (
	"bytes"
	"testing"

	"github.com/baerum/styring/models"
)

func TestRenderInitiative(t *testing.T) {
	s := fixtureReport().Records.Initiatives[0]
	s.Violations = append(s.Violations, models.Violation{RuleID: "DAT-001", Severity: models.SeverityWarning, Title: "Skjema", Message: "ikke et objekt", Path: p(""), Reference: "initiative.schema.json"})
	for _, c := range []struct {
		name  string
		lang  models.Lang
		wants []string
	}{
		{"lists field, message, reference, remedy and rule in Norwegian", models.LangNB, []string{
			`<html lang="nb">`, "Digital skolestart", `<code class="path">/accessibility/wcag_level</code>`, "WCAG-nivå 2.0 er for lavt",
			"Likestillings- og diskrimineringsloven § 18", "Krev WCAG 2.1 AA", "UU-001", "Universell utforming", ">Feil<", "(hele dokumentet)",
			"Oppvekst skole", "per 20. september 2022", `href="/reports/compliance?as_of=2022-09-20"`, "Blokkert"}},
		{"speaks English", models.LangEN, []string{`<html lang="en">`, ">Error<", "How to fix it", "(the whole document)", "as of 20 September 2022",
			`href="/reports/compliance?as_of=2022-09-20&amp;lang=en"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			err := RenderInitiative(&b, s, InitiativeOptions{Lang: c.lang, AsOf: "2022-09-20", CheckedAsOf: "2022-09-20", PolicyRevision: "sha256:abc"})
			if err != nil {
				t.Fatal(err)
			}
			wantIn(t, b.String(), c.wants...)
		})
	}
}
