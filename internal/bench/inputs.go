package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/baerum/styring/internal/sample"
	"github.com/baerum/styring/policies"
)

// Doc is one benchmark document that can be rendered as its i-th variant
// (sample.Variant) cheaply: the JSON is made once per amount shift and only the
// counter is spliced in per request, so the load generator spends its CPU on
// sending, not on copying and encoding large documents.
type Doc struct {
	Name string
	AsOf string         // the as-of date Styring derives (submitted_at, else today); OPA is given the same
	Raw  []byte         // the document as read (the engine benchmark checks it)
	Map  map[string]any // the decoded document
	// parts[r] is the JSON of the variants i ≡ r (mod variantPeriod), cut where the counter goes.
	parts [variantPeriod][][]byte
}

// variantPeriod is the period of sample.Variant's amount shift (i % 7); within
// one residue, variants differ only by the counter in their id and title.
// TestDocBodyIsVariant keeps it honest.
const variantPeriod = 7

// sentinelBase is a counter no document contains, ≡ 0 (mod variantPeriod).
const sentinelBase = 987654320996

// NewDoc prepares a document (a JSON object) for the load runs.
func NewDoc(name string, raw []byte, now time.Time) (*Doc, error) {
	parsed, err := policies.ParseDocument(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	m, ok := parsed.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: the document is not a JSON object", name)
	}
	d := &Doc{Name: name, AsOf: policies.AsOf(m, "", now), Raw: raw, Map: m}
	for r := range variantPeriod {
		counter := sentinelBase + r
		js, err := json.Marshal(sample.Variant(m, counter))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		parts := bytes.Split(js, []byte(strconv.Itoa(counter)))
		if len(parts) < 2 {
			return nil, fmt.Errorf("%s: the variant does not carry its counter", name)
		}
		d.parts[r] = parts
	}
	return d, nil
}

// NewMapDoc prepares a document given as a map (internal/sample's).
func NewMapDoc(name string, doc map[string]any, now time.Time) (*Doc, error) {
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return NewDoc(name, raw, now)
}

// Body is the JSON of sample.Variant(doc, i).
func (d *Doc) Body(i int) []byte {
	return bytes.Join(d.parts[i%variantPeriod], []byte(strconv.Itoa(i)))
}

// OPABody is the OPA Data API request for variant i: the input the engine builds
// ({"initiative", "as_of", "schema_errors"}), with no schema errors, as only
// schema-valid documents are benchmarked.
func (d *Doc) OPABody(i int) []byte {
	doc := d.Body(i)
	var b bytes.Buffer
	b.Grow(len(doc) + 80)
	b.WriteString(`{"input":{"as_of":"`)
	b.WriteString(d.AsOf)
	b.WriteString(`","schema_errors":[],"initiative":`)
	b.Write(doc)
	b.WriteString(`}}`)
	return b.Bytes()
}

// InputSet is a named list of documents, sent in turn: request i is variant i
// of document i mod len(Docs).
type InputSet struct {
	Name string
	Docs []*Doc
}

func (s InputSet) doc(i int) *Doc { return s.Docs[i%len(s.Docs)] }

// Body is the bare document of request i (Styring and the limit).
func (s InputSet) Body(i int) []byte { return s.doc(i).Body(i) }

// OPABody is the OPA request of request i.
func (s InputSet) OPABody(i int) []byte { return s.doc(i).OPABody(i) }

// BatchBody is a JSON array of n distinct proposals, from request offset on.
func (s InputSet) BatchBody(offset, n int) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(s.Body(offset + i))
	}
	b.WriteByte(']')
	return b.Bytes()
}
