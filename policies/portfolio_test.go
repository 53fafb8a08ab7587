package policies_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

func portfolioDocs(t testing.TB) []any {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(repotest.Path(t, repotest.Examples+"/portfolio"), "P-*.json"))
	if len(files) < 10 {
		t.Fatalf("only %d portfolio examples", len(files))
	}
	var docs []any
	for _, f := range files {
		docs = append(docs, readDoc(t, f))
	}
	return docs
}

func portfolioKeys(vs []models.Violation) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, fmt.Sprintf("%s %s %s %d", v.RuleID, v.Severity, v.Sector, v.Year))
	}
	slices.Sort(out)
	return out
}

// TestSharedPortfolio checks the shared portfolio example against its expected.json
// on (rule_id, severity, sector, year), with the initiatives added in parallel.
func TestSharedPortfolio(t *testing.T) {
	rev := loadEmbedded(t)
	raw, err := os.ReadFile(repotest.Path(t, repotest.Examples+"/portfolio/expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var expected struct {
		Violations []struct {
			RuleID   string `json:"rule_id"`
			Severity string `json:"severity"`
			Sector   string `json:"sector"`
			Year     int    `json:"year"`
		} `json:"violations"`
	}
	if err := json.Unmarshal(raw, &expected); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, v := range expected.Violations {
		want = append(want, fmt.Sprintf("%s %s %s %d", v.RuleID, v.Severity, v.Sector, v.Year))
	}
	slices.Sort(want)

	docs := portfolioDocs(t)
	var first []byte
	for run := range 3 { // the order of adding must not matter
		p := rev.NewPortfolio()
		var wg sync.WaitGroup
		for i := range docs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := p.Add(context.Background(), docs[(i+run)%len(docs)]); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		res, err := p.Evaluate(context.Background(), "2021-09-15", models.LangNB)
		if err != nil {
			t.Fatal(err)
		}
		if got := portfolioKeys(res.Violations); !slices.Equal(got, want) {
			t.Fatalf("portfolio violations differ\n got: %q\nwant: %q", got, want)
		}
		if res.Initiatives != 11 {
			t.Errorf("%d initiatives in the portfolio, want 11 (P-0004 is avvist)", res.Initiatives)
		}
		if b := res.Figures.BufferFund; b.EndKNOK != -120000 || b.UseKNOK != 300000 {
			t.Errorf("buffer fund %+v", b)
		}
		out, _ := json.Marshal(res.Violations)
		if run == 0 {
			first = out
		} else if string(out) != string(first) {
			t.Errorf("run %d gave other violations than run 0", run)
		}
	}
}

// TestPortfolioAttribution checks the attributed figures of a cross-sector
// initiative by hand: P-0007 (OBH lead, OBH 60/30, OSU 40/70).
func TestPortfolioAttribution(t *testing.T) {
	rev := loadEmbedded(t)
	p := rev.NewPortfolio()
	doc := readDoc(t, repotest.Path(t, repotest.Examples+"/portfolio/P-0007.json"))
	if _, err := p.Add(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	res, err := p.Evaluate(context.Background(), "2021-09-15", models.LangEN)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, f := range res.Figures.Sectors {
		got[fmt.Sprintf("%s %d", f.Sector, f.Year)] = f.NetChangeKNOK
	}
	for key, want := range map[string]float64{"OBH 2021": 5400, "OSU 2021": 3600, "OBH 2022": 2160, "OSU 2022": 1440, "POM 2022": 0} {
		if got[key] != want {
			t.Errorf("%s: %v, want %v", key, got[key], want)
		}
	}
	if len(res.Violations) == 0 || res.Violations[0].Message == "" || res.Violations[0].Path != nil {
		t.Errorf("violations %+v", res.Violations)
	}
	_ = policies.Query
}
