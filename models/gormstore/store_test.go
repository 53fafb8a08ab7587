package gormstore_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/glebarez/go-sqlite" // the "sqlite" database/sql driver, to hold a lock beside the store

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
)

// storeTest is one behaviour of the store, run on each backend against a
// fresh, migrated store of its own.
type storeTest struct {
	name string
	run  func(t *testing.T, backend string, s *gormstore.Store)
}

// runStoreSuite runs each test on each backend, on a store of its own.
func runStoreSuite(t *testing.T, tests []storeTest) {
	t.Helper()
	for _, backend := range gormtest.TestBackends() {
		t.Run(backend, func(t *testing.T) {
			gormtest.SkipUnlessConfigured(t, backend)
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					s := gormtest.OpenTest(t, backend)
					tt.run(t, backend, s)
				})
			}
		})
	}
}

// TestStore is the suite: every behaviour on SQLite and, when
// STYRING_TEST_DATABASE_URL is set, on PostgreSQL.
func TestStore(t *testing.T) {
	tests := []storeTest{
		{"create then get returns the same initiative", testCreateGet},
		{"get of an unknown id is not found", testGetUnknown},
		{"create with an existing id is a conflict", testCreateDuplicate},
		{"create keeps documents both databases can hold and refuses others", testCreateDocuments},
		{"update stores the next version and checks If-Match", testUpdate},
		{"versions are listed oldest first with their decisions", testListVersions},
		{"list filters by each column and searches titles with æøå", testListFilters},
		{"list pages by cursor with the total of all matches", testListCursor},
		{"list pages by page number with the total of all matches", testListPages},
		{"list refuses a bad cursor, page or limit", testListInvalid},
		{"all initiatives streams matches in id order over several batches", testAllInitiatives},
		{"all initiatives stops at the callback's error", testAllInitiativesStops},
		{"log decisions skips a duplicate id", testLogDecisions},
		{"idempotency record round trip and a taken key", testIdempotency},
		{"a taken idempotency key fails the whole submission", testIdempotencyRollsBack},
		{"idempotency body is made in the transaction after the version is set", testIdempotencyBodyFunc},
		{"migrate twice changes nothing and status lists every migration", testMigrateTwice},
		{"status before migrating lists pending without creating tables", testMigrationStatusPending},
		{"two instances migrating at once both succeed", testConcurrentMigrate},
		{"a committed write is there after reopening", testReopen},
		{"a closed store is unavailable", testClosed},
		{"the logger gets failed statements without their arguments", testLogger},
		{"concurrent updates get versions 2 to 9 without gaps or duplicates", testConcurrentUpdates},
		{"concurrent updates with the same If-Match: one wins", testConcurrentIfMatch},
		{"concurrent creates with one idempotency key: one wins", testConcurrentIdempotency},
	}
	runStoreSuite(t, tests)
}

// fixtures

func document(id, title string) json.RawMessage {
	return json.RawMessage(fmt.Sprintf(`{"id": %q, "title": %q, "budget": {"2025": 1.5, "2026": -200}, "tags": ["æ", "ø", "å"], "none": null}`, id, title))
}

func initiative(id, title, sector, status, typ string, allowed bool) *models.Initiative {
	return &models.Initiative{
		ID: id, Title: title, Sector: sector, Status: status, Type: typ,
		SubmittedAt: "2025-03-01", Allowed: allowed, Document: document(id, title),
	}
}

func decision(id, kind string) *models.Decision {
	return &models.Decision{
		ID: id, Kind: kind, PolicyRevision: "sha256:abc", AsOf: "2025-03-01", Caller: "tester", Allowed: true,
		Input:  json.RawMessage(`{"initiative": {"id": "x"}, "as_of": "2025-03-01"}`),
		Result: json.RawMessage(`{"allowed": true, "violations": []}`),
	}
}

func create(t *testing.T, s *gormstore.Store, in *models.Initiative) {
	t.Helper()
	if err := s.CreateInitiative(context.Background(), in, decision("d-"+in.ID, models.DecisionSubmit), nil); err != nil {
		t.Fatalf("create %s: %v", in.ID, err)
	}
}

