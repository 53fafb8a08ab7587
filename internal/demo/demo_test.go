package demo

import (
	"context"
	"testing"
	"time"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// today is the fixed "today" the portfolio is checked again at.
var today = time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)

type checked struct {
	id, title, sector, typ string
	doc                    any
}

func load(t *testing.T, docs func() ([][]byte, error)) []checked {
	t.Helper()
	raws, err := docs()
	if err != nil {
		t.Fatal(err)
	}
	var out []checked
	for _, raw := range raws {
		doc, err := policies.ParseDocument(raw)
		if err != nil {
			t.Fatal(err)
		}
		m := doc.(map[string]any)
		str := func(k string) string { s, _ := m[k].(string); return s }
		out = append(out, checked{id: str("id"), title: str("title"), sector: str("sector"), typ: str("type"), doc: doc})
	}
	return out
}

func errorsOf(res models.CheckResult, waived bool) []string {
	var ids []string
	for _, v := range res.Violations {
		if v.Severity == models.SeverityError && v.Waived == waived {
			ids = append(ids, v.RuleID)
		}
	}
	return ids
}

// TestPortfolio checks the sample portfolio as `serve --demo` submits it: every
// initiative is allowed at its submitted_at, the portfolio covers every sector
// and type, and it shows warnings, waived errors and errors at a later date.
func TestPortfolio(t *testing.T) {
	ctx := context.Background()
	rev, err := policies.Load(ctx, policies.Source{})
	if err != nil {
		t.Fatal(err)
	}
	docs := load(t, Initiatives)
	if n := len(docs); n < 30 || n > 40 {
		t.Fatalf("%d demo initiatives, want 30–40", n)
	}
	sectors, types, titles, ids := map[string]int{}, map[string]int{}, map[string]string{}, map[string]bool{}
	warned, failingToday := 0, 0
	for _, d := range docs {
		if d.id == "" || ids[d.id] {
			t.Errorf("initiative id %q missing or repeated", d.id)
		}
		ids[d.id] = true
		if other, ok := titles[d.title]; ok {
			t.Errorf("%s and %s share the title %q", other, d.id, d.title)
		}
		titles[d.title] = d.id
		sectors[d.sector]++
		types[d.typ]++

		res, err := rev.Check(ctx, d.doc, policies.CheckOptions{Now: today})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Allowed {
			t.Errorf("%s is refused at its submitted_at %s: %v", d.id, res.AsOf, errorsOf(res, false))
		}
		if res.Summary.Warning > 0 {
			warned++
		}
		later, err := rev.Check(ctx, d.doc, policies.CheckOptions{AsOf: today.Format(time.DateOnly), Now: today})
		if err != nil {
			t.Fatal(err)
		}
		if !later.Allowed {
			failingToday++
			t.Logf("%s breaks %v when checked at %s", d.id, errorsOf(later, false), later.AsOf)
		}
	}
	for _, s := range []string{"OSK", "OBH", "POM", "HSO", "PMK", "TEK", "VAR", "OSU"} {
		if sectors[s] == 0 {
			t.Errorf("no initiative of sector %s", s)
		}
	}
	for _, ty := range []string{"omstilling", "effektivisering", "innsparing", "nytt_tiltak", "investering"} {
		if types[ty] == 0 {
			t.Errorf("no initiative of type %s", ty)
		}
	}
	if warned < 3 {
		t.Errorf("%d initiatives with warnings, want at least 3", warned)
	}
	if failingToday < 3 {
		t.Errorf("%d initiatives break a rule at %s, want at least 3", failingToday, today.Format(time.DateOnly))
	}
	t.Logf("%d initiatives; sectors %v; types %v; %d with warnings; %d with an error at %s",
		len(docs), sectors, types, warned, failingToday, today.Format(time.DateOnly))
}

// TestWaivedUpdates checks the later versions: each breaks a rule a manager
// may waive, is refused without its waivers and allowed with them, the error
// reported as waived.
func TestWaivedUpdates(t *testing.T) {
	ctx := context.Background()
	rev, err := policies.Load(ctx, policies.Source{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, d := range load(t, Initiatives) {
		ids[d.id] = true
	}
	now := time.Now()
	waivers, err := Waivers(now)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string][]models.Waiver{}
	for _, w := range waivers {
		if !ids[w.InitiativeID] || w.Reason == "" || w.ExpiresAt <= now.UTC().Format(time.DateOnly) {
			t.Errorf("demo waiver %+v: no such initiative, no reason or already expired", w)
		}
		byID[w.InitiativeID] = append(byID[w.InitiativeID], w)
	}
	updates := load(t, Updates)
	if len(updates) < 3 {
		t.Errorf("%d updates with waived errors, want at least 3", len(updates))
	}
	for _, u := range updates {
		if !ids[u.id] {
			t.Errorf("update %s is of no demo initiative", u.id)
		}
		bare, err := rev.Check(ctx, u.doc, policies.CheckOptions{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if bare.Allowed {
			t.Errorf("update %s is allowed without waivers: it shows no waived error", u.id)
		}
		for _, v := range bare.Violations {
			if v.Severity == models.SeverityError && !v.Waivable {
				t.Errorf("update %s breaks %s (%s), which cannot be waived", u.id, v.RuleID, v.Category)
			}
		}
		res, err := rev.Check(ctx, u.doc, policies.CheckOptions{Now: now, Waivers: byID[u.id]})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Allowed || len(errorsOf(res, true)) == 0 {
			t.Errorf("update %s with its waivers: allowed %v, waived errors %v, unwaived %v", u.id, res.Allowed, errorsOf(res, true), errorsOf(res, false))
		}
	}
}
