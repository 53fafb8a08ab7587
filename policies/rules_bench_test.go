package policies_test

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/internal/sample"
	"github.com/baerum/styring/policies"
)

// stepCounter counts the evaluator's expression evaluations: a deterministic
// measure of a rule's work, unaffected by what else the machine is doing.
type stepCounter struct{ evals int }

func (c *stepCounter) Enabled() bool { return true }
func (c *stepCounter) TraceEvent(e topdown.Event) {
	if e.Op == topdown.EvalOp {
		c.evals++
	}
}
func (c *stepCounter) Config() topdown.TraceConfig { return topdown.TraceConfig{} }

// BenchmarkRule measures each rule alone (data.<package>.violation) on a few
// inputs, reporting ns/op and evals/op (expression evaluations, deterministic).
// Run one rule: go test ./policies -run XXX -bench 'BenchmarkRule/pro_002/'
// The lib rules every rule shares are evaluated once before timing, as main does.
func BenchmarkRule(b *testing.B) {
	rev := loadEmbedded(b)
	ctx := context.Background()
	inputs := map[string]ast.Value{}
	docs, _, err := sample.Examples(repotest.Path(b, repotest.Examples))
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"omstilling-valid", "digital-valid", "investering-valid"} {
		doc, _ := policies.ParseDocument(docs[name])
		inputs[name] = wrapInput(b, doc)
	}
	inputs["large"] = wrapInput(b, reparse(b, sample.Large()))
	for _, rule := range rev.Rules() {
		if rule.Scope != "record" || rule.ID == "DAT-001" {
			continue
		}
		short := rule.Package[strings.LastIndex(rule.Package, ".")+1:]
		pq, err := rego.New(rego.Compiler(rev.Compiler()), rego.Store(rev.Store()),
			rego.Query("x := data."+rule.Package+".violation")).PrepareForEval(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for _, in := range []string{"omstilling-valid", "digital-valid", "investering-valid", "large"} {
			b.Run(short+"/"+in, func(b *testing.B) {
				input := inputs[in]
				var steps stepCounter
				if _, err := pq.Eval(ctx, rego.EvalParsedInput(input), rego.EvalQueryTracer(&steps)); err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := pq.Eval(ctx, rego.EvalParsedInput(input)); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(steps.evals), "evals/op")
			})
		}
	}
}

func wrapInput(tb testing.TB, doc any) ast.Value {
	tb.Helper()
	m, _ := doc.(map[string]any)
	asOf, _ := m["submitted_at"].(string)
	v, err := ast.InterfaceToValue(map[string]any{"initiative": doc, "as_of": asOf, "schema_errors": []any{}})
	if err != nil {
		tb.Fatal(err)
	}
	return v
}
