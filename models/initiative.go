package models

import (
	"context"
	"encoding/json"
	"time"
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

// Decision is one entry of the decision log: what was evaluated, with which
// policy revision and as-of date, by whom, and what came out.
type Decision struct {
	ID             string          `json:"decision_id"`
	Kind           string          `json:"kind"` // check, submit, update, waiver, replay
	InitiativeID   string          `json:"initiative_id,omitempty"`
	Version        int             `json:"version,omitempty"`
	PolicyRevision string          `json:"policy_revision"`
	AsOf           string          `json:"as_of"`
	Caller         string          `json:"caller"`
	Allowed        bool            `json:"allowed"`
	Input          json.RawMessage `json:"input"`
	Result         json.RawMessage `json:"result"`
	CreatedAt      time.Time       `json:"created_at"`
}

// Decision kinds.
const (
	DecisionCheck  = "check"
	DecisionSubmit = "submit"
	DecisionUpdate = "update"
	DecisionWaiver = "waiver"
	DecisionReplay = "replay"
)

// IdempotencyRecord remembers the answer to a request that carried an
// Idempotency-Key, so that a retry gets the same answer and stores nothing new.
type IdempotencyRecord struct {
	Key         string    `json:"key"`
	Scope       string    `json:"scope"`        // the caller (token name) the key belongs to
	RequestHash string    `json:"request_hash"` // sha256 of method, path and body
	StatusCode  int       `json:"status_code"`
	Body        []byte    `json:"body"`
	CreatedAt   time.Time `json:"created_at"`
	// BodyFunc, when set, produces Body. The store calls it inside the
	// submission's transaction after it has set the initiative's version and
	// times, so the remembered answer is exactly the one sent.
	BodyFunc func() ([]byte, error) `json:"-"`
}

// InitiativeVersion is a stored version with the decision that accepted it.
type InitiativeVersion struct {
	Initiative
	Decision *Decision `json:"decision,omitempty"`
}

// InitiativeStore keeps initiatives, their versions, the decision log and idempotency keys.
// Every write that acknowledges a submission is committed before it returns.
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

	// LogDecisions appends decisions to the log (the asynchronous logger's batch write).
	LogDecisions(ctx context.Context, ds []Decision) error
	// GetDecision returns one decision log entry.
	GetDecision(ctx context.Context, id string) (Decision, error)

	// GetIdempotency returns the record of key in scope, or ENOTFOUND.
	GetIdempotency(ctx context.Context, scope, key string) (IdempotencyRecord, error)
	// PutIdempotency stores a record outside a submission (e.g. for a 422 answer).
	PutIdempotency(ctx context.Context, rec IdempotencyRecord) error

	// Ping checks that the database answers.
	Ping(ctx context.Context) error
	// Close releases the connections.
	Close() error
}
