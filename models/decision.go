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
	// LogDecisions appends decisions to the log (the asynchronous logger's batch write).
	LogDecisions(ctx context.Context, ds []Decision) error
	// GetDecision returns one decision log entry, or ENOTFOUND.
	GetDecision(ctx context.Context, id string) (Decision, error)
}
