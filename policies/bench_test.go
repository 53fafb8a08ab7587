package policies_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/internal/sample"
	"github.com/baerum/styring/policies"
)

func reparse(tb testing.TB, doc any) any {
	raw, err := json.Marshal(doc)
	if err != nil {
		tb.Fatal(err)
	}
	out, err := policies.ParseDocument(raw)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// BenchmarkCheck measures Check on every example of the contract, on the large initiative
// (400 budget lines, 100 KPIs × 5 measurements) and on one with many violations.
// Targets on the 2-core machine: ≤ 300 µs an example, ≤ 5 ms the large one.
func BenchmarkCheck(b *testing.B) {
	rev := loadEmbedded(b)
	docs, names, err := sample.Examples(repotest.Path(b, repotest.Examples))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	run := func(name string, doc any) {
		b.Run(name, func(b *testing.B) {
			var steps stepCounter
			if _, err := rev.Evaluate(ctx, doc, policies.AsOf(doc, "", time.Now()), rego.EvalQueryTracer(&steps)); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rev.Check(ctx, doc, policies.CheckOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(steps.evals), "evals/op")
		})
	}
	for _, name := range names {
		doc, err := policies.ParseDocument(docs[name])
		if err != nil {
			b.Fatal(err)
		}
		run(name, doc)
	}
	run("large", reparse(b, sample.Large()))
	run("many-violations", reparse(b, sample.ManyViolations()))
}

// TestSampleDocuments keeps the benchmark inputs meaningful: the large one is
// schema-valid and nearly clean, the other breaks many rules.
func TestSampleDocuments(t *testing.T) {
	rev := loadEmbedded(t)
	large, err := rev.Check(context.Background(), reparse(t, sample.Large()), policies.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range large.Violations {
		if v.RuleID == "DAT-001" {
			t.Fatalf("large sample is not schema-valid: %s %s", v.PathOr(""), v.Message)
		}
	}
	if len(large.Violations) > 10 {
		t.Errorf("large sample has %d violations, want a nearly clean document:\n%s", len(large.Violations), messages(large.Violations))
	}
	many, err := rev.Check(context.Background(), reparse(t, sample.ManyViolations()), policies.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if many.Summary.Error < 20 {
		t.Errorf("many-violations sample has only %d errors:\n%s", many.Summary.Error, messages(many.Violations))
	}
	for _, v := range many.Violations {
		if v.RuleID == "DAT-001" {
			t.Fatalf("many-violations sample is not schema-valid: %s %s", v.PathOr(""), v.Message)
		}
	}
}
