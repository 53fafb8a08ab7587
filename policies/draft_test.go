package policies_test

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// halfFilled is an example that breaks BUD-003 with its title and owner removed:
// a form the case handler has not finished.
func halfFilled(t testing.TB) any {
	t.Helper()
	doc := readDoc(t, repotest.Path(t, repotest.Examples+"/nytt-tiltak-unfinanced.json"))
	m := doc.(map[string]any)
	delete(m, "title")
	delete(m, "owner")
	return doc
}

// TestDraftRunsEveryRule: a draft check lists the schema's errors (DAT-001 at
// their instance location: a missing required field at its parent, here the
// root) and what every other rule finds on the rest; the same document checked
// as a submission yields DAT-001 alone, as the catalog requires.
func TestDraftRunsEveryRule(t *testing.T) {
	rev := loadEmbedded(t)
	ctx := context.Background()

	draft, err := rev.Check(ctx, halfFilled(t), policies.CheckOptions{Draft: true, Lang: models.LangEN})
	if err != nil {
		t.Fatal(err)
	}
	got := triples(draft.Violations)
	for _, want := range []string{"DAT-001 error ", "GOV-001 error /owner", "BUD-003 error /financing"} {
		if !slices.Contains(got, want) {
			t.Errorf("draft violations lack %q: %q\n%s", want, got, messages(draft.Violations))
		}
	}
	var missing []string
	for _, v := range draft.Violations {
		if v.RuleID == "DAT-001" {
			missing = append(missing, v.Message)
		}
	}
	if len(missing) != 1 || !strings.Contains(missing[0], "«title»") {
		t.Errorf("DAT-001 messages %q: want one, for the missing title", missing)
	}
	if draft.DecisionID != "" {
		t.Errorf("a draft has decision id %q, want none", draft.DecisionID)
	}
	if draft.Allowed {
		t.Error("a draft with DAT-001 is allowed")
	}

	full, err := rev.Check(ctx, halfFilled(t), policies.CheckOptions{Lang: models.LangEN, DecisionID: "kept"})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range full.Violations {
		if v.RuleID != "DAT-001" {
			t.Errorf("the submission check shows %s %s beside DAT-001", v.RuleID, v.PathOr("-"))
		}
	}
	if len(full.Violations) == 0 || full.DecisionID != "kept" {
		t.Errorf("submission check: %d violations, decision id %q", len(full.Violations), full.DecisionID)
	}
	var dat []string
	for _, v := range draft.Violations {
		if v.RuleID == "DAT-001" {
			dat = append(dat, v.PathOr("-")+" "+v.Message)
		}
	}
	var fullDat []string
	for _, v := range full.Violations {
		fullDat = append(fullDat, v.PathOr("-")+" "+v.Message)
	}
	if !slices.Equal(dat, fullDat) {
		t.Errorf("draft DAT-001 %q, submission DAT-001 %q: want the same", dat, fullDat)
	}
}

// TestDraftOfCompleteDocument: on a document that matches the schema a draft
// finds exactly what a check finds.
func TestDraftOfCompleteDocument(t *testing.T) {
	rev := loadEmbedded(t)
	docs, names, err := sampleExamples(t)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if name == "schema-invalid" {
			continue
		}
		doc, err := policies.ParseDocument(docs[name])
		if err != nil {
			t.Fatal(err)
		}
		full, err := rev.Check(context.Background(), doc, policies.CheckOptions{})
		if err != nil {
			t.Fatal(err)
		}
		draft, err := rev.Check(context.Background(), doc, policies.CheckOptions{Draft: true})
		if err != nil {
			t.Fatal(err)
		}
		if g, w := triples(draft.Violations), triples(full.Violations); !slices.Equal(g, w) {
			t.Errorf("%s: draft %q, check %q", name, g, w)
		}
	}
}

