// Package repotest finds the files a test reads by their path from the
// repository root, so every package's tests read the one copy of the contract
// and the examples (docs/spec, testdata/examples) wherever they run from, and a
// missing file fails the test at once, naming it.
package repotest

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

var (
	rootOnce sync.Once
	root     string
	rootErr  error
)

// Root returns the repository root: the nearest directory above the working
// directory that holds go.mod.
func Root(tb testing.TB) string {
	tb.Helper()
	rootOnce.Do(func() {
		dir, err := os.Getwd()
		if err != nil {
			rootErr = err
			return
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				root = dir
				return
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				rootErr = os.ErrNotExist
				return
			}
			dir = parent
		}
	})
	if rootErr != nil {
		tb.Fatalf("repository root (the directory with go.mod) not found above the working directory: %v", rootErr)
	}
	return root
}

// Path returns the absolute path of a file or directory given by its path from
// the repository root (slash-separated), and fails the test at once if it is missing.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Root(tb), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("test input %s is missing: %v", rel, err)
	}
	return p
}

// ReadFile returns the contents of a file given by its path from the repository root.
func ReadFile(tb testing.TB, rel string) []byte {
	tb.Helper()
	raw, err := os.ReadFile(Path(tb, rel))
	if err != nil {
		tb.Fatalf("read %s: %v", rel, err)
	}
	return raw
}

// Examples is the directory of the contract's example initiatives, their
// expected.json and the portfolio.
const Examples = "testdata/examples"

// Spec is the directory of the contract's rule catalog and result schema.
const Spec = "docs/spec"
