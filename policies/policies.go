// Package policies is Styring's rule engine: it loads the Rego rule catalog and
// its parameters (embedded, from a directory or from an OPA bundle), compiles them
// once into a Revision, and checks initiatives against it. It knows Rego and the
// JSON Schema of an initiative, and nothing about HTTP or storage.
package policies

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

// The .manifest is named because go:embed leaves out files starting with a dot.
//
//go:embed bundle bundle/.manifest
var embedded embed.FS

//go:embed schema/initiative.schema.json
var initiativeSchema []byte

// EmbeddedBundle returns the default policies shipped in the binary, rooted at
// the bundle directory (the layout `opa build` and `opa run` accept as they are).
func EmbeddedBundle() fs.FS {
	sub, err := fs.Sub(embedded, "bundle")
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	return sub
}

// InitiativeSchema returns the JSON Schema of an initiative the engine validates against.
func InitiativeSchema() []byte { return initiativeSchema }

// Query is the one query a revision prepares: every record violation.
const Query = "data.styring.main.violations"

// ExportBundle writes the embedded policies into dir (created if missing), as
// a bundle directory a policy author can change, test and load with --policies.
func ExportBundle(dir string) error {
	src := EmbeddedBundle()
	return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		raw, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, raw, 0o644)
	})
}
