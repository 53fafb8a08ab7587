package models

import (
	"context"
	"time"
)

// IdempotencyRecord remembers the answer to a request that carried an
// Idempotency-Key, so that a retry gets the same answer and stores nothing new.
type IdempotencyRecord struct {
	Key         string    `json:"key"`
	Scope       string    `json:"scope"`        // the id of the token the key belongs to
	RequestHash string    `json:"request_hash"` // sha256 of method, path and body
	StatusCode  int       `json:"status_code"`
	Body        []byte    `json:"body"`
	CreatedAt   time.Time `json:"created_at"`
	// BodyFunc, when set, produces Body. The store calls it inside the
	// submission's transaction after it has set the initiative's version and
	// times, so the remembered answer is exactly the one sent.
	BodyFunc func() ([]byte, error) `json:"-"`
}

// IdempotencyStore keeps the answers to requests that carried an
// Idempotency-Key. A submission's record is written by InitiativeStore in the
// submission's transaction; this reads records and stores the others.
type IdempotencyStore interface {
	// GetIdempotency returns the record of key in scope, or ENOTFOUND.
	GetIdempotency(ctx context.Context, scope, key string) (IdempotencyRecord, error)
	// PutIdempotency stores a record outside a submission (e.g. for a 422 answer).
	PutIdempotency(ctx context.Context, rec IdempotencyRecord) error
}
