// Package gormstore keeps initiatives, their versions, the decision log,
// idempotency keys, waivers and API tokens in PostgreSQL or SQLite through GORM.
// Its Store implements models.InitiativeStore, DecisionStore, IdempotencyStore,
// WaiverStore, TokenStore and Pinger; GORM types never leave the package. The
// tests' helpers (a store of a test's own) are in models/gormstore/gormtest.
//
// # Backends
//
// Open takes a postgres:// or postgresql:// URL (pgx) or else a SQLite file
// path (pure Go, no cgo). SQLite runs in WAL mode with synchronous=FULL, so a
// committed write survives a crash or a power cut, foreign keys on, and every
// transaction begun with BEGIN IMMEDIATE: a writer takes the write lock when it
// starts instead of upgrading a read lock later, which is what makes SQLite
// answer SQLITE_BUSY at once. Writers queue on busy_timeout (the query timeout)
// instead, and WAL lets readers go on beside them.
//
// # Schema
//
// Migration 1 creates four tables:
//
//   - initiatives: one row per id with the latest version's number and the
//     columns lists filter and show (title, sector, status, type, submitted_at,
//     allowed, decision_id), plus title_lower, created_at (version 1) and
//     updated_at (the latest version).
//   - initiative_versions: every version ever stored, primary key (id, version),
//     with those columns again and the document.
//   - decisions: the decision log, keyed by decision_id, indexed by
//     (initiative_id, version).
//   - idempotency_keys: primary key (scope, key).
//
// The latest version's columns are kept on initiatives itself rather than
// found with a "latest" flag or a max(version) subquery: a list and its count
// read one narrow table with one row per initiative, filtered through the
// indexes (sector, id), (status, id), (type, id) and (allowed, id), which serve
// both the filter and the keyset order on id; only the page's rows are joined
// to initiative_versions on its primary key for the document. The cost is that
// an update writes two rows, in the same transaction.
//
// Title search is a substring match (LIKE '%q%') on title_lower, a column
// lowercased in Go (Unicode NFC, strings.ToLower): SQLite's lower() folds only
// ASCII, so Æ, Ø and Å would not match æ, ø and å there. A B-tree index cannot
// serve a substring match, so there is none on title_lower; the scan is over
// the narrow initiatives table and, combined with another filter, only over
// that filter's rows.
//
// Documents, decision inputs and results are stored as jsonb on PostgreSQL and
// as text on SQLite (the JSON type). jsonb keeps the JSON value, not its bytes:
// PostgreSQL may reorder keys and change whitespace, so a document read back is
// equal as JSON, not byte for byte. That is what the rules read; the store does
// not keep a second, raw copy.
//
// # Concurrency
//
// An update is one conditional statement, UPDATE initiatives SET version =
// version + 1 ... WHERE id = ? [AND version = ?] RETURNING version, so the row
// lock orders concurrent updates of one initiative and each gets its own next
// version; the (id, version) primary key of initiative_versions is the second
// guard. The version, its decision and the idempotency record are written in
// one transaction. The idempotency record is inserted first, so a concurrent
// request with the same key waits for the first and then gets ECONFLICT; its
// body, when IdempotencyRecord.BodyFunc makes it, is written last in the same
// transaction, once the initiative's version and times are set.
//
// # Errors
//
// Callers see *models.Error for what they can act on: ENOTFOUND, ECONFLICT,
// EPRECONDITION, EINVALID, and EUNAVAILABLE when the database does not answer
// (refused or dropped connections, the query timeout, a locked SQLite file, a
// closed store). Any other database error is returned wrapped with short
// context, as an internal error whose text is for the log only.
package gormstore
