package server

import (
	"bytes"
	"encoding/json"
	"io"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// readAll reads r into a fresh slice, sized by the Content-Length when known,
// through a pooled buffer so request bodies don't grow slices step by step.
func readAll(r io.Reader, size int64) ([]byte, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if size > 0 && size < 64<<20 {
		buf.Grow(int(size) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}

// jsonCompact is json.Compact, named for the tests' NDJSON bodies.
var jsonCompact = json.Compact

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
