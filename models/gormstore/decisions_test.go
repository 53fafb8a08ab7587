package gormstore_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"testing"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
)

// TestDecisionRejects: an entry the log refuses (a \u0000, invalid UTF-8 or a
// lone surrogate in its input, which jsonb cannot hold) is refused alike on
// both databases, kept by RejectDecision with every byte, and found by
// GetDecision, marked as stored raw.
func TestDecisionRejects(t *testing.T) {
	poisons := []struct {
		name  string
		input string
	}{
		{"a \\u0000 escape", `{"initiative": {"title": "Gift\u0000ig"}, "as_of": "2025-03-01"}`},
		{"a raw 0xFF byte", "{\"initiative\": {\"title\": \"Gift\xffig\"}, \"as_of\": \"2025-03-01\"}"},
		{"a lone surrogate", `{"initiative": {"title": "Gift\ud800ig"}, "as_of": "2025-03-01"}`},
		{"a raw NUL byte (not JSON)", "{\"initiative\": {\"title\": \"Gift\x00ig\"}, \"as_of\": \"2025-03-01\"}"},
	}
	for _, backend := range gormtest.TestBackends() {
		t.Run(backend, func(t *testing.T) {
			gormtest.SkipUnlessConfigured(t, backend)
			s := gormtest.OpenTest(t, backend)
			ctx := context.Background()
			for _, p := range poisons {
				t.Run(p.name, func(t *testing.T) {
					d := *decision("reject-"+p.name, models.DecisionCheck)
					d.Input = json.RawMessage(p.input)
					d.CallerID = "tok-1"
					clean := *decision("clean-beside-"+p.name, models.DecisionCheck)
					err := s.LogDecisions(ctx, []models.Decision{clean, d})
					wantCode(t, err, models.EINVALID)
					if _, err := s.GetDecision(ctx, clean.ID); models.ErrorCode(err) != models.ENOTFOUND {
						t.Fatalf("a refused batch wrote part of itself: %v", err)
					}
					if err := s.RejectDecision(ctx, d, err.Error()); err != nil {
						t.Fatal(err)
					}
					if err := s.RejectDecision(ctx, d, "again"); err != nil {
						t.Fatalf("keeping an entry twice: %v", err)
					}
					got, err := s.GetDecision(ctx, d.ID)
					if err != nil {
						t.Fatal(err)
					}
					if got.StoredAs != models.StoredRaw || got.Raw == nil || got.Raw.Encoding != "base64" {
						t.Fatalf("decision %+v, want one stored raw", got)
					}
					input, err := base64.StdEncoding.DecodeString(got.Raw.Input)
					if err != nil || string(input) != p.input {
						t.Errorf("raw input %q (%v), want %q", input, err, p.input)
					}
					result, err := base64.StdEncoding.DecodeString(got.Raw.Result)
					if err != nil || string(result) != string(d.Result) {
						t.Errorf("raw result %q (%v), want %q", result, err, d.Result)
					}
					if got.Raw.Error == "" || got.Raw.Error == "again" {
						t.Errorf("error %q, want the first refusal", got.Raw.Error)
					}
					if got.Kind != d.Kind || got.Caller != d.Caller || got.CallerID != "tok-1" || got.PolicyRevision != d.PolicyRevision ||
						got.AsOf != d.AsOf || got.Allowed != d.Allowed || got.CreatedAt.IsZero() {
						t.Errorf("decision %+v, want the fields of %+v", got, d)
					}
					if got.Input != nil && !json.Valid(got.Input) {
						t.Errorf("input %q is not JSON", got.Input)
					}
					jsonEqual(t, "result", got.Result, d.Result)
					if err := s.LogDecisions(ctx, []models.Decision{clean}); err != nil {
						t.Fatal(err)
					}
					if got, err := s.GetDecision(ctx, clean.ID); err != nil || got.StoredAs != "" || got.Raw != nil {
						t.Errorf("clean entry %+v, %v", got, err)
					}
				})
			}
			t.Run("NUL in a text column", func(t *testing.T) {
				d := *decision("nul-caller", models.DecisionCheck)
				d.Caller = "Kari\x00Nordmann"
				err := s.LogDecisions(ctx, []models.Decision{d})
				if backend == gormstore.BackendPostgres {
					// text refuses NUL: a data exception of one entry, not a fault of ours.
					wantCode(t, err, models.EINVALID)
					if err := s.RejectDecision(ctx, d, err.Error()); err != nil {
						t.Fatal(err)
					}
				} else if err != nil {
					t.Fatal(err)
				}
				if _, err := s.GetDecision(ctx, d.ID); err != nil {
					t.Fatal(err)
				}
			})
			if _, err := s.GetDecision(ctx, "unknown"); models.ErrorCode(err) != models.ENOTFOUND {
				t.Errorf("unknown id: %v, want not found", err)
			}
		})
	}
}
