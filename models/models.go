// Package models holds Styring's domain: initiatives, check results, violations,
// the rule catalog and the one coded error type. It imports no framework, so the
// engine, the storage and the HTTP layer all speak these types.
//
// The storage is described by one small interface per concern, each beside its
// type: InitiativeStore (initiative.go), DecisionStore (decision.go),
// IdempotencyStore (idempotency.go), WaiverStore (waiver.go) and TokenStore
// (auth.go), plus Pinger for health checks. models/gormstore implements them all.
package models

import "context"

// Pinger is a storage whose health can be checked.
type Pinger interface {
	// Ping checks that the database answers.
	Ping(ctx context.Context) error
}
