package bench

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/baerum/styring/internal/sample"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
	"github.com/baerum/styring/policies"
	"github.com/baerum/styring/server"
)

// BenchmarkServer measures Styring's HTTP handlers in-process (Gin, the token,
// schema validation, the engine, the JSON answer and the decision log on SQLite,
// without sockets), so that a CPU profile shows where a request's time goes
// besides the Rego evaluation:
//
//	go test ./internal/bench -run XXX -bench Server -benchtime 100x -cpuprofile /tmp/server.prof
func BenchmarkServer(b *testing.B) {
	ctx := context.Background()
	engine, err := policies.LoadEngine(ctx, policies.Source{})
	if err != nil {
		b.Fatal(err)
	}
	store := gormtest.OpenTest(b, gormstore.BackendSQLite)
	srv := server.New(server.Config{RateLimit: -1}, engine, server.Stores{
		Initiatives: store, Decisions: store, Idempotency: store, Waivers: store, Tokens: store, Health: store, Sessions: store, Drafts: store,
	}, nil)
	b.Cleanup(func() { srv.Shutdown(ctx) })
	tok, secret, err := models.NewToken("bench", models.RoleAdmin, nil)
	if err != nil {
		b.Fatal(err)
	}
	if err := store.CreateToken(ctx, &tok); err != nil {
		b.Fatal(err)
	}
	shared := InputSet{Name: InputShared}
	for _, d := range sharedDocs(b) {
		if d.Name != "schema-invalid" {
			shared.Docs = append(shared.Docs, d)
		}
	}
	large, err := NewMapDoc(InputLarge, sample.Large(), time.Now())
	if err != nil {
		b.Fatal(err)
	}
	post := func(b *testing.B, path string, body []byte) {
		req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+secret)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d %.300s", path, rec.Code, rec.Body.String())
		}
	}
	counter := 0
	for _, set := range []InputSet{shared, {Name: InputLarge, Docs: []*Doc{large}}} {
		b.Run("check/"+set.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				counter++
				post(b, "/api/v1/check", set.Body(counter))
			}
		})
	}
	// Eight checks of the large proposal in flight at once, as in the HTTP runs at 8 connections.
	b.Run("check/large/parallel-8", func(b *testing.B) {
		b.ReportAllocs()
		b.SetParallelism(4) // × GOMAXPROCS 2
		var mu sync.Mutex
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				mu.Lock()
				counter++
				i := counter
				mu.Unlock()
				post(b, "/api/v1/check", large.Body(i))
			}
		})
	})
	b.Run("batch/1000", func(b *testing.B) {
		b.ReportAllocs()
		start := time.Now()
		for b.Loop() {
			post(b, "/api/v1/check/batch", shared.BatchBody(counter, 1000))
			counter += 1000
		}
		b.ReportMetric(float64(1000*b.N)/time.Since(start).Seconds(), "proposals/s")
	})
}
