package models

import (
	"context"
	"encoding/json"
	"time"
)

// The values an initiative's sector, status and type take, in the order of the
// schema's enums (policies/schema/initiative.schema.json): the one Go copy.
var (
	// Sectors are the municipality's sectors ($defs/sector).
	Sectors = []string{"OSK", "OBH", "POM", "HSO", "PMK", "TEK", "VAR", "OSU"}
	// Statuses are the statuses of an initiative, in the order of its life cycle ($defs/status).
	Statuses = []string{"forslag", "utredning", "vedtatt", "i_gjennomforing", "gjennomfort", "evaluert", "avvist"}
	// InitiativeTypes are the kinds of initiative (properties/type).
	InitiativeTypes = []string{"omstilling", "effektivisering", "innsparing", "nytt_tiltak", "investering"}
)

// Initiative is one stored version of an initiative (tiltak): the document as
// submitted, the columns lists and filters read, and the decision that accepted it.
type Initiative struct {
	ID          string          `json:"id"`
	Version     int             `json:"version"`
	Title       string          `json:"title"`
	Sector      string          `json:"sector"`
	Status      string          `json:"status"`
	Type        string          `json:"type"`
	SubmittedAt string          `json:"submitted_at,omitempty"` // YYYY-MM-DD, as in the document
	Allowed     bool            `json:"allowed"`
	DecisionID  string          `json:"decision_id"`
	Document    json.RawMessage `json:"document"`
	CreatedAt   time.Time       `json:"created_at"` // when version 1 was stored
	UpdatedAt   time.Time       `json:"updated_at"` // when this version was stored
}

// InitiativeFilter selects initiatives for a list. Zero values do not filter.
type InitiativeFilter struct {
	// Sectors, when not nil, are the only sectors listed (none when empty):
	// those the caller reaches (Caller.Sectors).
	Sectors []string
	Sector  string
	Status  string
	Type    string
	Allowed *bool
	Query   string // case-insensitive text search in the title
	// Either Cursor (opaque, from a previous page's NextCursor) or Page (1-based) pages the list.
	Cursor string
	Page   int
	Limit  int // default 50, at most 500
}

// InitiativePage is one page of a list, newest first by id order, with the total
// count of initiatives that match the filter.
type InitiativePage struct {
	Items      []Initiative `json:"items"`
	Total      int64        `json:"total"`
	NextCursor string       `json:"next_cursor,omitempty"`
}

// InitiativeVersion is a stored version with the decision that accepted it.
type InitiativeVersion struct {
	Initiative
	Decision *Decision `json:"decision,omitempty"`
}

// InitiativeStore keeps initiatives and their versions. Every write that
// acknowledges a submission is committed before it returns, together with the
// decision that accepted it and, when the request carried an Idempotency-Key,
// the idempotency record.
type InitiativeStore interface {
	// CreateInitiative stores version 1 of in, its decision and (when idem is not
	// nil) the idempotency record, in one transaction. ECONFLICT when the id exists
	// or the idempotency key was taken meanwhile.
	CreateInitiative(ctx context.Context, in *Initiative, d *Decision, idem *IdempotencyRecord) error
	// UpdateInitiative stores in as the next version of an existing initiative; in.Version is
	// set. When ifVersion > 0 and the latest version differs, EPRECONDITION. ENOTFOUND when
	// the initiative does not exist.
	UpdateInitiative(ctx context.Context, in *Initiative, ifVersion int, d *Decision, idem *IdempotencyRecord) error
	// GetInitiative returns the latest version of an initiative.
	GetInitiative(ctx context.Context, id string) (Initiative, error)
	// ListInitiatives returns the latest versions that match the filter.
	ListInitiatives(ctx context.Context, f InitiativeFilter) (InitiativePage, error)
	// ListVersions returns every version, oldest first, each with its decision.
	ListVersions(ctx context.Context, id string) ([]InitiativeVersion, error)
	// AllInitiatives calls fn with the latest version of every initiative whose status is in
	// statuses (all when empty), in id order, with the result of the check that accepted
	// it, streaming: the portfolio report's one pass.
	AllInitiatives(ctx context.Context, statuses []string, fn func(Initiative, json.RawMessage) error) error
}
