package web

import (
	"bytes"
	"strings"
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
			"Oppvekst skole", "per 20. september 2022", `href="/reports/compliance?as_of=2022-09-20"`, "Feil hindrer vedtak"}},
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

// A manager reads who owns the initiative, what it is, its budget by year in
// millions and its KPIs; the ids stay behind a disclosure; a rejected
// initiative without errors is not called approved.
func TestRenderInitiativeDetails(t *testing.T) {
	s := fixtureReport().Records.Initiatives[2] // avvist, no errors
	s.DecisionID = "0190f0aa-7b1c-7c3e-9a51-2d5b7f1e4c11"
	doc := []byte(`{"id":"HP2124-POM-003","title":"Nedlagt forslag","description":"Færre nattevakter i sykehjemmene.",
		"owner":{"name":"Kari Nordmann","role":"Kommunalsjef","email":"kari@example.no"},
		"budget_effects":[
			{"year":2022,"account":"drift","amount_knok":-1500,"bucket":"effektivisering"},
			{"year":2022,"account":"drift","amount_knok":-250,"bucket":"effektivisering","one_off":true},
			{"year":2021,"account":"investering","amount_knok":12000},
			{"year":2023,"account":"drift","amount_knok":-3000,"bucket":"effektivisering"}],
		"kpis":[{"id":"K1","name":"Brukertilfredshet","kind":"kvalitet","unit":"poeng","direction":"up","source":"Brukerundersøkelsen",
			"baseline":{"value":4.2,"date":"2021-03-01"},"target":{"value":4.5,"year":2024},
			"measurements":[{"phase":"for","date":"2021-03-01","value":4.2},{"phase":"under","date":"2022-03-01"}]}]}`)
	for _, c := range []struct {
		lang        models.Lang
		wants, nots []string
	}{
		{models.LangNB, []string{"Tiltakseier", "Kari Nordmann", "Kommunalsjef", "Beskrivelse", "Færre nattevakter i sykehjemmene.",
			"Budsjettlinjer per år, i mill." + nbsp + "kr", "Drift: effektivisering", "Investering: ingen", sp("−1,8"), sp("12,0"), sp("−3,0"), "inkl. engangsbeløp",
			`data-label="Drift: effektivisering"`, `data-label="Sum"`,
			"Styringsparametere", "Brukertilfredshet", "Kvalitet · Høyere er bedre", sp("4,2 poeng") + " (" + "1. mars 2021" + ")", sp("4,5 poeng") + " (2024)",
			"Før, " + "1. mars 2021" + ": " + sp("4,2 poeng"), "Underveis, " + "1. mars 2022" + ": ikke oppgitt", "Brukerundersøkelsen",
			`<span class="badge badge-ok">Ingen feil</span>`, "Dette er ikke et vedtak",
			"<summary>Tekniske detaljer</summary>", "sha256:abc", s.DecisionID},
			[]string{"Godkjent", "kari@example.no"}},
		{models.LangEN, []string{"Owner", "Budget lines by year, in", "Operating: efficiency", "Capital: none", "Indicators", "Higher is better",
			"Before, " + "1 March 2021" + ": " + sp("4.2 poeng"), `<span class="badge badge-ok">No errors</span>`, "<summary>Technical details</summary>"}, []string{"Allowed"}},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			var b bytes.Buffer
			err := RenderInitiative(&b, s, InitiativeOptions{Lang: c.lang, CheckedAsOf: "2022-09-20", PolicyRevision: "sha256:abc", Document: doc})
			if err != nil {
				t.Fatal(err)
			}
			page := b.String()
			wantIn(t, page, c.wants...)
			wantNotIn(t, page, c.nots...)
			// The ids are inside the disclosure, nowhere else.
			start, end := strings.Index(page, `<details class="technical"`), strings.Index(page, "</details>")
			if start < 0 || end < start {
				t.Fatal("no technical details disclosure")
			}
			for _, id := range []string{"sha256:abc", s.DecisionID} {
				if i := strings.Index(page, id); i < start || i > end || strings.Count(page, id) != 1 {
					t.Errorf("%s is shown outside the technical details", id)
				}
			}
		})
	}
	t.Run("without a document the check is shown alone", func(t *testing.T) {
		var b bytes.Buffer
		if err := RenderInitiative(&b, s, InitiativeOptions{CheckedAsOf: "2022-09-20", Document: []byte(`{"owner": 3}`)}); err != nil {
			t.Fatal(err)
		}
		wantNotIn(t, b.String(), "budget-table", "kpi-table")
	})
}
