package policies

import (
	"os"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/baerum/styring/internal/repotest"
)

func BenchmarkToValue(b *testing.B) {
	raw, _ := os.ReadFile(repotest.Path(b, repotest.Examples+"/digital-valid.json"))
	doc, _ := ParseDocument(raw)
	b.Run("interface", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ast.InterfaceToValue(doc)
		}
	})
	b.Run("direct", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			toValue(doc)
		}
	})
	b.Run("schema", func(b *testing.B) {
		v, _ := newSchemaValidator(initiativeSchema)
		b.ReportAllocs()
		for b.Loop() {
			v.Validate(doc)
		}
	})
}

func TestToValueEqualsInterfaceToValue(t *testing.T) {
	for _, f := range []string{"digital-valid", "investering-valid", "schema-invalid"} {
		raw, _ := os.ReadFile(repotest.Path(t, repotest.Examples+"/"+f+".json"))
		doc, _ := ParseDocument(raw)
		a, err := ast.InterfaceToValue(doc)
		if err != nil {
			t.Fatal(err)
		}
		b, err := toValue(doc)
		if err != nil {
			t.Fatal(err)
		}
		if a.Compare(b) != 0 {
			t.Errorf("%s: values differ", f)
		}
	}
}
