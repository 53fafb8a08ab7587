package gormstore_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/google/uuid"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
)

// TestDrafts is the draft suite, on each backend like TestStore.
func TestDrafts(t *testing.T) {
	tests := []storeTest{
		{"create then get returns the draft with its document, to its author only", testDraftRoundTrip},
		{"list holds the author's own drafts, newest first, without documents", testDraftList},
		{"update counts the revision up and checks If-Match", testDraftUpdate},
		{"delete removes the author's draft only", testDraftDelete},
		{"a document neither database can hold is refused", testDraftInvalidDocument},
	}
	runStoreSuite(t, tests)
}

// newDraft is a draft of author with a document of title, not yet stored.
func newDraft(t *testing.T, author models.Token, title string) *models.Draft {
	t.Helper()
	doc, err := json.Marshal(map[string]any{"title": title, "sector": "OSK", "budget": map[string]any{}})
	if err != nil {
		t.Fatal(err)
	}
	return &models.Draft{ID: uuid.Must(uuid.NewV7()).String(), AuthorID: author.ID, AuthorName: author.Name, Title: title, Document: doc}
}

func createDraft(t *testing.T, s *gormstore.Store, d *models.Draft) {
	t.Helper()
	if err := s.CreateDraft(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

func testDraftRoundTrip(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	kari, ola := sessionToken(t, s, "kari", nil), sessionToken(t, s, "ola", nil)
	d := newDraft(t, kari, "Halvferdig forslag")
	d.InitiativeID, d.BaseVersion = "HP2124-OSK-014", 2
	createDraft(t, s, d)
	if d.Revision != 1 || d.CreatedAt.IsZero() || !d.UpdatedAt.Equal(d.CreatedAt) {
		t.Errorf("created revision %d, created %v, updated %v", d.Revision, d.CreatedAt, d.UpdatedAt)
	}
	got, err := s.GetDraft(ctx, d.ID, kari.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.AuthorName != "kari" || got.Title != "Halvferdig forslag" || got.InitiativeID != "HP2124-OSK-014" || got.BaseVersion != 2 ||
		got.Revision != 1 || !got.CreatedAt.Equal(d.CreatedAt) || !sameDraftJSON(got.Document, d.Document) {
		t.Errorf("got %+v (document %s), want %+v", got, got.Document, d)
	}
	_, err = s.GetDraft(ctx, d.ID, ola.ID)
	wantCode(t, err, models.ENOTFOUND)
	_, err = s.GetDraft(ctx, uuid.Must(uuid.NewV7()).String(), kari.ID)
	wantCode(t, err, models.ENOTFOUND)
	// The author's token must exist.
	wantErr := s.CreateDraft(ctx, newDraft(t, models.Token{ID: "no-such-token"}, "x"))
	if wantErr == nil {
		t.Error("a draft of an unknown token was stored")
	}
}

func testDraftList(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	kari, ola := sessionToken(t, s, "kari", nil), sessionToken(t, s, "ola", nil)
	first, second := newDraft(t, kari, "første"), newDraft(t, kari, "andre")
	createDraft(t, s, first)
	createDraft(t, s, second)
	createDraft(t, s, newDraft(t, ola, "olas"))
	// Saving the first again makes it the newest.
	if err := s.UpdateDraft(ctx, first, 0); err != nil {
		t.Fatal(err)
	}
	list, err := s.ListDrafts(ctx, kari.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != first.ID || list[1].ID != second.ID {
		t.Fatalf("list %+v, want first then second", list)
	}
	for _, d := range list {
		if d.Document != nil || d.Title == "" || d.AuthorName != "kari" {
			t.Errorf("listed %+v: want a title, the author and no document", d)
		}
	}
	if list, err := s.ListDrafts(ctx, "nobody"); err != nil || len(list) != 0 {
		t.Errorf("list of another author: %v, %v", list, err)
	}
}

func testDraftUpdate(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	kari, ola := sessionToken(t, s, "kari", nil), sessionToken(t, s, "ola", nil)
	d := newDraft(t, kari, "v1")
	createDraft(t, s, d)
	created := d.CreatedAt
	upd := &models.Draft{ID: d.ID, AuthorID: kari.ID, Title: "v2", Document: json.RawMessage(`{"title":"v2"}`)}
	if err := s.UpdateDraft(ctx, upd, 1); err != nil {
		t.Fatal(err)
	}
	if upd.Revision != 2 || upd.Title != "v2" || !upd.CreatedAt.Equal(created) || upd.UpdatedAt.Before(created) || upd.AuthorName != "kari" {
		t.Errorf("updated %+v", upd)
	}
	stale := &models.Draft{ID: d.ID, AuthorID: kari.ID, Title: "v3", Document: json.RawMessage(`{}`)}
	wantCode(t, s.UpdateDraft(ctx, stale, 1), models.EPRECONDITION)
	other := &models.Draft{ID: d.ID, AuthorID: ola.ID, Title: "olas", Document: json.RawMessage(`{}`)}
	wantCode(t, s.UpdateDraft(ctx, other, 0), models.ENOTFOUND)
	got, err := s.GetDraft(ctx, d.ID, kari.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Revision != 2 || got.Title != "v2" || !sameDraftJSON(got.Document, json.RawMessage(`{"title":"v2"}`)) {
		t.Errorf("after a stale and a foreign update: %+v %s", got, got.Document)
	}
}

func testDraftDelete(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	kari, ola := sessionToken(t, s, "kari", nil), sessionToken(t, s, "ola", nil)
	d := newDraft(t, kari, "slettes")
	createDraft(t, s, d)
	wantCode(t, s.DeleteDraft(ctx, d.ID, ola.ID), models.ENOTFOUND)
	if err := s.DeleteDraft(ctx, d.ID, kari.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.GetDraft(ctx, d.ID, kari.ID)
	wantCode(t, err, models.ENOTFOUND)
	wantCode(t, s.DeleteDraft(ctx, d.ID, kari.ID), models.ENOTFOUND)
}

func testDraftInvalidDocument(t *testing.T, _ string, s *gormstore.Store) {
	kari := sessionToken(t, s, "kari", nil)
	for _, doc := range []string{`{"title":"a\u0000b"}`, `{"title":"\ud800"}`, `{`, ``} {
		d := newDraft(t, kari, "x")
		d.Document = json.RawMessage(doc)
		wantCode(t, s.CreateDraft(context.Background(), d), models.EINVALID)
	}
}

// sameDraftJSON compares two JSON texts by value (jsonb reorders and respaces).
func sameDraftJSON(a, b json.RawMessage) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return string(xa) == string(ya)
}
