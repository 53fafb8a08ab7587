package report_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/baerum/styring/internal/demo"
	"github.com/baerum/styring/internal/sample"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
	"github.com/baerum/styring/policies"
	"github.com/baerum/styring/report"
)

// BenchmarkComplianceReport builds the report of 1 000, 2 500 and 5 000 stored
// initiatives on PostgreSQL (SQLite without STYRING_TEST_DATABASE_URL: the
// PostgreSQL run skips). Target: 5 000 in under 2 s. The ns/op of the three sizes
// show how the cost grows: one pass over the data, so it should be linear.
func BenchmarkComplianceReport(b *testing.B) {
	for _, backend := range gormtest.TestBackends() {
		b.Run(backend, func(b *testing.B) {
			gormtest.SkipUnlessConfigured(b, backend)
			benchReport(b, backend)
		})
	}
}

func benchReport(b *testing.B, backend string) {
	ctx := context.Background()
	store := gormtest.OpenTestOptions(b, backend, gormstore.Options{QueryTimeout: time.Minute})
	rev, err := policies.Load(ctx, policies.Source{})
	if err != nil {
		b.Fatal(err)
	}
	raws, err := demo.Initiatives()
	if err != nil {
		b.Fatal(err)
	}
	var bases []map[string]any
	for _, raw := range raws {
		var m map[string]any
		json.Unmarshal(raw, &m)
		bases = append(bases, m)
	}
	stored := 0
	seed := func(n int) {
		for ; stored < n; stored++ {
			doc := sample.Variant(bases[stored%len(bases)], stored)
			raw, _ := json.Marshal(doc)
			parsed, _ := policies.ParseDocument(raw)
			res, err := rev.Check(ctx, parsed, policies.CheckOptions{})
			if err != nil {
				b.Fatal(err)
			}
			result, _ := json.Marshal(res)
			in := &models.Initiative{ID: doc["id"].(string), Title: doc["title"].(string), Sector: doc["sector"].(string),
				Status: fmt.Sprint(doc["status"]), Type: doc["type"].(string), Allowed: res.Allowed, DecisionID: res.DecisionID, Document: raw}
			d := &models.Decision{ID: res.DecisionID, Kind: models.DecisionSubmit, PolicyRevision: rev.ID, AsOf: res.AsOf, Caller: "bench",
				Allowed: res.Allowed, Input: raw, Result: result, CreatedAt: time.Now()}
			if err := store.CreateInitiative(ctx, in, d, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	for _, n := range []int{1000, 2500, 5000} {
		seed(n)
		b.Run(fmt.Sprintf("initiatives=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rep, err := report.Build(ctx, rev, report.FromStore(store, nil), report.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if len(rep.Records.Initiatives) != n {
					b.Fatalf("%d initiatives in the report, want %d", len(rep.Records.Initiatives), n)
				}
			}
		})
		b.Run(fmt.Sprintf("initiatives=%d/cached", n), func(b *testing.B) {
			cache := &policies.ContributionCache{}
			if _, err := report.Build(ctx, rev, report.FromStore(store, nil), report.Options{Cache: cache}); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := report.Build(ctx, rev, report.FromStore(store, nil), report.Options{Cache: cache}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
