package policies_test

import (
	"bytes"
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/baerum/styring/policies"
)

// minCoverage is the least line coverage of the policy files (without tests) we accept.
const minCoverage = 90.0

// TestRegoPolicies runs every Rego test beside the rules, as `opa test --coverage`
// does, and fails below minCoverage.
func TestRegoPolicies(t *testing.T) {
	rev := loadEmbedded(t)
	rep, err := rev.RunTests(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Failed {
		t.Errorf("rego test failed: %s", f)
	}
	if rep.Passed == 0 {
		t.Fatal("no Rego test ran")
	}
	cov := rep.Coverage
	t.Logf("rego tests: %d passed, %d failed; policy coverage %.2f%% (%d of %d lines)",
		rep.Passed, len(rep.Failed), cov.Coverage, cov.CoveredLines, cov.CoveredLines+cov.NotCoveredLines)
	names := make([]string, 0, len(cov.Files))
	for name := range cov.Files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if f := cov.Files[name]; f.Coverage < 100 {
			t.Logf("  %-40s %6.2f%%  not covered: %v", name, f.Coverage, f.NotCovered)
		}
	}
	if cov.Coverage < minCoverage {
		t.Errorf("policy coverage %.2f%% is below %.0f%%", cov.Coverage, minCoverage)
	}
}

// TestEveryRuleHasTests checks that every rule file has a test file beside it
// with at least one failing and one passing case.
func TestEveryRuleHasTests(t *testing.T) {
	bundle := policies.EmbeddedBundle()
	files, err := fs.Glob(bundle, "rules/*/*.rego")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.rego") {
			continue
		}
		test := strings.TrimSuffix(f, ".rego") + "_test.rego"
		raw, err := fs.ReadFile(bundle, test)
		if err != nil {
			t.Errorf("%s has no tests (%s)", f, test)
			continue
		}
		if !bytes.Contains(raw, []byte("\ntest_fail_")) || !bytes.Contains(raw, []byte("\ntest_success_")) {
			t.Errorf("%s needs at least one test_fail_ and one test_success_", test)
		}
	}
}

// TestRegoFormattedAndStrict keeps every module `opa fmt` clean and `opa check --strict` clean.
func TestRegoFormattedAndStrict(t *testing.T) {
	bundle := policies.EmbeddedBundle()
	modules := map[string]*ast.Module{}
	err := fs.WalkDir(bundle, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		raw, err := fs.ReadFile(bundle, p)
		if err != nil {
			return err
		}
		formatted, err := format.SourceWithOpts(p, raw, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		if !bytes.Equal(raw, formatted) {
			t.Errorf("%s is not opa fmt clean: run `opa fmt -w policies/bundle`", p)
		}
		m, err := ast.ParseModuleWithOpts(p, string(raw), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		modules[p] = m
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c := ast.NewCompiler().WithStrict(true)
	if c.Compile(modules); c.Failed() {
		for _, e := range c.Errors {
			t.Errorf("opa check --strict: %v", e)
		}
	}
}
