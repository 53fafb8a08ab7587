package server

import (
	"bytes"
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/internal/sample"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
	"github.com/baerum/styring/policies"
)

// BenchmarkCheckEndpoint measures POST /api/v1/check through the real router
// (authentication, decode, validate, evaluate, encode, log, decision queue) on
// each example of the contract, next to the engine's own Check of the same document, and
// reports the HTTP layer's share as http-overhead-%. Target: at most 15 %.
func BenchmarkCheckEndpoint(b *testing.B) {
	s := newTestServerWith(b, gormtest.OpenTest(b, gormstore.BackendSQLite), Config{DecisionQueue: 1 << 20})
	token, _ := testTokens.Load(s)
	docs, names, err := sample.Examples(repotest.Path(b, repotest.Examples))
	if err != nil {
		b.Fatal(err)
	}
	rev := s.engine.Active()
	for _, name := range names {
		raw := docs[name]
		doc, err := policies.ParseDocument(raw)
		if err != nil {
			b.Fatal(err)
		}
		var engine, endpoint float64
		b.Run(name+"/engine", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rev.Check(context.Background(), doc, policies.CheckOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			engine = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		})
		b.Run(name+"/http", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r := httptest.NewRequest("POST", "/api/v1/check", bytes.NewReader(raw))
				r.Header.Set("Content-Type", "application/json")
				r.Header.Set("Authorization", "Bearer "+token.(string))
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, r)
				if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"decision_id"`) {
					b.Fatalf("%d %s", rec.Code, rec.Body)
				}
			}
			endpoint = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			if engine > 0 {
				b.ReportMetric(100*(endpoint-engine)/engine, "http-overhead-%")
			}
		})
	}
}
