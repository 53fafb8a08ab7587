package policies_test

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/baerum/styring/policies"
)

// ruleRoots are the trees of rule packages: a record rule is
// styring.rules.<category>.<id>, a portfolio rule styring.portfolio.rules.<id>.
var ruleRoots = []ast.Ref{
	ast.MustParseRef("data.styring.rules"),
	ast.MustParseRef("data.styring.portfolio.rules"),
}

// isRuleModule tells the modules crossRuleRefs checks: a rule, not its tests.
func isRuleModule(p string) bool {
	return (strings.HasPrefix(p, "rules/") || strings.HasPrefix(p, "portfolio/rules/")) &&
		!strings.HasSuffix(p, "_test.rego")
}

// reachesOtherRule tells whether a ref (with data at its head) reads a rule
// package other than own: a ref into a rule tree outside own, or a ref to an
// ancestor of a rule tree (data.styring, data.styring[x]) that may reach into it.
func reachesOtherRule(ref, own ast.Ref) bool {
	gp := ref.GroundPrefix()
	for _, root := range ruleRoots {
		if gp.HasPrefix(root) {
			return !gp.HasPrefix(own)
		}
		if root.HasPrefix(gp) {
			return true
		}
	}
	return false
}

// underOtherRule tells whether an import path is a rule package other than own,
// or a part of one, or a tree of them (data.styring.rules.budget). An import of an
// ancestor (data.styring) is checked through its uses.
func underOtherRule(path, own ast.Ref) bool {
	for _, root := range ruleRoots {
		if path.HasPrefix(root) {
			return !path.HasPrefix(own)
		}
	}
	return false
}

// crossRuleRefs parses every rule module of bundle (a fs.FS rooted at the bundle)
// and returns, per file, each import of another rule package and each reference to
// one (a full data.styring.rules.… ref, or a ref through an import of an ancestor
// such as data.styring). A rule reads what it shares with others from lib/.
func crossRuleRefs(bundle fs.FS) (found []string, checked int, err error) {
	err = fs.WalkDir(bundle, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || !isRuleModule(p) {
			return err
		}
		raw, err := fs.ReadFile(bundle, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(raw), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		checked++
		own := m.Package.Path
		// aliases maps the name an import binds to the data ref it stands for;
		// an import that is itself reported is left out, so that its uses are not
		// reported once more.
		aliases := map[ast.Var]ast.Ref{}
		for _, imp := range m.Imports {
			path, ok := imp.Path.Value.(ast.Ref)
			if !ok || !path[0].Equal(ast.DefaultRootDocument) {
				continue
			}
			if underOtherRule(path, own) {
				found = append(found, fmt.Sprintf("%s:%d imports %v", p, imp.Location.Row, path))
				continue
			}
			alias := imp.Alias
			if alias == "" {
				alias = ast.Var(strings.Trim(path[len(path)-1].String(), `"`))
			}
			aliases[alias] = path
		}
		for _, r := range m.Rules {
			ast.WalkRefs(r, func(ref ast.Ref) bool {
				full := ref
				if head, ok := ref[0].Value.(ast.Var); ok {
					if path, ok := aliases[head]; ok {
						full = path.Concat(ref[1:])
					} else if !ref[0].Equal(ast.DefaultRootDocument) {
						return false
					}
				}
				if reachesOtherRule(full, own) {
					found = append(found, fmt.Sprintf("%s:%d refers to %v", p, ref[0].Location.Row, ref))
				}
				return false
			})
		}
		return nil
	})
	return found, checked, err
}

// TestRulesImportNoOtherRule keeps the rule packages independent: a rule module
// (rules/<category>/<id>.rego, portfolio/rules/<id>.rego) imports and refers to no
// other rule package. Facts and helpers several rules share live in lib/ (see
// policies/AUTHORING.md); only main.rego and portfolio/main.rego collect the
// rules' violation sets, and a rule's tests import their own rule.
func TestRulesImportNoOtherRule(t *testing.T) {
	found, checked, err := crossRuleRefs(policies.EmbeddedBundle())
	if err != nil {
		t.Fatal(err)
	}
	if checked < 60 {
		t.Fatalf("only %d rule modules checked: has the bundle's layout changed?", checked)
	}
	for _, f := range found {
		t.Errorf("%s, another rule package: move what the rules share into lib/ (policies/AUTHORING.md)", f)
	}
}

// TestCrossRuleRefsFinds checks the check itself on modules shaped like the
// ones it must refuse (PRO-003 once imported PRO-002 for V and Dp).
func TestCrossRuleRefsFinds(t *testing.T) {
	bundle := fstest.MapFS{
		"rules/legal/pro_003.rego": {Data: []byte(`package styring.rules.legal.pro_003

import data.styring.lib.initiative as tiltak
import data.styring.rules.legal.pro_002

violation contains pro_002.v if tiltak.doc.procurement.involved == true
`)},
		"rules/legal/pro_004.rego": {Data: []byte(`package styring.rules.legal.pro_004

violation contains v if {
	v := data.styring.rules.legal.pro_002.v
}

own := data.styring.rules.legal.pro_004.violation
`)},
		"rules/legal/pro_005.rego": {Data: []byte(`package styring.rules.legal.pro_005

import data.styring

violation contains x if {
	x := styring.rules.legal.pro_002.v
	styring.parameters.procurement
}
`)},
		"portfolio/rules/pbud_002.rego": {Data: []byte(`package styring.portfolio.rules.pbud_002

violation contains x if {
	some k
	x := data.styring.portfolio.rules[k].violation
}
`)},
		"rules/legal/pro_003_test.rego": {Data: []byte(`package styring.rules.legal.pro_003_test

import data.styring.rules.legal.pro_003

test_x if pro_003.violation
`)},
		"main/main.rego": {Data: []byte(`package styring.main

violations contains data.styring.rules[_][_].violation[_]
`)},
	}
	found, checked, err := crossRuleRefs(bundle)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"portfolio/rules/pbud_002.rego:5 refers to data.styring.portfolio.rules[k].violation",
		"rules/legal/pro_003.rego:4 imports data.styring.rules.legal.pro_002",
		"rules/legal/pro_004.rego:4 refers to data.styring.rules.legal.pro_002.v",
		"rules/legal/pro_005.rego:6 refers to styring.rules.legal.pro_002.v",
	}
	if checked != 4 || strings.Join(found, "\n") != strings.Join(want, "\n") {
		t.Errorf("checked %d modules, found:\n%s\nwant 4 modules and:\n%s",
			checked, strings.Join(found, "\n"), strings.Join(want, "\n"))
	}
}

// TestRulePackagesKeepHelpersPrivate keeps the _private convention (Regal's): in a
// rule module every rule but violation, the one the engine and main.rego read,
// is named with a leading underscore, so Regal's leaked-internal-reference
// refuses a use of it from any other package (its tests excepted).
func TestRulePackagesKeepHelpersPrivate(t *testing.T) {
	bundle := policies.EmbeddedBundle()
	err := fs.WalkDir(bundle, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || !isRuleModule(p) {
			return err
		}
		raw, err := fs.ReadFile(bundle, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(raw), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		for _, r := range m.Rules {
			name := r.Head.Ref()[0].String()
			if name != "violation" && !strings.HasPrefix(name, "_") {
				t.Errorf("%s:%d: rule %s is not violation: name it _%s (private to its package)",
					p, r.Location.Row, name, name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
