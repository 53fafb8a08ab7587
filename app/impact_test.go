package app_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/baerum/styring/app"
	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/policies"
)

func TestCompareRevisions(t *testing.T) {
	ctx := context.Background()
	a, err := policies.Load(ctx, policies.Source{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := policies.ExportBundle(dir); err != nil {
		t.Fatal(err)
	}
	// Lower the calculation-basis threshold: BUD-004 then fires on smaller lines.
	data := filepath.Join(dir, "styring", "parameters", "data.json")
	raw, err := os.ReadFile(data)
	if err != nil {
		t.Fatal(err)
	}
	changed := bytes.Replace(raw, []byte(`"calc_basis_min_knok": 500`), []byte(`"calc_basis_min_knok": 0`), 1)
	if bytes.Equal(changed, raw) {
		t.Fatal("calc_basis_min_knok not found in the parameters")
	}
	if err := os.WriteFile(data, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := policies.Load(ctx, policies.Source{Location: dir})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := policies.ParseDocument(repotest.ReadFile(t, repotest.Examples+"/omstilling-valid.json"))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("a lower threshold turns an allowed proposal into a refused one", func(t *testing.T) {
		change, err := app.CompareRevisions(ctx, a, b, "HP2124-OSK-014", doc, policies.CheckOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if change == nil || !change.AllowedBefore || change.AllowedAfter || len(change.Added) != 1 || change.Added[0].RuleID != "BUD-004" || len(change.Removed) != 0 {
			t.Fatalf("impact %+v", change)
		}
	})
	t.Run("the same revision changes nothing", func(t *testing.T) {
		same, err := app.CompareRevisions(ctx, a, a, "x", doc, policies.CheckOptions{})
		if err != nil || same != nil {
			t.Errorf("the same revision changed something: %+v %v", same, err)
		}
	})
}
