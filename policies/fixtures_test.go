package policies_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/policies/internal/fixturegen"
)

// TestGeneratedFixtures keeps the Rego fixtures generated from the contract's
// examples (testdata/examples) equal to what fixturegen writes from them now.
func TestGeneratedFixtures(t *testing.T) {
	files, err := fixturegen.Generate(repotest.Path(t, repotest.Examples))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("fixturegen generated no file")
	}
	for _, f := range files {
		rel := "policies/" + f.Path
		got, err := os.ReadFile(filepath.Join(repotest.Root(t), filepath.FromSlash(rel)))
		if err != nil {
			t.Errorf("%s: %v: run go generate ./policies", rel, err)
			continue
		}
		if !bytes.Equal(got, f.Content) {
			t.Errorf("%s differs from what fixturegen generates from %s: run go generate ./policies",
				rel, repotest.Examples)
		}
	}
}
