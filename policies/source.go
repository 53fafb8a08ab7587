package policies

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/bundle"
)

// Source says where a revision's policies come from.
type Source struct {
	// Location is "" (or "embedded") for the policies in the binary, a directory,
	// an OPA bundle file (.tar.gz), or the http(s) URL of a bundle.
	Location string
}

// Describe names the source for logs and /policy.
func (s Source) Describe() string {
	if s.Location == "" || s.Location == "embedded" {
		return "embedded"
	}
	return s.Location
}

// maxBundleBytes bounds what a bundle may unpack to, so a hostile archive can't exhaust memory.
const maxBundleBytes = 64 << 20

// readBundle loads the source's modules and data as an OPA bundle, with METADATA parsed.
func readBundle(_ context.Context, src Source) (*bundle.Bundle, error) {
	var loader bundle.DirectoryLoader
	switch loc := src.Location; loc {
	case "", "embedded":
		l, err := bundle.NewFSLoader(EmbeddedBundle())
		if err != nil {
			return nil, err
		}
		loader = l
	default:
		info, err := os.Stat(loc)
		if err != nil {
			return nil, fmt.Errorf("policies %s: %w", loc, err)
		}
		if info.IsDir() {
			loader = bundle.NewDirectoryLoader(loc)
		} else {
			raw, err := os.ReadFile(loc)
			if err != nil {
				return nil, fmt.Errorf("policies %s: %w", loc, err)
			}
			return ReadBundleArchive(bytes.NewReader(raw))
		}
	}
	b, err := bundle.NewCustomReader(loader).
		WithProcessAnnotations(true).
		WithSizeLimitBytes(maxBundleBytes).
		Read()
	if err != nil {
		return nil, fmt.Errorf("read policies: %w", err)
	}
	return &b, nil
}

// ReadBundleArchive reads an OPA bundle archive (.tar.gz, as `opa build` makes it).
func ReadBundleArchive(r io.Reader) (*bundle.Bundle, error) {
	b, err := bundle.NewReader(r).
		WithProcessAnnotations(true).
		WithSizeLimitBytes(maxBundleBytes).
		Read()
	if err != nil {
		return nil, fmt.Errorf("read bundle: %w", err)
	}
	return &b, nil
}

// revisionID is a content hash of what the policies mean: every module's text, the
// data and the manifest's roots, so the same policies give the same revision
// wherever and however they are loaded. Module paths are left out on purpose:
// `opa build` prefixes them with the directory it was given (and a directory
// loader with another), which would otherwise change the revision.
func revisionID(b *bundle.Bundle) (string, error) {
	digests := make([]string, 0, len(b.Modules))
	for _, m := range b.Modules {
		d := sha256.Sum256(m.Raw)
		digests = append(digests, hex.EncodeToString(d[:]))
	}
	slices.Sort(digests)
	h := sha256.New() // a hash.Hash never fails a write: the writes below have no error to check
	for _, d := range digests {
		_, _ = fmt.Fprintf(h, "module %s\n", d)
	}
	var roots []string
	if b.Manifest.Roots != nil {
		roots = slices.Clone(*b.Manifest.Roots)
	}
	slices.Sort(roots)
	_, _ = fmt.Fprintf(h, "roots %q\n", roots)
	data, err := json.Marshal(b.Data) // map keys are sorted: canonical
	if err != nil {
		return "", fmt.Errorf("hash data: %w", err)
	}
	_, _ = fmt.Fprintf(h, "data %d\n", len(data))
	h.Write(data)
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

// modulePath is a module's path relative to the bundle root, whatever the loader.
func modulePath(m bundle.ModuleFile) string {
	p := m.RelativePath
	if p == "" {
		p = m.Path
	}
	return strings.TrimPrefix(path.Clean("/"+p), "/")
}

// ModuleFiles returns the Rego files of the embedded bundle, for tools that list them.
func ModuleFiles() ([]string, error) {
	var out []string
	err := fs.WalkDir(EmbeddedBundle(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".rego") {
			out = append(out, p)
		}
		return err
	})
	return out, err
}
