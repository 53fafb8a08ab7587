package policies_test

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/internal/sample"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

func loadEmbedded(t testing.TB) *policies.Revision {
	t.Helper()
	rev, err := policies.Load(context.Background(), policies.Source{})
	if err != nil {
		t.Fatalf("load embedded policies: %v", err)
	}
	return rev
}

func readDoc(t testing.TB, path string) any {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := policies.ParseDocument(raw)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

type expectedViolation struct {
	RuleID   string `json:"rule_id"`
	Severity string `json:"severity"`
	Path     string `json:"path"`
}

// TestSharedExamples checks every example of the contract (testdata/examples) against expected.json: the
// multiset of (rule_id, severity, path) must be equal; for DAT-001 the set of paths.
func TestSharedExamples(t *testing.T) {
	rev := loadEmbedded(t)
	raw, err := os.ReadFile(repotest.Path(t, repotest.Examples+"/expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var expected map[string]struct {
		AsOf       *string             `json:"as_of"`
		Violations []expectedViolation `json:"violations"`
	}
	if err := json.Unmarshal(raw, &expected); err != nil {
		t.Fatal(err)
	}
	if len(expected) < 10 {
		t.Fatalf("expected.json has only %d examples", len(expected))
	}
	for name, want := range expected {
		t.Run(name, func(t *testing.T) {
			doc := readDoc(t, repotest.Path(t, repotest.Examples+"/"+name+".json"))
			opts := policies.CheckOptions{}
			if want.AsOf != nil {
				opts.AsOf = *want.AsOf
			}
			res, err := rev.Check(context.Background(), doc, opts)
			if err != nil {
				t.Fatal(err)
			}
			got := triples(res.Violations)
			exp := make([]string, 0, len(want.Violations))
			for _, v := range want.Violations {
				exp = append(exp, v.RuleID+" "+v.Severity+" "+v.Path)
			}
			if isSchemaCase(exp) {
				got, exp = uniq(got), uniq(exp)
			}
			slices.Sort(exp)
			if !slices.Equal(got, exp) {
				t.Errorf("violations differ\n got: %q\nwant: %q\nmessages:\n%s", got, exp, messages(res.Violations))
			}
			wantAllowed := !slices.ContainsFunc(want.Violations, func(v expectedViolation) bool { return v.Severity == "error" })
			if res.Allowed != wantAllowed {
				t.Errorf("allowed = %v, want %v", res.Allowed, wantAllowed)
			}
		})
	}
}

func triples(vs []models.Violation) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, v.RuleID+" "+string(v.Severity)+" "+v.PathOr("-"))
	}
	slices.Sort(out)
	return out
}

func isSchemaCase(vs []string) bool {
	return len(vs) > 0 && !slices.ContainsFunc(vs, func(s string) bool { return !strings.HasPrefix(s, "DAT-001 ") })
}

func uniq(vs []string) []string {
	vs = slices.Clone(vs)
	slices.Sort(vs)
	return slices.Compact(vs)
}

func messages(vs []models.Violation) string {
	var b strings.Builder
	for _, v := range vs {
		b.WriteString("  " + v.RuleID + " " + v.PathOr("-") + ": " + v.Message + "\n")
	}
	return b.String()
}

func sampleExamples(t testing.TB) (map[string][]byte, []string, error) {
	return sample.Examples(repotest.Path(t, repotest.Examples))
}
