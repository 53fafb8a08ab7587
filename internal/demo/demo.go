// Package demo ships a handful of sample initiatives (a small portfolio across the
// sectors) that `styring serve --demo` submits at start-up, so a newcomer sees
// real data at once.
package demo

import (
	"embed"
	"io/fs"
	"slices"
)

//go:embed initiatives/*.json
var files embed.FS

// Initiatives returns the sample initiatives as raw JSON, in file-name order.
func Initiatives() ([][]byte, error) {
	names, err := fs.Glob(files, "initiatives/*.json")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	out := make([][]byte, 0, len(names))
	for _, n := range names {
		raw, err := files.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, raw)
	}
	return out, nil
}
