package fixturegen

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/baerum/styring/internal/repotest"
)

// TestGeneratedValuesAreTheDocuments evaluates the generated modules and checks
// that every rule is exactly the example document it was generated from (the
// long strings split into concat(" ", …) included).
func TestGeneratedValuesAreTheDocuments(t *testing.T) {
	dir := repotest.Path(t, repotest.Examples)
	files, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	modules := map[string]*ast.Module{}
	for _, f := range files {
		m, err := ast.ParseModuleWithOpts(f.Path, string(f.Content), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		modules[f.Path] = m
	}
	compiler := ast.NewCompiler()
	if compiler.Compile(modules); compiler.Failed() {
		t.Fatal(compiler.Errors)
	}
	checked := 0
	for _, s := range sets {
		rs, err := rego.New(rego.Compiler(compiler), rego.Query("data."+s.pkg)).Eval(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		got, _ := rs[0].Expressions[0].Value.(map[string]any)
		entries, err := os.ReadDir(filepath.Join(dir, s.from))
		if err != nil {
			t.Fatal(err)
		}
		var listed []any
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !s.match(name) {
				continue
			}
			raw, err := os.ReadFile(filepath.Join(dir, s.from, name))
			if err != nil {
				t.Fatal(err)
			}
			var want any
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			rule := ruleName(name)
			if !reflect.DeepEqual(normalize(t, got[rule]), normalize(t, want)) {
				t.Errorf("data.%s.%s is not %s", s.pkg, rule, name)
			}
			if name != "expected.json" {
				listed = append(listed, want)
			}
			checked++
		}
		if s.listAll != "" && !reflect.DeepEqual(normalize(t, got[s.listAll]), normalize(t, listed)) {
			t.Errorf("data.%s.%s is not every document in file order", s.pkg, s.listAll)
		}
	}
	if checked < 5 {
		t.Fatalf("only %d documents checked", checked)
	}
}

// normalize round-trips a value through JSON so numbers compare alike.
func normalize(t *testing.T, v any) any {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestChunksJoinToTheString(t *testing.T) {
	words := []string{"a", "", "kNOK", "Setning.", "Neste", "lang-ord-uten-mellomrom", "æøå", "%d"}
	seed := uint32(1)
	for n := range 2000 {
		var parts []string
		for range n % 60 {
			seed = seed*1664525 + 1013904223
			parts = append(parts, words[seed>>29])
		}
		s := strings.Join(parts, " ")
		for _, room := range []int{1, 10, 40} {
			if got := strings.Join(chunks(s, room), " "); got != s {
				t.Fatalf("chunks(%q, %d) join to %q", s, room, got)
			}
		}
	}
}

func TestSplitStringJoinsToTheString(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("ord ", 60) + "slutt.",
		"Første setning er her. Andre setning følger etter, og den er lang nok til at den må deles over flere linjer i " +
			"den genererte filen. Tredje.",
		"a  b", // a double space survives as an empty chunk boundary
	} {
		src := "package x\n\nv := " + splitString(s, 0) + "\n"
		rs, err := rego.New(rego.Module("x.rego", src), rego.Query("data.x.v")).Eval(context.Background())
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		if got := rs[0].Expressions[0].Value; got != s {
			t.Errorf("concat gives %q, want %q", got, s)
		}
	}
}
