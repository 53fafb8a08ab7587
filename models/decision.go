package models

import (
	"context"
	"encoding/json"
	"time"
)

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

	// CallerID is the id of the caller's token: with it the maker may read a
	// decision that belongs to no stored initiative (Caller.ReachDecision). It
	// is not shown; Caller names the token.
	CallerID string `json:"-"`

	// StoredAs is StoredRaw for an entry the database refused (a \u0000 or
	// invalid UTF-8 in its input or result): it was kept as raw text instead,
	// with the exact bytes in Raw, and Input and Result are then their closest
	// valid JSON (invalid UTF-8 replaced by U+FFFD), or null when they are not
	// JSON at all. Empty for an entry of the log proper.
	StoredAs string `json:"stored_as,omitempty"`
	// Raw holds the exact bytes of an entry stored as raw text; nil otherwise.
	Raw *RawDecision `json:"raw,omitempty"`
}

// StoredRaw is Decision.StoredAs of an entry kept as raw text.
const StoredRaw = "raw"

// RawDecision is the exact input and result of an entry the database refused,
// base64-encoded, and why it was refused.
type RawDecision struct {
	Encoding string `json:"encoding"` // always "base64"
	Input    string `json:"input"`
	Result   string `json:"result"`
	Error    string `json:"error"`
}

// Decision kinds.
const (
	DecisionCheck  = "check"
	DecisionSubmit = "submit"
	DecisionUpdate = "update"
	DecisionWaiver = "waiver"
	DecisionReplay = "replay"
)

// DecisionStore keeps the decision log. The decisions of submissions and
// waivers are written by InitiativeStore and WaiverStore in their own
// transactions; this is the rest.
type DecisionStore interface {
	// LogDecisions appends decisions to the log in one transaction (the
	// decision logger's group commit): all are written or none. EINVALID when
	// one of them cannot be kept as JSON, EUNAVAILABLE when the database does
	// not answer.
	LogDecisions(ctx context.Context, ds []Decision) error
	// RejectDecision keeps d, which LogDecisions refused for reason, as raw
	// text where it can be inspected, so its id can still be looked up.
	RejectDecision(ctx context.Context, d Decision, reason string) error
	// GetDecision returns one decision log entry (an entry kept as raw text
	// with StoredAs set), or ENOTFOUND.
	GetDecision(ctx context.Context, id string) (Decision, error)
}
