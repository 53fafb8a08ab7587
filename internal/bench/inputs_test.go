package bench

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/internal/sample"
	"github.com/baerum/styring/policies"
)

var now = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)

func sharedDocs(t testing.TB) []*Doc {
	t.Helper()
	raws, names, err := sample.Examples(repotest.Path(t, repotest.Examples))
	if err != nil || len(names) == 0 {
		t.Fatalf("read shared examples: %v (%d)", err, len(names))
	}
	var docs []*Doc
	for _, n := range names {
		d, err := NewDoc(n, raws[n], now)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func TestDocBodyIsVariant(t *testing.T) {
	docs := sharedDocs(t)
	large, err := NewMapDoc("large", sample.Large(), now)
	if err != nil {
		t.Fatal(err)
	}
	many, err := NewMapDoc("many-violations", sample.ManyViolations(), now)
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, large, many)
	for _, d := range docs {
		for _, i := range []int{0, 1, 6, 7, 13, 100, 12345} {
			want, err := json.Marshal(sample.Variant(d.Map, i))
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Body(i); string(got) != string(want) {
				t.Fatalf("%s: Body(%d) is not the JSON of sample.Variant(doc, %d):\n got %.300s\nwant %.300s", d.Name, i, i, got, want)
			}
		}
	}
}

func TestOPABody(t *testing.T) {
	d, err := NewMapDoc("many-violations", sample.ManyViolations(), now)
	if err != nil {
		t.Fatal(err)
	}
	var req struct {
		Input struct {
			Initiative   map[string]any `json:"initiative"`
			AsOf         string         `json:"as_of"`
			SchemaErrors []any          `json:"schema_errors"`
		} `json:"input"`
	}
	if err := json.Unmarshal(d.OPABody(3), &req); err != nil {
		t.Fatalf("OPA body is not JSON: %v", err)
	}
	if req.Input.AsOf != "2024-05-01" || req.Input.SchemaErrors == nil || len(req.Input.SchemaErrors) != 0 {
		t.Errorf("input as_of %q, schema_errors %v; want the submitted_at date and an empty list", req.Input.AsOf, req.Input.SchemaErrors)
	}
	var want map[string]any
	json.Unmarshal(d.Body(3), &want)
	if !reflect.DeepEqual(req.Input.Initiative, want) {
		t.Errorf("the initiative is not variant 3")
	}
}

func TestDocAsOf(t *testing.T) {
	d, err := NewDoc("no-date", []byte(`{"id":"X","title":"t"}`), now)
	if err != nil {
		t.Fatal(err)
	}
	if want := policies.AsOf(map[string]any{}, "", now); d.AsOf != want {
		t.Errorf("AsOf = %q, want today %q as Styring derives it", d.AsOf, want)
	}
	if _, err := NewDoc("array", []byte(`[1]`), now); err == nil {
		t.Error("NewDoc accepted a document that is not an object")
	}
}

func TestInputSet(t *testing.T) {
	docs := sharedDocs(t)
	set := InputSet{Name: "shared", Docs: docs}
	var items []map[string]any
	if err := json.Unmarshal(set.BatchBody(500, 40), &items); err != nil {
		t.Fatalf("batch body is not a JSON array: %v", err)
	}
	ids := map[string]bool{}
	for _, it := range items {
		ids[it["id"].(string)] = true
	}
	if len(items) != 40 || len(ids) != 40 {
		t.Errorf("batch of %d items with %d distinct ids, want 40 and 40", len(items), len(ids))
	}
	if first := items[0]["id"].(string); first != sample.Variant(docs[500%len(docs)].Map, 500)["id"] {
		t.Errorf("the batch does not start at variant 500 of document 500 mod %d: %s", len(docs), first)
	}
}
