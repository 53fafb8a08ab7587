package models

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Draft is a proposal being written in the case handler's workbench, saved on
// the server and private to its author until it is submitted (which deletes
// it) or deleted. Its document is any JSON object: a draft need not meet the
// schema, the submission does.
type Draft struct {
	ID string `json:"id"`
	// AuthorID is the id of the token that saved it (the stable identity of
	// the caller); only that token reads, changes or deletes it. Not shown.
	AuthorID   string `json:"-"`
	AuthorName string `json:"author_name"`
	// InitiativeID is set for a draft of a new version of a stored initiative,
	// BaseVersion the version it was opened from (the If-Match of its submission).
	InitiativeID string `json:"initiative_id,omitempty"`
	BaseVersion  int    `json:"base_version,omitempty"`
	// Title is the document's title, for lists ("" when it has none yet).
	Title string `json:"title"`
	// Revision counts the saves, from 1: the draft's ETag, which If-Match names.
	Revision  int             `json:"revision"`
	Document  json.RawMessage `json:"document,omitempty"`
	CreatedAt time.Time       `json:"created_at"`
	UpdatedAt time.Time       `json:"updated_at"`
}

// MaxDraftTitle bounds the title a draft is listed with, in characters.
const MaxDraftTitle = 200

// DraftTitle is the title a draft with the document doc is listed with: its
// "title" when that is a string, trimmed and cut to MaxDraftTitle characters.
func DraftTitle(doc map[string]any) string {
	title, _ := doc["title"].(string)
	title = strings.TrimSpace(title)
	if utf8.RuneCountInString(title) > MaxDraftTitle {
		title = string([]rune(title)[:MaxDraftTitle])
	}
	return title
}

// draftIDPattern is the form of the ids NewDraftID gives: a UUID, lower case.
var draftIDPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// WellFormedDraftID reports whether id has the form of a draft's id, so that
// other values are answered ENOTFOUND without a database lookup.
func WellFormedDraftID(id string) bool { return draftIDPattern.MatchString(id) }

// DraftNotFound is the answer for a draft that does not exist or is another
// author's: the same, so ids of others' drafts don't leak.
func DraftNotFound(id string) error { return Errorf(ENOTFOUND, "draft %q not found", id) }

// DraftStore keeps drafts. Every method takes the author's token id: a draft of
// another author is ENOTFOUND, never revealed. Each write is committed before it
// returns.
type DraftStore interface {
	// CreateDraft stores d (ID, AuthorID, AuthorName, InitiativeID,
	// BaseVersion, Title and Document set) as revision 1, and sets its
	// revision and times.
	CreateDraft(ctx context.Context, d *Draft) error
	// GetDraft returns the author's draft with its document.
	GetDraft(ctx context.Context, id, authorID string) (Draft, error)
	// ListDrafts returns the author's drafts without their documents, the
	// most recently saved first.
	ListDrafts(ctx context.Context, authorID string) ([]Draft, error)
	// UpdateDraft replaces the document and title of the author's draft d.ID
	// and counts its revision up; when ifRevision > 0 and the draft is at
	// another revision, EPRECONDITION. d is filled with the stored draft.
	UpdateDraft(ctx context.Context, d *Draft, ifRevision int) error
	// DeleteDraft deletes the author's draft.
	DeleteDraft(ctx context.Context, id, authorID string) error
}
