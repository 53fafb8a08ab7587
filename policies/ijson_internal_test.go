package policies

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/internal/sample"
)

// BenchmarkIJSONPass sets the I-JSON pass (checkIJSON) beside the decoding it
// follows, on one example and on the large initiative: the pass should cost a
// small part of decoding and allocate nothing.
func BenchmarkIJSONPass(b *testing.B) {
	docs, _, err := sample.Examples(repotest.Path(b, repotest.Examples))
	if err != nil {
		b.Fatal(err)
	}
	large, _ := json.Marshal(sample.Large())
	for _, in := range []struct {
		name string
		raw  []byte
	}{{"digital-valid", docs["digital-valid"]}, {"large", large}} {
		b.Run(in.name+"/decode", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.raw)))
			for b.Loop() {
				dec := json.NewDecoder(bytes.NewReader(in.raw))
				dec.UseNumber()
				var v any
				if err := dec.Decode(&v); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(in.name+"/ijson", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.raw)))
			for b.Loop() {
				if err := checkIJSON(in.raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