// TestDraftOfMalformedDocuments: rules run on whatever a draft holds, and no
// shape makes the evaluation fail: every node of an example is replaced in turn
// by a value of another type (or removed), and a few odd documents are checked whole.
func TestDraftOfMalformedDocuments(t *testing.T) {
	rev := loadEmbedded(t)
	ctx := context.Background()
	check := func(label string, doc any) {
		t.Helper()
		before, _ := json.Marshal(doc)
		res, err := rev.Check(ctx, doc, policies.CheckOptions{Draft: true})
		if after, _ := json.Marshal(doc); string(after) != string(before) {
			t.Fatalf("%s: the draft check changed the document", label)
		}
		if err != nil {
			t.Fatalf("%s: %v", label, err)
		}
		if res.DecisionID != "" {
			t.Fatalf("%s: decision id %q", label, res.DecisionID)
		}
	}
	for _, raw := range []string{
		`{}`, `[]`, `"x"`, `42`, `null`, `true`,
		`{"budget_effects":"x","kpis":7,"financing":{"a":1}}`,
		`{"type":"omstilling","budget_effects":[{"year":"2022","amount_knok":"abc","account":5}]}`,
		`{"type":["investering"],"sector":{"x":1},"plan_period":{"start_year":"2021","end_year":null}}`,
		`{"kpis":[{"measurements":"x"},{"measurements":[{"phase":1,"value":"a"}]},null,"k"]}`,
		`{"procurements":[{"estimated_value_knok":"mye","category":[]}],"personal_data":"ja"}`,
		`{"submitted_at":"not a date","start_date":12,"end_date":{"y":2024}}`,
	} {
		doc, err := policies.ParseDocument([]byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		check(raw, doc)
	}
	// -1e9 where a year is expected would have a rule range over a billion years
	// if the rules read values that break the schema.
	odd := []func() any{
		func() any { return "x" },
		func() any { return json.Number("-1e9") },
		func() any { return nil },
		func() any { return map[string]any{} },
	}
	examples := []string{"nytt-tiltak-unfinanced", "digital-dpia-not-approved"}
	if testing.Short() {
		examples, odd = examples[:1], odd[:2]
	}
	for _, name := range examples {
		raw := readRaw(t, name)
		base, err := policies.ParseDocument(raw)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pointers(base, "") {
			for i, v := range odd {
				doc, _ := policies.ParseDocument(raw)
				doc = replaceAt(doc, p, v(), false)
				check(name+" "+p+" #"+strconv.Itoa(i), doc)
			}
			doc, _ := policies.ParseDocument(raw)
			doc = replaceAt(doc, p, nil, true)
			check(name+" "+p+" removed", doc)
		}
	}
}

func readRaw(t testing.TB, name string) []byte {
	t.Helper()
	docs, _, err := sampleExamples(t)
	if err != nil {
		t.Fatal(err)
	}
	return docs[name]
}

// pointers lists the JSON pointer of every node below the root.
func pointers(v any, at string) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			p := at + "/" + k
			out = append(out, p)
			out = append(out, pointers(c, p)...)
		}
	case []any:
		for i, c := range x {
			p := at + "/" + strconv.Itoa(i)
			out = append(out, p)
			out = append(out, pointers(c, p)...)
		}
	}
	slices.Sort(out)
	return out
}

// replaceAt sets (or removes) the node at pointer p (keys hold no "/" or "~" here).
func replaceAt(doc any, p string, v any, remove bool) any {
	toks := strings.Split(strings.TrimPrefix(p, "/"), "/")
	parent := doc
	for _, tok := range toks[:len(toks)-1] {
		switch x := parent.(type) {
		case map[string]any:
			parent = x[tok]
		case []any:
			i, _ := strconv.Atoi(tok)
			parent = x[i]
		}
	}
	last := toks[len(toks)-1]
	switch x := parent.(type) {
	case map[string]any:
		if remove {
			delete(x, last)
		} else {
			x[last] = v
		}
	case []any:
		i, _ := strconv.Atoi(last)
		if remove {
			x[i] = map[string]any{} // an array item left empty
		} else {
			x[i] = v
		}
	}
	return doc
}

// BenchmarkCheckDraft measures a draft check of a typical example, complete
// (one evaluation) and half filled in (schema errors: the rules and DAT-001 are
// evaluated apart), beside the plain check of the half-filled one (DAT-001 only).
func BenchmarkCheckDraft(b *testing.B) {
	rev := loadEmbedded(b)
	ctx := context.Background()
	complete := readDoc(b, repotest.Path(b, repotest.Examples+"/omstilling-valid.json"))
	for _, c := range []struct {
		name  string
		doc   any
		draft bool
	}{
		{"complete", complete, true},
		{"half-filled", halfFilled(b), true},
		{"half-filled-plain", halfFilled(b), false},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rev.Check(ctx, c.doc, policies.CheckOptions{Draft: c.draft}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
