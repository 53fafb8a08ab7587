package policies

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestReport is the outcome of a revision's own Rego tests.
type TestReport struct {
	Passed   int
	Failed   []TestFailure
	Coverage *cover.Report // nil unless asked for
}

// TestFailure names a failing (or erroring) Rego test and where it is.
type TestFailure struct {
	Name     string `json:"name"`
	Location string `json:"location"`
	Error    string `json:"error,omitempty"`
	// File, Row and Col are the test's place, for a refused reload's problems.
	File     string `json:"-"`
	Row, Col int    `json:"-"`
}

func failureOf(res *tester.Result) TestFailure {
	f := TestFailure{Name: res.Package + "." + res.Name}
	if res.Location != nil {
		f.Location = res.Location.String()
		f.File, f.Row, f.Col = strings.TrimPrefix(res.Location.File, "/"), res.Location.Row, res.Location.Col
	}
	if res.Error != nil {
		f.Error = res.Error.Error()
	}
	return f
}

func (f TestFailure) String() string {
	if f.Error != "" {
		return fmt.Sprintf("%s: %s: %s", f.Location, f.Name, f.Error)
	}
	return fmt.Sprintf("%s: %s failed", f.Location, f.Name)
}

// OK reports whether every test passed and there was at least one.
func (r TestReport) OK() bool { return len(r.Failed) == 0 && r.Passed > 0 }

// RunTests runs every test_ rule of the revision's modules against its data,
// optionally measuring line coverage of the policy files as `opa test --coverage` does.
func (r *Revision) RunTests(ctx context.Context, withCoverage bool) (TestReport, error) {
	modules := make(map[string]*ast.Module, len(r.bundle.Modules))
	for _, m := range r.bundle.Modules {
		// Keyed by the file name the parser recorded, which is what coverage reports by.
		modules[m.Parsed.Package.Location.File] = m.Parsed
	}
	store := inmem.NewFromObject(r.bundle.Data)
	runner := tester.NewRunner().
		SetCompiler(ast.NewCompiler().WithEnablePrintStatements(true)).
		SetStore(store).
		SetModules(modules).
		CapturePrintOutput(true).
		SetTimeout(30 * time.Second)
	var cov *cover.Cover
	if withCoverage {
		cov = cover.New()
		runner = runner.SetCoverageQueryTracer(cov).SetCoverageRuns(nil)
	}
	txn, err := store.NewTransaction(ctx, storage.TransactionParams{})
	if err != nil {
		return TestReport{}, err
	}
	defer store.Abort(ctx, txn)
	ch, err := runner.RunTests(ctx, txn)
	if err != nil {
		return TestReport{}, fmt.Errorf("run policy tests: %w", err)
	}
	var rep TestReport
	for res := range ch {
		switch {
		case res.Skip:
		case res.Error != nil, res.Fail:
			rep.Failed = append(rep.Failed, failureOf(res))
		default:
			rep.Passed++
		}
	}
	if cov != nil {
		policyModules := make(map[string]*ast.Module)
		for name, m := range modules {
			if !strings.HasSuffix(name, "_test.rego") {
				policyModules[name] = m
			}
		}
		report := cov.Report(policyModules)
		rep.Coverage = &report
	}
	return rep, nil
}
