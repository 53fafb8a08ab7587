package policies_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/compile"

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/policies"
)

// opaBuild builds a bundle archive the way `opa build -b PATH` does (the same
// compile package the opa command calls, with its defaults).
func opaBuild(t *testing.T, path string) []byte {
	t.Helper()
	var out bytes.Buffer
	c := compile.New().WithAsBundle(true).WithPaths(path).WithOutput(&out)
	if err := c.Build(context.Background()); err != nil {
		t.Fatalf("opa build -b %s: %v", path, err)
	}
	return out.Bytes()
}

// TestRevisionIsTheSameHoweverBuilt: the documented `opa build -b policies/bundle`,
// run from the repository root or with an absolute path, gives the embedded
// policies' revision, so policy_revision names the policies, not how they were packed.
func TestRevisionIsTheSameHoweverBuilt(t *testing.T) {
	embedded := loadEmbedded(t)
	root := repotest.Root(t)
	bundleDir := repotest.Path(t, "policies/bundle")
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(root); err != nil {
		t.Fatal(err)
	}
	relative := opaBuild(t, "policies/bundle")
	if err := os.Chdir(wd); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		archive []byte
	}{
		{"opa build -b policies/bundle", relative},
		{"opa build -b " + bundleDir, opaBuild(t, bundleDir)},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "bundle.tar.gz")
			if err := os.WriteFile(file, c.archive, 0o644); err != nil {
				t.Fatal(err)
			}
			rev, err := policies.Load(context.Background(), policies.Source{Location: file})
			if err != nil {
				t.Fatal(err)
			}
			if rev.ID != embedded.ID {
				t.Errorf("revision %s, the embedded policies %s", rev.ID, embedded.ID)
			}
			if roots := rev.Bundle().Manifest.Roots; roots == nil || len(*roots) != 1 || (*roots)[0] != "styring" {
				t.Errorf("manifest roots = %v, want [styring]", roots)
			}
		})
	}
	if embeddedRoots := embedded.Bundle().Manifest.Roots; embeddedRoots == nil || len(*embeddedRoots) != 1 || (*embeddedRoots)[0] != "styring" {
		t.Errorf("the embedded bundle's roots = %v, want [styring] from policies/bundle/.manifest", embeddedRoots)
	}
}