// seedFilters stores the initiatives the filter and paging tests read.
func seedFilters(t *testing.T, s *gormstore.Store) {
	t.Helper()
	for _, in := range []*models.Initiative{
		initiative("a-1", "Digital skole for alle", "OSK", "vedtatt", "nytt_tiltak", true),
		initiative("a-2", "Ærlig økonomi i Åsen", "HSO", "forslag", "investering", false),
		initiative("a-3", "Økt bemanning i barnehager", "OBH", "vedtatt", "omstilling", true),
		initiative("a-4", "100% universell_utforming", "TEK", "forslag", "nytt_tiltak", false),
		initiative("a-5", "Sykkelveier på Fornebu", "TEK", "vedtatt", "investering", true),
	} {
		create(t, s, in)
	}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := models.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func jsonEqual(t *testing.T, what string, got, want json.RawMessage) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("%s: read back %q: %v", what, got, err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("%s: want %q: %v", what, want, err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

func ids(items []models.Initiative) []string {
	out := []string{}
	for _, in := range items {
		out = append(out, in.ID)
	}
	return out
}

// sameInitiative compares everything but the document, which compares as JSON.
func sameInitiative(t *testing.T, got, want models.Initiative) {
	t.Helper()
	jsonEqual(t, "document of "+want.ID, got.Document, want.Document)
	if !got.CreatedAt.Equal(want.CreatedAt) || !got.UpdatedAt.Equal(want.UpdatedAt) {
		t.Errorf("times of %s = %v, %v, want %v, %v", want.ID, got.CreatedAt, got.UpdatedAt, want.CreatedAt, want.UpdatedAt)
	}
	got.Document, want.Document = nil, nil
	got.CreatedAt, want.CreatedAt, got.UpdatedAt, want.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("initiative = %+v\nwant %+v", got, want)
	}
}

// behaviours

func testCreateGet(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	doc, err := os.ReadFile(repotest.Path(t, repotest.Examples+"/digital-valid.json"))
	if err != nil {
		t.Fatal(err)
	}
	in := &models.Initiative{
		ID: "HP2124-OSU-033", Title: "Innbyggerapp for søknad om helse- og omsorgstjenester", Sector: "OSU",
		Status: "vedtatt", Type: "nytt_tiltak", SubmittedAt: "2022-09-20", Allowed: true, Document: doc,
	}
	d := decision("d-1", models.DecisionSubmit)
	if err := s.CreateInitiative(ctx, in, d, nil); err != nil {
		t.Fatal(err)
	}
	if in.Version != 1 || in.DecisionID != "d-1" || in.CreatedAt.IsZero() || !in.UpdatedAt.Equal(in.CreatedAt) {
		t.Fatalf("create set version %d, decision %q, times %v %v", in.Version, in.DecisionID, in.CreatedAt, in.UpdatedAt)
	}
	if d.InitiativeID != in.ID || d.Version != 1 {
		t.Errorf("decision ties to %q version %d, want %q version 1", d.InitiativeID, d.Version, in.ID)
	}
	got, err := s.GetInitiative(ctx, in.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameInitiative(t, got, *in)

	gotD, err := s.GetDecision(ctx, "d-1")
	if err != nil {
		t.Fatal(err)
	}
	if gotD.InitiativeID != in.ID || gotD.Version != 1 || gotD.Kind != models.DecisionSubmit || !gotD.Allowed ||
		gotD.PolicyRevision != d.PolicyRevision || gotD.AsOf != d.AsOf || gotD.Caller != d.Caller || !gotD.CreatedAt.Equal(in.CreatedAt) {
		t.Errorf("decision = %+v, want %+v", gotD, d)
	}
	jsonEqual(t, "decision input", gotD.Input, d.Input)
	jsonEqual(t, "decision result", gotD.Result, d.Result)
}

func testGetUnknown(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	_, err := s.GetInitiative(ctx, "nope")
	wantCode(t, err, models.ENOTFOUND)
	_, err = s.GetDecision(ctx, "nope")
	wantCode(t, err, models.ENOTFOUND)
	_, err = s.ListVersions(ctx, "nope")
	wantCode(t, err, models.ENOTFOUND)
	_, err = s.GetIdempotency(ctx, "caller", "nope")
	wantCode(t, err, models.ENOTFOUND)
}

func testCreateDuplicate(t *testing.T, _ string, s *gormstore.Store) {
	create(t, s, initiative("dup", "Første", "OSK", "forslag", "omstilling", true))
	err := s.CreateInitiative(context.Background(), initiative("dup", "Andre", "TEK", "forslag", "omstilling", true), decision("d-2", models.DecisionSubmit), nil)
	wantCode(t, err, models.ECONFLICT)
	if msg := models.ErrorMessage(err); msg != `initiative "dup" already exists; update it instead` {
		t.Errorf("message = %q", msg)
	}
	got, err := s.GetInitiative(context.Background(), "dup")
	if err != nil || got.Title != "Første" || got.Version != 1 {
		t.Errorf("after the conflict: %+v, %v; want the first, untouched", got, err)
	}
	if _, err := s.GetDecision(context.Background(), "d-2"); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("the conflicting submission's decision was stored: %v", err)
	}
}

func testCreateDocuments(t *testing.T, _ string, s *gormstore.Store) {
	tests := []struct {
		name     string
		in       *models.Initiative
		wantCode string
	}{
		{"refuses a document that is not JSON", &models.Initiative{ID: "x", Title: "x", Document: json.RawMessage(`{"a":`)}, models.EINVALID},
		{"refuses a missing document", &models.Initiative{ID: "x", Title: "x"}, models.EINVALID},
		{"refuses a missing id", &models.Initiative{Title: "x", Document: json.RawMessage(`{}`)}, models.EINVALID},
		{"refuses NUL in a string, which jsonb cannot hold", &models.Initiative{ID: "x", Title: "x", Document: json.RawMessage(`{"a": "b\u0000c"}`)}, models.EINVALID},
		{"refuses NUL in a key", &models.Initiative{ID: "x", Title: "x", Document: json.RawMessage(`{"\u0000": 1}`)}, models.EINVALID},
		{"refuses a lone surrogate, which jsonb cannot hold", &models.Initiative{ID: "x", Title: "x", Document: json.RawMessage(`{"a": "\ud800x"}`)}, models.EINVALID},
		{"keeps a surrogate pair", &models.Initiative{ID: "pair", Title: "x", Document: json.RawMessage(`{"a": "\ud83d\ude00"}`)}, ""},
		{"keeps an escaped backslash before u0000", &models.Initiative{ID: "backslash", Title: "x", Document: json.RawMessage(`{"a": "\\u0000"}`)}, ""},
		{"keeps a scalar document", &models.Initiative{ID: "scalar", Title: "x", Document: json.RawMessage(`"bare"`)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.CreateInitiative(context.Background(), tt.in, nil, nil)
			if tt.wantCode != "" {
				wantCode(t, err, tt.wantCode)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.GetInitiative(context.Background(), tt.in.ID)
			if err != nil {
				t.Fatal(err)
			}
			jsonEqual(t, "document", got.Document, tt.in.Document)
		})
	}
}

func testUpdate(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	first := initiative("u-1", "Før", "OSK", "forslag", "omstilling", false)
	create(t, s, first)

	tests := []struct {
		name        string
		id          string
		ifVersion   int
		wantCode    string
		wantMessage string
		wantVersion int
	}{
		{name: "with the current If-Match stores version 2", id: "u-1", ifVersion: 1, wantVersion: 2},
		{name: "without If-Match stores the next version", id: "u-1", ifVersion: 0, wantVersion: 3},
		{name: "with a stale If-Match fails naming the current version", id: "u-1", ifVersion: 2, wantCode: models.EPRECONDITION,
			wantMessage: `initiative "u-1" is at version 3, not 2; read it again and reapply the change`},
		{name: "of an unknown id is not found", id: "u-404", ifVersion: 0, wantCode: models.ENOTFOUND},
		{name: "of an unknown id with If-Match is not found", id: "u-404", ifVersion: 1, wantCode: models.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := initiative(tt.id, "Etter "+tt.name, "TEK", "vedtatt", "investering", true)
			d := decision("d-"+tt.name, models.DecisionUpdate)
			err := s.UpdateInitiative(ctx, in, tt.ifVersion, d, nil)
			if tt.wantCode != "" {
				wantCode(t, err, tt.wantCode)
				if tt.wantMessage != "" && models.ErrorMessage(err) != tt.wantMessage {
					t.Errorf("message = %q, want %q", models.ErrorMessage(err), tt.wantMessage)
				}
				if _, err := s.GetDecision(ctx, d.ID); models.ErrorCode(err) != models.ENOTFOUND {
					t.Errorf("the failed update's decision was stored: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if in.Version != tt.wantVersion || d.Version != tt.wantVersion || in.DecisionID != d.ID {
				t.Errorf("update set version %d, decision version %d, decision id %q", in.Version, d.Version, in.DecisionID)
			}
			if !in.CreatedAt.Equal(first.CreatedAt) || !in.UpdatedAt.After(first.UpdatedAt) {
				t.Errorf("times %v, %v; want created %v and updated later", in.CreatedAt, in.UpdatedAt, first.CreatedAt)
			}
			got, err := s.GetInitiative(ctx, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			sameInitiative(t, got, *in)
		})
	}
}

func testListVersions(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	v1 := initiative("v-1", "Første utkast", "OSK", "forslag", "omstilling", false)
	create(t, s, v1)
	v2 := initiative("v-1", "Andre utkast", "OSK", "utredning", "omstilling", true)
	if err := s.UpdateInitiative(ctx, v2, 1, decision("d-v2", models.DecisionUpdate), nil); err != nil {
		t.Fatal(err)
	}
	// A version whose decision the log does not have.
	v3 := initiative("v-1", "Tredje utkast", "OSK", "vedtatt", "omstilling", true)
	v3.DecisionID = "d-elsewhere"
	if err := s.UpdateInitiative(ctx, v3, 2, nil, nil); err != nil {
		t.Fatal(err)
	}
	create(t, s, initiative("v-2", "Et annet tiltak", "TEK", "forslag", "omstilling", true))

	got, err := s.ListVersions(ctx, "v-1")
	if err != nil {
		t.Fatal(err)
	}
	want := []*models.Initiative{v1, v2, v3}
	wantDecisions := []string{"d-v-1", "d-v2", ""}
	if len(got) != len(want) {
		t.Fatalf("got %d versions, want %d", len(got), len(want))
	}
	for i, v := range got {
		sameInitiative(t, v.Initiative, *want[i])
		switch {
		case wantDecisions[i] == "" && v.Decision != nil:
			t.Errorf("version %d has decision %+v, want none", v.Version, v.Decision)
		case wantDecisions[i] != "" && (v.Decision == nil || v.Decision.ID != wantDecisions[i] || v.Decision.Version != v.Version):
			t.Errorf("version %d has decision %+v, want %s", v.Version, v.Decision, wantDecisions[i])
		}
	}
}

func testListFilters(t *testing.T, _ string, s *gormstore.Store) {
	seedFilters(t, s)
	yes, no := true, false
	tests := []struct {
		name   string
		filter models.InitiativeFilter
		want   []string
	}{
		{"no filter lists all in id order", models.InitiativeFilter{}, []string{"a-1", "a-2", "a-3", "a-4", "a-5"}},
		{"by sector", models.InitiativeFilter{Sector: "TEK"}, []string{"a-4", "a-5"}},
		{"by status", models.InitiativeFilter{Status: "forslag"}, []string{"a-2", "a-4"}},
		{"by type", models.InitiativeFilter{Type: "nytt_tiltak"}, []string{"a-1", "a-4"}},
		{"allowed", models.InitiativeFilter{Allowed: &yes}, []string{"a-1", "a-3", "a-5"}},
		{"not allowed", models.InitiativeFilter{Allowed: &no}, []string{"a-2", "a-4"}},
		{"sector and status together", models.InitiativeFilter{Sector: "TEK", Status: "vedtatt"}, []string{"a-5"}},
		{"title in capitals finds lowercase", models.InitiativeFilter{Query: "DIGITAL SKOLE"}, []string{"a-1"}},
		{"Æ finds æ", models.InitiativeFilter{Query: "ÆRLIG"}, []string{"a-2"}},
		{"å finds Å", models.InitiativeFilter{Query: "åsen"}, []string{"a-2"}},
		{"ø finds both Ø and ø", models.InitiativeFilter{Query: "øk"}, []string{"a-2", "a-3"}},
		{"decomposed å finds composed å", models.InitiativeFilter{Query: "pa\u030a"}, []string{"a-5"}},
		{"% is a literal", models.InitiativeFilter{Query: "%"}, []string{"a-4"}},
		{"_ is a literal", models.InitiativeFilter{Query: "l_u"}, []string{"a-4"}},
		{"query and sector together", models.InitiativeFilter{Query: "i", Sector: "OBH"}, []string{"a-3"}},
		{"no match", models.InitiativeFilter{Query: "finnes ikke"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := s.ListInitiatives(context.Background(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(page.Items); !slices.Equal(got, tt.want) {
				t.Errorf("ids = %v, want %v", got, tt.want)
			}
			if page.Total != int64(len(tt.want)) || page.NextCursor != "" {
				t.Errorf("total %d, next cursor %q; want %d and none", page.Total, page.NextCursor, len(tt.want))
			}
			for _, in := range page.Items {
				if in.Version != 1 || len(in.Document) == 0 || in.DecisionID != "d-"+in.ID {
					t.Errorf("item %s: version %d, decision %q, document %d bytes", in.ID, in.Version, in.DecisionID, len(in.Document))
				}
			}
		})
	}
}

// seedPaging stores p-01 … p-07, of which the odd ones are vedtatt.
func seedPaging(t *testing.T, s *gormstore.Store) {
	t.Helper()
	for i := 1; i <= 7; i++ {
		status := "forslag"
		if i%2 == 1 {
			status = "vedtatt"
		}
		create(t, s, initiative(fmt.Sprintf("p-%02d", i), fmt.Sprintf("Tiltak %d", i), "OSK", status, "omstilling", true))
	}
}

func testListCursor(t *testing.T, _ string, s *gormstore.Store) {
	seedPaging(t, s)
	tests := []struct {
		name   string
		filter models.InitiativeFilter
		pages  [][]string
	}{
		{"all, three a page", models.InitiativeFilter{Limit: 3}, [][]string{{"p-01", "p-02", "p-03"}, {"p-04", "p-05", "p-06"}, {"p-07"}}},
		{"filtered, two a page", models.InitiativeFilter{Status: "vedtatt", Limit: 2}, [][]string{{"p-01", "p-03"}, {"p-05", "p-07"}}},
		{"one page holds all", models.InitiativeFilter{}, [][]string{{"p-01", "p-02", "p-03", "p-04", "p-05", "p-06", "p-07"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			total := 0
			for _, p := range tt.pages {
				total += len(p)
			}
			f := tt.filter
			for i, want := range tt.pages {
				page, err := s.ListInitiatives(context.Background(), f)
				if err != nil {
					t.Fatal(err)
				}
				if got := ids(page.Items); !slices.Equal(got, want) {
					t.Fatalf("page %d = %v, want %v", i+1, got, want)
				}
				if page.Total != int64(total) {
					t.Errorf("page %d total = %d, want %d", i+1, page.Total, total)
				}
				last := i == len(tt.pages)-1
				if last != (page.NextCursor == "") {
					t.Fatalf("page %d next cursor %q, last page %v", i+1, page.NextCursor, last)
				}
				f.Cursor = page.NextCursor
			}
		})
	}
}

func testListPages(t *testing.T, _ string, s *gormstore.Store) {
	seedPaging(t, s)
	tests := []struct {
		name     string
		filter   models.InitiativeFilter
		want     []string
		wantNext bool
	}{
		{"page 1", models.InitiativeFilter{Page: 1, Limit: 3}, []string{"p-01", "p-02", "p-03"}, true},
		{"page 2", models.InitiativeFilter{Page: 2, Limit: 3}, []string{"p-04", "p-05", "p-06"}, true},
		{"last page", models.InitiativeFilter{Page: 3, Limit: 3}, []string{"p-07"}, false},
		{"past the end", models.InitiativeFilter{Page: 4, Limit: 3}, []string{}, false},
		{"page 2 filtered", models.InitiativeFilter{Page: 2, Limit: 2, Status: "vedtatt"}, []string{"p-05", "p-07"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := s.ListInitiatives(context.Background(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(page.Items); !slices.Equal(got, tt.want) {
				t.Errorf("ids = %v, want %v", got, tt.want)
			}
			wantTotal := int64(7)
			if tt.filter.Status != "" {
				wantTotal = 4
			}
			if page.Total != wantTotal || (page.NextCursor != "") != tt.wantNext {
				t.Errorf("total %d, next cursor %q; want %d, next %v", page.Total, page.NextCursor, wantTotal, tt.wantNext)
			}
		})
	}
}

func testListInvalid(t *testing.T, _ string, s *gormstore.Store) {
	seedPaging(t, s)
	first, err := s.ListInitiatives(context.Background(), models.InitiativeFilter{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		filter models.InitiativeFilter
	}{
		{"cursor not base64", models.InitiativeFilter{Cursor: "!!!"}},
		{"cursor of another kind", models.InitiativeFilter{Cursor: "aGVsbG8"}},
		{"cursor and page", models.InitiativeFilter{Cursor: first.NextCursor, Page: 2}},
		{"negative page", models.InitiativeFilter{Page: -1}},
		{"negative limit", models.InitiativeFilter{Limit: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ListInitiatives(context.Background(), tt.filter)
			wantCode(t, err, models.EINVALID)
		})
	}
}

func testAllInitiatives(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	// More than two batches of 500 match "vedtatt"; a third of all do not.
	const n = 1500
	var wantVedtatt []string
	ds := make([]models.Decision, 0, n)
	for i := range n {
		id := fmt.Sprintf("all-%05d", i)
		status := "vedtatt"
		if i%3 == 0 {
			status = "forslag"
		} else {
			wantVedtatt = append(wantVedtatt, id)
		}
		in := initiative(id, "Tiltak "+id, "TEK", status, "investering", true)
		if err := s.CreateInitiative(ctx, in, nil, nil); err != nil {
			t.Fatal(err)
		}
		ds = append(ds, *decision("log-"+id, models.DecisionCheck))
	}
	// The decision log takes a batch larger than one statement's too.
	if err := s.LogDecisions(ctx, ds); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetDecision(ctx, "log-all-01499"); err != nil {
		t.Errorf("last decision of a large batch: %v", err)
	}

	tests := []struct {
		name     string
		statuses []string
		want     int
	}{
		{"one status", []string{"vedtatt"}, len(wantVedtatt)},
		{"two statuses", []string{"vedtatt", "forslag"}, n},
		{"every status", nil, n},
		{"a status no one has", []string{"avvist"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := s.AllInitiatives(ctx, tt.statuses, func(in models.Initiative, _ json.RawMessage) error {
				if len(in.Document) == 0 || in.Version != 1 {
					return fmt.Errorf("%s: version %d, %d document bytes", in.ID, in.Version, len(in.Document))
				}
				if len(tt.statuses) > 0 && !slices.Contains(tt.statuses, in.Status) {
					return fmt.Errorf("%s has status %s", in.ID, in.Status)
				}
				got = append(got, in.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want || !sort.StringsAreSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
				t.Fatalf("got %d initiatives (sorted %v), want %d, each once, in id order", len(got), sort.StringsAreSorted(got), tt.want)
			}
			if len(tt.statuses) == 1 && tt.statuses[0] == "vedtatt" && !slices.Equal(got, wantVedtatt) {
				t.Errorf("vedtatt initiatives differ from those stored")
			}
		})
	}

	t.Run("list limit is at most 500", func(t *testing.T) {
		page, err := s.ListInitiatives(ctx, models.InitiativeFilter{Limit: 10000})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Items) != gormstore.MaxListLimit || page.Total != n || page.NextCursor == "" {
			t.Errorf("got %d items, total %d, cursor %q", len(page.Items), page.Total, page.NextCursor)
		}
	})
	t.Run("list limit defaults to 50", func(t *testing.T) {
		page, err := s.ListInitiatives(ctx, models.InitiativeFilter{Status: "forslag"})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Items) != gormstore.DefaultListLimit || page.Total != n/3 {
			t.Errorf("got %d items, total %d", len(page.Items), page.Total)
		}
	})
}

func testAllInitiativesStops(t *testing.T, _ string, s *gormstore.Store) {
	seedPaging(t, s)
	stop := errors.New("report full")
	calls := 0
	err := s.AllInitiatives(context.Background(), nil, func(models.Initiative, json.RawMessage) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 3 {
		t.Errorf("err = %v after %d calls; want the callback's error after 3", err, calls)
	}
}

func testLogDecisions(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	first := decision("log-1", models.DecisionCheck)
	if err := s.LogDecisions(ctx, []models.Decision{*first}); err != nil {
		t.Fatal(err)
	}
	changed := *decision("log-1", models.DecisionReplay)
	changed.Allowed = false
	batch := []models.Decision{
		*decision("log-2", models.DecisionCheck),
		changed, // already logged
		*decision("log-3", models.DecisionWaiver),
		*decision("log-3", models.DecisionWaiver), // twice in one batch
	}
	batch[0].Input, batch[0].Result = nil, nil
	if err := s.LogDecisions(ctx, batch); err != nil {
		t.Fatalf("batch with duplicates: %v", err)
	}
	tests := []struct {
		id      string
		kind    string
		allowed bool
	}{
		{"log-1", models.DecisionCheck, true}, // the first entry stays
		{"log-2", models.DecisionCheck, true},
		{"log-3", models.DecisionWaiver, true},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got, err := s.GetDecision(ctx, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if got.Kind != tt.kind || got.Allowed != tt.allowed || got.CreatedAt.IsZero() {
				t.Errorf("decision = %+v, want kind %s allowed %v", got, tt.kind, tt.allowed)
			}
		})
	}
	if got, _ := s.GetDecision(ctx, "log-2"); got.Input != nil || got.Result != nil {
		t.Errorf("empty input and result read back as %q, %q", got.Input, got.Result)
	}
	if err := s.LogDecisions(ctx, nil); err != nil {
		t.Errorf("empty batch: %v", err)
	}
	bad := *decision("log-bad", models.DecisionCheck)
	bad.Result = json.RawMessage(`{`)
	wantCode(t, s.LogDecisions(ctx, []models.Decision{bad}), models.EINVALID)
}

func testIdempotency(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	body := []byte("{\"code\":\"invalid\"}\n\x00\xff")
	rec := models.IdempotencyRecord{Key: "k-1", Scope: "budsjett", RequestHash: "sha256:1", StatusCode: 422, Body: body}
	if err := s.PutIdempotency(ctx, rec); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetIdempotency(ctx, "budsjett", "k-1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Key != rec.Key || got.Scope != rec.Scope || got.RequestHash != rec.RequestHash || got.StatusCode != 422 ||
		string(got.Body) != string(body) || got.CreatedAt.IsZero() {
		t.Errorf("record = %+v, want %+v", got, rec)
	}
	// The key is the scope's: another caller may use it.
	if _, err := s.GetIdempotency(ctx, "annen", "k-1"); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("key found in another scope: %v", err)
	}
	if err := s.PutIdempotency(ctx, models.IdempotencyRecord{Key: "k-1", Scope: "annen", StatusCode: 201}); err != nil {
		t.Errorf("same key in another scope: %v", err)
	}

	again := rec
	again.StatusCode = 500
	wantCode(t, s.PutIdempotency(ctx, again), models.ECONFLICT)
	if got, _ := s.GetIdempotency(ctx, "budsjett", "k-1"); got.StatusCode != 422 {
		t.Errorf("a taken key was overwritten: %+v", got)
	}

	// A submission records its key in the same transaction.
	in := initiative("idem-1", "Med nøkkel", "OSK", "forslag", "omstilling", true)
	idem := &models.IdempotencyRecord{Key: "k-2", Scope: "budsjett", RequestHash: "sha256:2", StatusCode: 201, Body: []byte(`{"id":"idem-1"}`)}
	if err := s.CreateInitiative(ctx, in, decision("d-idem", models.DecisionSubmit), idem); err != nil {
		t.Fatal(err)
	}
	if got, err := s.GetIdempotency(ctx, "budsjett", "k-2"); err != nil || got.StatusCode != 201 || string(got.Body) != `{"id":"idem-1"}` {
		t.Errorf("submission's record = %+v, %v", got, err)
	}
}

func testIdempotencyRollsBack(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	if err := s.PutIdempotency(ctx, models.IdempotencyRecord{Key: "taken", Scope: "budsjett", StatusCode: 201}); err != nil {
		t.Fatal(err)
	}
	create(t, s, initiative("r-0", "Finnes", "OSK", "forslag", "omstilling", true))
	tests := []struct {
		name   string
		submit func(idem *models.IdempotencyRecord) error
		check  string
	}{
		{"create", func(idem *models.IdempotencyRecord) error {
			return s.CreateInitiative(ctx, initiative("r-1", "Ny", "OSK", "forslag", "omstilling", true), decision("refused-r-1", models.DecisionSubmit), idem)
		}, "r-1"},
		{"update", func(idem *models.IdempotencyRecord) error {
			return s.UpdateInitiative(ctx, initiative("r-0", "Endret", "OSK", "forslag", "omstilling", true), 1, decision("refused-r-0", models.DecisionUpdate), idem)
		}, "r-0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.submit(&models.IdempotencyRecord{Key: "taken", Scope: "budsjett", StatusCode: 201})
			wantCode(t, err, models.ECONFLICT)
			if got, err := s.ListVersions(ctx, tt.check); tt.check == "r-1" && models.ErrorCode(err) != models.ENOTFOUND {
				t.Errorf("the refused create stored %d versions (%v)", len(got), err)
			} else if tt.check == "r-0" && len(got) != 1 {
				t.Errorf("the refused update left %d versions, want 1", len(got))
			}
			if _, err := s.GetDecision(ctx, "refused-"+tt.check); models.ErrorCode(err) != models.ENOTFOUND {
				t.Errorf("the refused submission's decision was stored: %v", err)
			}
		})
	}
}

func testIdempotencyBodyFunc(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	answer := func(in *models.Initiative) func() ([]byte, error) {
		return func() ([]byte, error) {
			return json.Marshal(map[string]any{"id": in.ID, "version": in.Version, "updated_at": in.UpdatedAt})
		}
	}
	tests := []struct {
		name    string
		submit  func(in *models.Initiative, idem *models.IdempotencyRecord) error
		version int
	}{
		{"create", func(in *models.Initiative, idem *models.IdempotencyRecord) error {
			return s.CreateInitiative(ctx, in, decision("d-bf-1", models.DecisionSubmit), idem)
		}, 1},
		{"update", func(in *models.Initiative, idem *models.IdempotencyRecord) error {
			return s.UpdateInitiative(ctx, in, 1, decision("d-bf-2", models.DecisionUpdate), idem)
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := initiative("bf-1", "Svar lagres med innsendingen", "OSK", "forslag", "omstilling", true)
			idem := &models.IdempotencyRecord{Key: "bf-" + tt.name, Scope: "budsjett", StatusCode: 201}
			idem.BodyFunc = answer(in)
			if err := tt.submit(in, idem); err != nil {
				t.Fatal(err)
			}
			want, _ := json.Marshal(map[string]any{"id": "bf-1", "version": tt.version, "updated_at": in.UpdatedAt})
			got, err := s.GetIdempotency(ctx, "budsjett", idem.Key)
			if err != nil {
				t.Fatal(err)
			}
			if string(got.Body) != string(want) || string(idem.Body) != string(want) {
				t.Errorf("stored body %s, record body %s; want %s", got.Body, idem.Body, want)
			}
		})
	}

	t.Run("an error of the body func stores nothing", func(t *testing.T) {
		in := initiative("bf-2", "Feiler", "OSK", "forslag", "omstilling", true)
		fail := errors.New("marshal failed")
		idem := &models.IdempotencyRecord{Key: "bf-fail", Scope: "budsjett", BodyFunc: func() ([]byte, error) { return nil, fail }}
		if err := s.CreateInitiative(ctx, in, nil, idem); !errors.Is(err, fail) {
			t.Fatalf("err = %v, want the body func's", err)
		}
		if _, err := s.GetInitiative(ctx, "bf-2"); models.ErrorCode(err) != models.ENOTFOUND {
			t.Errorf("initiative stored despite the failure: %v", err)
		}
		if _, err := s.GetIdempotency(ctx, "budsjett", "bf-fail"); models.ErrorCode(err) != models.ENOTFOUND {
			t.Errorf("idempotency record stored despite the failure: %v", err)
		}
	})

	t.Run("put calls the body func", func(t *testing.T) {
		rec := models.IdempotencyRecord{Key: "bf-put", Scope: "budsjett", StatusCode: 422,
			BodyFunc: func() ([]byte, error) { return []byte(`{"allowed":false}`), nil }}
		if err := s.PutIdempotency(ctx, rec); err != nil {
			t.Fatal(err)
		}
		if got, err := s.GetIdempotency(ctx, "budsjett", "bf-put"); err != nil || string(got.Body) != `{"allowed":false}` {
			t.Errorf("record = %+v, %v", got, err)
		}
	})
}

func testMigrateTwice(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	create(t, s, initiative("m-1", "Overlever migrering", "OSK", "forslag", "omstilling", true))
	before, err := s.MigrationStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("second migrate: %v", err)
	}
	after, err := s.MigrationStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("status changed by a second migrate:\n%+v\n%+v", before, after)
	}
	if len(after) == 0 {
		t.Fatal("no migrations listed")
	}
	for i, m := range after {
		if !m.Applied || m.AppliedAt.IsZero() || m.Name == "" || m.Unknown || m.Version != i+1 {
			t.Errorf("migration %+v: want applied, named, known, numbered %d", m, i+1)
		}
	}
	if _, err := s.GetInitiative(ctx, "m-1"); err != nil {
		t.Errorf("data after a second migrate: %v", err)
	}
}

func testMigrationStatusPending(t *testing.T, backend string, _ *gormstore.Store) {
	ctx := context.Background()
	s, err := gormstore.Open(ctx, gormtest.TestURL(t, backend), gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for range 2 { // reading the status must not create schema_migrations
		status, err := s.MigrationStatus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(status) == 0 || status[0].Version != 1 || status[0].Applied {
			t.Fatalf("status of an empty database = %+v, want migration 1 pending", status)
		}
	}
	_, err = s.GetInitiative(ctx, "x")
	if models.ErrorCode(err) != models.EINTERNAL {
		t.Errorf("get before migrating = %v, want an internal error (no table)", err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	status, err := s.MigrationStatus(ctx)
	if err != nil || !status[0].Applied {
		t.Errorf("status after migrate = %+v, %v", status, err)
	}
}

func testConcurrentMigrate(t *testing.T, backend string, _ *gormstore.Store) {
	ctx := context.Background()
	dsn := gormtest.TestURL(t, backend)
	stores := make([]*gormstore.Store, 2)
	for i := range stores {
		s, err := gormstore.Open(ctx, dsn, gormstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	start := make(chan struct{})
	errs := make([]error, len(stores))
	var wg sync.WaitGroup
	for i, s := range stores {
		wg.Go(func() {
			<-start
			errs[i] = s.Migrate(ctx)
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("instance %d: %v", i, err)
		}
	}
	status, err := stores[0].MigrationStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range status {
		if !m.Applied || m.Unknown {
			t.Errorf("after two instances migrated: %+v", m)
		}
	}
}

func testReopen(t *testing.T, backend string, _ *gormstore.Store) {
	ctx := context.Background()
	dsn := gormtest.TestURL(t, backend)
	s, err := gormstore.Open(ctx, dsn, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	in := initiative("keep", "Lagret før omstart", "OSK", "forslag", "omstilling", true)
	create(t, s, in)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if backend == gormstore.BackendSQLite {
		// The journal mode is kept in the file: another connection sees it.
		raw, err := sql.Open("sqlite", dsn)
		if err != nil {
			t.Fatal(err)
		}
		var mode string
		if err := raw.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal mode = %q (%v), want wal", mode, err)
		}
		raw.Close()
	}
	s, err = gormstore.Open(ctx, dsn, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.GetInitiative(ctx, "keep")
	if err != nil {
		t.Fatal(err)
	}
	sameInitiative(t, got, *in)
}

func testLogger(t *testing.T, backend string, _ *gormstore.Store) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	s, err := gormstore.Open(context.Background(), gormtest.TestURL(t, backend), gormstore.Options{Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Before migrating there is no table: the statement fails.
	_, err = s.GetInitiative(context.Background(), "hemmelig-id")
	wantCode(t, err, models.EINTERNAL)
	if models.ErrorMessage(err) != "internal error" {
		t.Errorf("message shown = %q", models.ErrorMessage(err))
	}
	out := buf.String()
	if !strings.Contains(out, "SQL executed") || !strings.Contains(out, "initiatives") || strings.Contains(out, "hemmelig-id") {
		t.Errorf("log = %s\nwant the failed statement without its argument", out)
	}
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	create(t, s, initiative("log-ok", "Stille", "OSK", "forslag", "omstilling", true))
	if _, err := s.GetInitiative(context.Background(), "log-ok"); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 0 {
		t.Errorf("successful statements were logged: %s", buf.String())
	}
}

func testClosed(t *testing.T, _ string, s *gormstore.Store) {
	create(t, s, initiative("c-1", "Før stengning", "OSK", "forslag", "omstilling", true))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	tests := []struct {
		name string
		call func() error
	}{
		{"ping", func() error { return s.Ping(ctx) }},
		{"get", func() error { _, err := s.GetInitiative(ctx, "c-1"); return err }},
		{"list", func() error { _, err := s.ListInitiatives(ctx, models.InitiativeFilter{}); return err }},
		{"create", func() error {
			return s.CreateInitiative(ctx, initiative("c-2", "Etter", "OSK", "forslag", "omstilling", true), nil, nil)
		}},
		{"log", func() error { return s.LogDecisions(ctx, []models.Decision{*decision("c-d", models.DecisionCheck)}) }},
		{"migrate", func() error { return s.Migrate(ctx) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			wantCode(t, err, models.EUNAVAILABLE)
			if msg := models.ErrorMessage(err); msg != "the database is unavailable; try again later" {
				t.Errorf("message = %q", msg)
			}
		})
	}
}

// runAtOnce runs fn(i) for i in [0, n) in goroutines released together.
func runAtOnce(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			errs[i] = fn(i)
		})
	}
	close(start)
	wg.Wait()
	return errs
}

func testConcurrentUpdates(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	create(t, s, initiative("cc-1", "Versjon 1", "OSK", "forslag", "omstilling", true))
	const n = 8
	got := make([]int, n)
	errs := runAtOnce(n, func(i int) error {
		in := initiative("cc-1", fmt.Sprintf("Fra skribent %d", i), "OSK", "forslag", "omstilling", true)
		idem := &models.IdempotencyRecord{Key: fmt.Sprintf("cc-%d", i), Scope: "budsjett", StatusCode: 200}
		err := s.UpdateInitiative(ctx, in, 0, decision(fmt.Sprintf("d-writer-%d", i), models.DecisionUpdate), idem)
		got[i] = in.Version
		return err
	})
	for i, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	slices.Sort(got)
	if want := []int{2, 3, 4, 5, 6, 7, 8, 9}; !slices.Equal(got, want) {
		t.Errorf("versions given = %v, want %v", got, want)
	}
	versions, err := s.ListVersions(ctx, "cc-1")
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range versions {
		if v.Version != i+1 {
			t.Errorf("stored version %d at position %d", v.Version, i)
		}
		if i > 0 && (v.Decision == nil || v.Decision.Version != v.Version) {
			t.Errorf("version %d has decision %+v", v.Version, v.Decision)
		}
	}
	if latest, err := s.GetInitiative(ctx, "cc-1"); err != nil || latest.Version != n+1 || len(versions) != n+1 {
		t.Errorf("latest = version %d (%v) of %d stored, want %d", latest.Version, err, len(versions), n+1)
	}
}

func testConcurrentIfMatch(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	create(t, s, initiative("cm-1", "Versjon 1", "OSK", "forslag", "omstilling", true))
	errs := runAtOnce(8, func(i int) error {
		in := initiative("cm-1", fmt.Sprintf("Fra skribent %d", i), "OSK", "forslag", "omstilling", true)
		return s.UpdateInitiative(ctx, in, 1, decision(fmt.Sprintf("d-cm-%d", i), models.DecisionUpdate), nil)
	})
	won := 0
	for _, err := range errs {
		switch models.ErrorCode(err) {
		case "":
			won++
		case models.EPRECONDITION:
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	versions, err := s.ListVersions(ctx, "cm-1")
	if won != 1 || err != nil || len(versions) != 2 {
		t.Errorf("%d writers won, %d versions stored (%v); want 1 and 2", won, len(versions), err)
	}
}

func testConcurrentIdempotency(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	errs := runAtOnce(8, func(i int) error {
		in := initiative(fmt.Sprintf("ci-%d", i), "Samme forespørsel", "OSK", "forslag", "omstilling", true)
		idem := &models.IdempotencyRecord{Key: "same", Scope: "budsjett", StatusCode: 201, Body: []byte(in.ID)}
		return s.CreateInitiative(ctx, in, decision("d-"+in.ID, models.DecisionSubmit), idem)
	})
	won := 0
	for _, err := range errs {
		switch models.ErrorCode(err) {
		case "":
			won++
		case models.ECONFLICT:
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	page, err := s.ListInitiatives(ctx, models.InitiativeFilter{})
	if won != 1 || err != nil || page.Total != 1 {
		t.Fatalf("%d requests won, %d initiatives stored (%v); want 1 and 1", won, page.Total, err)
	}
	rec, err := s.GetIdempotency(ctx, "budsjett", "same")
	if err != nil || string(rec.Body) != page.Items[0].ID {
		t.Errorf("record %+v (%v) does not answer for the stored %s", rec, err, page.Items[0].ID)
	}
}

// Unavailable databases. These need no running PostgreSQL except where said.

// returnsWithin fails the test when call does not return within limit: a
// guard against a hang, far above the query timeout, not a speed target.
func returnsWithin(t *testing.T, limit time.Duration, call func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- call() }()
	select {
	case err := <-done:
		return err
	case <-time.After(limit):
		t.Fatalf("hung for %s with a query timeout of 300ms", limit)
		return nil
	}
}

// silentServer accepts connections and never answers, like a host whose
// database process hangs.
func silentServer(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	return ln.Addr().String()
}

// closedPort returns an address nothing listens on.
func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestOpenUnavailable(t *testing.T) {
	tests := []struct {
		name string
		url  func(t *testing.T) string
	}{
		{"PostgreSQL refusing connections", func(t *testing.T) string {
			return "postgres://postgres@" + closedPort(t) + "/test?sslmode=disable"
		}},
		{"PostgreSQL that never answers", func(t *testing.T) string {
			return "postgres://postgres@" + silentServer(t) + "/test?sslmode=disable"
		}},
		{"SQLite file in a missing directory", func(t *testing.T) string {
			return filepath.Join(t.TempDir(), "missing", "styring.db")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dsn := tt.url(t)
			err := returnsWithin(t, 10*time.Second, func() error {
				s, err := gormstore.Open(context.Background(), dsn, gormstore.Options{QueryTimeout: 300 * time.Millisecond})
				if err == nil {
					s.Close()
				}
				return err
			})
			wantCode(t, err, models.EUNAVAILABLE)
		})
	}
}

func TestOpenInvalid(t *testing.T) {
	for _, dsn := range []string{"", "postgres://postgres@127.0.0.1:5432/test?sslmode=bogus"} {
		_, err := gormstore.Open(context.Background(), dsn, gormstore.Options{})
		wantCode(t, err, models.EINVALID)
	}
}

// A writer that holds SQLite's write lock longer than the query timeout makes
// the store answer EUNAVAILABLE, not wait forever.
func TestSQLiteLockedIsUnavailable(t *testing.T) {
	path := gormtest.TestURL(t, gormstore.BackendSQLite)
	s, err := gormstore.Open(context.Background(), path, gormstore.Options{QueryTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}

	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	err = returnsWithin(t, 10*time.Second, func() error {
		return s.CreateInitiative(context.Background(), initiative("l-1", "Låst", "OSK", "forslag", "omstilling", true), nil, nil)
	})
	wantCode(t, err, models.EUNAVAILABLE)

	// Readers go on beside the writer (WAL).
	if _, err := s.ListInitiatives(context.Background(), models.InitiativeFilter{}); err != nil {
		t.Errorf("read while another writer holds the lock: %v", err)
	}
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateInitiative(context.Background(), initiative("l-1", "Låst opp", "OSK", "forslag", "omstilling", true), nil, nil); err != nil {
		t.Errorf("write after the lock is released: %v", err)
	}
}

// proxy forwards TCP connections to a database and can stop passing bytes,
// like a network that drops everything, and pass them again.
type proxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	cond   *sync.Cond
	frozen bool
	conns  []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln, target: target}
	p.cond = sync.NewCond(&p.mu)
	t.Cleanup(p.close)
	go p.serve()
	return p
}

func (p *proxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		up, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, up)
		p.mu.Unlock()
		go p.pipe(up, c)
		go p.pipe(c, up)
	}
}

func (p *proxy) pipe(dst, src net.Conn) {
	defer dst.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		p.mu.Lock()
		for p.frozen {
			p.cond.Wait()
		}
		p.mu.Unlock()
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				src.Close()
			}
			return
		}
	}
}

func (p *proxy) setFrozen(frozen bool) {
	p.mu.Lock()
	p.frozen = frozen
	p.mu.Unlock()
	p.cond.Broadcast()
}

func (p *proxy) close() {
	p.ln.Close()
	p.setFrozen(false)
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}

// A PostgreSQL that stops answering mid-way fails requests with EUNAVAILABLE
// within the query timeout, and the store recovers when it answers again.
func TestPostgresOutage(t *testing.T) {
	dsn := gormtest.TestURL(t, gormstore.BackendPostgres)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	p := newProxy(t, u.Host)
	u.Host = p.ln.Addr().String()

	ctx := context.Background()
	s, err := gormstore.Open(ctx, u.String(), gormstore.Options{QueryTimeout: 300 * time.Millisecond, MaxOpenConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	create(t, s, initiative("o-1", "Før bruddet", "OSK", "forslag", "omstilling", true))

	p.setFrozen(true)
	tests := []struct {
		name string
		call func() error
	}{
		{"get", func() error { _, err := s.GetInitiative(ctx, "o-1"); return err }},
		{"update", func() error {
			return s.UpdateInitiative(ctx, initiative("o-1", "Under bruddet", "OSK", "forslag", "omstilling", true), 0, nil, nil)
		}},
		{"ping", func() error { return s.Ping(ctx) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := returnsWithin(t, 10*time.Second, tt.call)
			wantCode(t, err, models.EUNAVAILABLE)
		})
	}

	p.setFrozen(false)
	got, err := s.GetInitiative(ctx, "o-1")
	if err != nil || got.Version != 1 {
		t.Errorf("after the outage: version %d, %v; want version 1 (the update during it was not stored)", got.Version, err)
	}
}
