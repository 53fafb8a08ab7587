package gormstore

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/baerum/styring/models"
)

// migration is one step of the schema. Versions only grow; a migration that
// has been released is never edited, a change is a new migration.
type migration struct {
	Version int
	Name    string
	Up      func(tx *gorm.DB) error
}

// migrations is the schema's history, in order.
var migrations = []migration{
	{Version: 1, Name: "initiatives, versions, decisions and idempotency keys", Up: migrateInitialSchema},
	{Version: 2, Name: "API tokens", Up: migrateTokens},
	{Version: 3, Name: "waivers", Up: migrateWaivers},
	{Version: 4, Name: "revoke waivers of data rules", Up: migrateRevokeDataWaivers},
	{Version: 5, Name: "decision-log entries the database refused, kept as raw text", Up: migrateDecisionRejects},
	{Version: 6, Name: "token grants (a role over sectors each) and the token id of each decision's caller", Up: migrateGrants},
	{Version: 7, Name: "sessions of the pages", Up: migrateSessions},
	{Version: 8, Name: "drafts of the case handlers' workbench", Up: migrateDrafts},
}

// init refuses a history out of order: Migrate applies the slice in order and
// records versions, so a misplaced entry would run before what it builds on.
func init() {
	for i := 1; i < len(migrations); i++ {
		if migrations[i].Version <= migrations[i-1].Version {
			panic(fmt.Sprintf("gormstore: migration %d follows %d: versions must increase", migrations[i].Version, migrations[i-1].Version))
		}
	}
}

// MigrationState is one migration as `styring migrate --status` lists it.
type MigrationState struct {
	Version   int       `json:"version"`
	Name      string    `json:"name"`
	Applied   bool      `json:"applied"`
	AppliedAt time.Time `json:"applied_at,omitzero"`
	// Unknown is set for a version the database has but this binary does not:
	// a newer release migrated it.
	Unknown bool `json:"unknown,omitempty"`
}

// schemaMigration is a row of schema_migrations.
type schemaMigration struct {
	Version   int
	Name      string
	AppliedAt time.Time
}

func (schemaMigration) TableName() string { return "schema_migrations" }

// migrationTimeout bounds one migration's transaction: DDL on a large table
// may take longer than a query.
const migrationTimeout = 10 * time.Minute

// Migrate applies the migrations the database does not have yet, each in its
// own transaction together with its row in schema_migrations. Running it again
// changes nothing. On PostgreSQL each transaction holds an advisory lock on the
// schema, so instances starting at once apply each migration once; on SQLite
// the BEGIN IMMEDIATE transactions do the same.
func (s *Store) Migrate(ctx context.Context) error {
	for {
		var applied bool
		err := s.migrationTx(ctx, "migrate", func(tx *gorm.DB) error {
			done, err := appliedVersions(tx)
			if err != nil {
				return err
			}
			for _, m := range migrations {
				if _, ok := done[m.Version]; ok {
					continue
				}
				if err := m.Up(tx); err != nil {
					return fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
				}
				rec := schemaMigration{Version: m.Version, Name: m.Name, AppliedAt: now()}
				if err := tx.Create(&rec).Error; err != nil {
					return fmt.Errorf("record migration %d: %w", m.Version, err)
				}
				applied = true
				s.logger.Info("applied migration", "version", m.Version, "name", m.Name)
				return nil // one migration per transaction
			}
			return nil
		})
		if err != nil {
			return err
		}
		if !applied {
			return nil
		}
	}
}

// MigrationStatus lists every migration this binary knows, applied or
// pending, and any version the database has that it does not know, by version.
func (s *Store) MigrationStatus(ctx context.Context) ([]MigrationState, error) {
	var states []MigrationState
	err := s.run(ctx, "migration status", func(db *gorm.DB) error {
		exists, err := hasMigrationsTable(db)
		if err != nil || !exists {
			return err
		}
		var rows []schemaMigration
		if err := db.Order("version").Find(&rows).Error; err != nil {
			return err
		}
		done := make(map[int]schemaMigration, len(rows))
		for _, r := range rows {
			done[r.Version] = r
		}
		for _, m := range migrations {
			st := MigrationState{Version: m.Version, Name: m.Name}
			if r, ok := done[m.Version]; ok {
				st.Applied, st.AppliedAt = true, r.AppliedAt.UTC()
				delete(done, m.Version)
			}
			states = append(states, st)
		}
		for _, r := range done {
			states = append(states, MigrationState{Version: r.Version, Name: r.Name, Applied: true, AppliedAt: r.AppliedAt.UTC(), Unknown: true})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if states == nil { // no schema_migrations yet: everything is pending
		for _, m := range migrations {
			states = append(states, MigrationState{Version: m.Version, Name: m.Name})
		}
	}
	sort.Slice(states, func(i, j int) bool { return states[i].Version < states[j].Version })
	return states, nil
}

// migrationTx runs fn in a transaction that holds the migration lock and sees
// schema_migrations created.
func (s *Store) migrationTx(ctx context.Context, op string, fn func(tx *gorm.DB) error) error {
	qctx, cancel := context.WithTimeout(ctx, max(migrationTimeout, s.timeout))
	defer cancel()
	err := s.db.WithContext(qctx).Transaction(func(tx *gorm.DB) error {
		if s.backend == BackendPostgres {
			// Keyed by schema, so instances migrating different schemas of one
			// database (the tests do) don't wait for each other.
			if err := tx.Exec("SELECT pg_advisory_xact_lock(hashtext('styring.migrate.' || current_schema()))").Error; err != nil {
				return fmt.Errorf("take migration lock: %w", err)
			}
		}
		ddl := fmt.Sprintf(`CREATE TABLE IF NOT EXISTS schema_migrations (
	version integer PRIMARY KEY,
	name text NOT NULL,
	applied_at %s NOT NULL
)`, timeType(tx))
		if err := tx.Exec(ddl).Error; err != nil {
			return fmt.Errorf("create schema_migrations: %w", err)
		}
		return fn(tx)
	})
	return s.classify(ctx, qctx, op, err)
}

// appliedVersions returns the versions recorded in schema_migrations.
func appliedVersions(tx *gorm.DB) (map[int]struct{}, error) {
	var versions []int
	if err := tx.Model(&schemaMigration{}).Pluck("version", &versions).Error; err != nil {
		return nil, fmt.Errorf("read schema_migrations: %w", err)
	}
	done := make(map[int]struct{}, len(versions))
	for _, v := range versions {
		done[v] = struct{}{}
	}
	return done, nil
}

// hasMigrationsTable reports whether schema_migrations exists, without creating
// it: --status must not change the database.
func hasMigrationsTable(db *gorm.DB) (bool, error) {
	var n int64
	var err error
	if db.Dialector.Name() == "postgres" {
		err = db.Raw("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'").Find(&n).Error
	} else {
		err = db.Raw("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").Find(&n).Error
	}
	return n > 0, err
}

// timeType is the column type of a point in time.
func timeType(db *gorm.DB) string {
	if db.Dialector.Name() == "postgres" {
		return "timestamptz"
	}
	return "datetime" // the SQLite driver reads DATETIME columns back as time.Time
}

// idType is the column type of an initiative id. On PostgreSQL it compares
// bytewise (collation "C"), as SQLite does, so both list in the same order and
// the keyset cursor and the primary key index agree whatever the database's
// locale.
func idType(db *gorm.DB) string {
	if db.Dialector.Name() == "postgres" {
		return `text COLLATE "C"`
	}
	return "text"
}

// bytesType is the column type of raw bytes.
func bytesType(db *gorm.DB) string {
	if db.Dialector.Name() == "postgres" {
		return "bytea"
	}
	return "blob"
}

// execAll runs statements in order; PostgreSQL prepares one statement at a time.
func execAll(tx *gorm.DB, statements ...string) error {
	for _, stmt := range statements {
		if err := tx.Exec(stmt).Error; err != nil {
			name, _, _ := strings.Cut(strings.TrimSpace(stmt), "(")
			return fmt.Errorf("%s: %w", strings.TrimSpace(name), err)
		}
	}
	return nil
}

// migrateInitialSchema creates the four tables. The latest version's columns
// live on initiatives, so lists and counts read one row per initiative (see
// the package doc).
func migrateInitialSchema(tx *gorm.DB) error {
	r := strings.NewReplacer(
		"{json}", JSON{}.GormDBDataType(tx, nil),
		"{time}", timeType(tx),
		"{bytes}", bytesType(tx),
		"{id}", idType(tx),
	)
	return execAll(tx,
		r.Replace(`CREATE TABLE initiatives (
	id {id} PRIMARY KEY,
	version integer NOT NULL,
	title text NOT NULL,
	title_lower text NOT NULL,
	sector text NOT NULL,
	status text NOT NULL,
	type text NOT NULL,
	submitted_at text NOT NULL DEFAULT '',
	allowed boolean NOT NULL,
	decision_id text NOT NULL DEFAULT '',
	created_at {time} NOT NULL,
	updated_at {time} NOT NULL
)`),
		// (column, id): the filter and the keyset order on id from one index.
		`CREATE INDEX initiatives_sector_id ON initiatives (sector, id)`,
		`CREATE INDEX initiatives_status_id ON initiatives (status, id)`,
		`CREATE INDEX initiatives_type_id ON initiatives (type, id)`,
		`CREATE INDEX initiatives_allowed_id ON initiatives (allowed, id)`,

		r.Replace(`CREATE TABLE initiative_versions (
	id {id} NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
	version integer NOT NULL,
	title text NOT NULL,
	sector text NOT NULL,
	status text NOT NULL,
	type text NOT NULL,
	submitted_at text NOT NULL DEFAULT '',
	allowed boolean NOT NULL,
	decision_id text NOT NULL DEFAULT '',
	document {json} NOT NULL,
	created_at {time} NOT NULL,
	PRIMARY KEY (id, version)
)`),
		`CREATE INDEX initiative_versions_decision_id ON initiative_versions (decision_id)`,

		r.Replace(`CREATE TABLE decisions (
	decision_id text PRIMARY KEY,
	kind text NOT NULL,
	initiative_id text NOT NULL DEFAULT '',
	version integer NOT NULL DEFAULT 0,
	policy_revision text NOT NULL,
	as_of text NOT NULL,
	caller text NOT NULL DEFAULT '',
	allowed boolean NOT NULL,
	input {json},
	result {json},
	created_at {time} NOT NULL
)`),
		`CREATE INDEX decisions_initiative_id ON decisions (initiative_id, version)`,

		r.Replace(`CREATE TABLE idempotency_keys (
	scope text NOT NULL,
	key text NOT NULL,
	request_hash text NOT NULL,
	status_code integer NOT NULL,
	body {bytes} NOT NULL,
	created_at {time} NOT NULL,
	PRIMARY KEY (scope, key)
)`),
		// For sweeping old keys.
		`CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)`,
	)
}

// migrateTokens adds the API tokens: only a hash of each token is kept.
func migrateTokens(tx *gorm.DB) error {
	r := strings.NewReplacer("{time}", timeType(tx), "{id}", idType(tx))
	return execAll(tx,
		r.Replace(`CREATE TABLE tokens (
	id {id} PRIMARY KEY,
	name text NOT NULL,
	role text NOT NULL,
	hash text NOT NULL,
	created_at {time} NOT NULL,
	expires_at {time},
	revoked_at {time}
)`),
		`CREATE UNIQUE INDEX tokens_hash ON tokens (hash)`,
		`CREATE INDEX tokens_name ON tokens (name)`,
	)
}

// migrateWaivers adds the waivers: a manager's accountable exception to one
// rule for one initiative, until an expiry date.
func migrateWaivers(tx *gorm.DB) error {
	r := strings.NewReplacer("{time}", timeType(tx), "{id}", idType(tx))
	return execAll(tx,
		r.Replace(`CREATE TABLE waivers (
	id {id} PRIMARY KEY,
	initiative_id {id} NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
	rule_id text NOT NULL,
	reason text NOT NULL,
	expires_at text NOT NULL,
	created_by text NOT NULL,
	created_at {time} NOT NULL,
	revoked_by text NOT NULL DEFAULT '',
	revoked_at {time}
)`),
		`CREATE INDEX waivers_initiative ON waivers (initiative_id, rule_id)`,
	)
}

// dataWaiverRevoker is who revoked, in the waiver and its decision-log entry,
// the waivers migration 4 revokes, and why.
const dataWaiverRevoker = "migration 4 (rules of category data cannot be waived)"

// migratedWaiverChange is the result a migration logs for a waiver it changes:
// a WaiverDecision of the API (server/waivers.go), the waiver as changed.
type migratedWaiverChange struct {
	Action string         `json:"action"`
	Waiver migratedWaiver `json:"waiver"`
}

// migratedWaiver is a waiver as the API shows it; a revoked one is not active.
type migratedWaiver struct {
	models.Waiver
	Active bool `json:"active"`
}

// migrateRevokeDataWaivers revokes every waiver of a data rule that is not
// revoked yet, and logs each revocation as a decision of kind waiver, as a
// manager's revocation is logged. The catalog lets no rule of category legal
// or data be waived; data rules could be waived before, and a waiver of DAT-001
// let a document that breaks the schema (judged on DAT-001 alone) be stored
// as allowed. Waivers of legal rules were always refused, so none is stored.
//
// The waivers table keeps the rule id, not the rule's category, and a migration
// must not depend on a policy revision: a data rule is told by its id, which
// for every data rule of the catalog starts with "DAT-" (DAT-001 … DAT-004).
// Expired waivers are revoked too: they apply no more, and a revoked waiver
// can never be read as in force. The SQL names the columns of migrations 1
// and 3, so later migrations that add columns (with defaults) do not break it.
func migrateRevokeDataWaivers(tx *gorm.DB) error {
	at := now()
	// One conditional statement: it revokes, and returns, exactly the waivers
	// no one revoked first (an instance still running may revoke concurrently).
	var rows []waiverRow
	err := tx.Raw(`UPDATE waivers SET revoked_by = ?, revoked_at = ?
WHERE revoked_at IS NULL AND substr(rule_id, 1, 4) = 'DAT-'
RETURNING `+waiverColumns, dataWaiverRevoker, at).Scan(&rows).Error
	if err != nil {
		return fmt.Errorf("revoke waivers of data rules: %w", err)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].ID < rows[j].ID }) // ids are time-ordered
	for _, r := range rows {
		w := r.waiver()
		// The input and result a revocation through the API logs
		// (server/waivers.go): the ids, and the waiver as revoked.
		input, err := json.Marshal(map[string]string{"initiative_id": w.InitiativeID, "waiver_id": w.ID})
		if err != nil {
			return err
		}
		result, err := json.Marshal(migratedWaiverChange{Action: "revoke", Waiver: migratedWaiver{Waiver: w}})
		if err != nil {
			return err
		}
		// No policy revision judged it (""): the catalog's rule did.
		err = tx.Exec(`INSERT INTO decisions
	(decision_id, kind, initiative_id, version, policy_revision, as_of, caller, allowed, input, result, created_at)
VALUES (?, ?, ?, 0, '', ?, ?, ?, ?, ?, ?)`,
			uuid.Must(uuid.NewV7()).String(), models.DecisionWaiver, w.InitiativeID, at.Format(time.DateOnly),
			dataWaiverRevoker, true, JSON(input), JSON(result), at).Error
		if err != nil {
			return fmt.Errorf("log the revocation of waiver %s: %w", w.ID, err)
		}
	}
	return nil
}

// migrateSessions adds the sessions of the pages: the hash of each session id
// (never the id), the token it is bound to, when it was created, when it
// expires and when it was revoked. A token's deletion takes its sessions.
func migrateSessions(tx *gorm.DB) error {
	r := strings.NewReplacer("{time}", timeType(tx), "{id}", idType(tx))
	return execAll(tx,
		r.Replace(`CREATE TABLE sessions (
	hash text PRIMARY KEY,
	token_id {id} NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
	created_at {time} NOT NULL,
	expires_at {time} NOT NULL,
	revoked_at {time}
)`),
		`CREATE INDEX sessions_token_id ON sessions (token_id)`,
		// For sweeping expired sessions.
		`CREATE INDEX sessions_expires_at ON sessions (expires_at)`,
	)
}

// migrateDrafts adds the drafts: a proposal being written, private to the
// token that saved it (author_id) until it is submitted or deleted. The
// document is any JSON object, not necessarily one the schema accepts. A
// token's deletion takes its drafts.
func migrateDrafts(tx *gorm.DB) error {
	r := strings.NewReplacer("{json}", JSON{}.GormDBDataType(tx, nil), "{time}", timeType(tx), "{id}", idType(tx))
	return execAll(tx,
		r.Replace(`CREATE TABLE drafts (
	id text PRIMARY KEY,
	author_id {id} NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
	author_name text NOT NULL,
	initiative_id text NOT NULL DEFAULT '',
	base_version integer NOT NULL DEFAULT 0,
	title text NOT NULL DEFAULT '',
	revision integer NOT NULL,
	document {json} NOT NULL,
	created_at {time} NOT NULL,
	updated_at {time} NOT NULL
)`),
		// An author's list, the most recently saved first.
		`CREATE INDEX drafts_author_updated ON drafts (author_id, updated_at)`,
	)
}

// migrateGrants gives each token its grants, pairs of a role and the sectors
// it reaches (models.Grant), as JSON in tokens.grants: every existing token
// gets one grant of its role over every sector, so it reaches what it did.
// From now on tokens.role holds the role only for a token of one grant over
// every sector, and is empty otherwise, so a binary from before grants refuses
// a scoped token (no route allows an empty role) instead of widening it to
// every sector. Decisions get the id of their caller's token (caller names it), so
// the maker of a plain check may read it back and no namesake can.
// Idempotency keys were scoped by the token's name and are now scoped by its
// id: the old records are dropped, as two tokens of one name shared them.
func migrateGrants(tx *gorm.DB) error {
	return execAll(tx,
		`ALTER TABLE tokens ADD COLUMN grants text NOT NULL DEFAULT ''`,
		`UPDATE tokens SET grants = '[{"role":"' || role || '"}]'`,
		`ALTER TABLE decisions ADD COLUMN caller_id text NOT NULL DEFAULT ''`,
		`DELETE FROM idempotency_keys`,
	)
}

// migrateDecisionRejects adds decision_rejects: a decision-log entry the
// database refuses (a \u0000 or invalid UTF-8 in its input or result, which
// jsonb cannot hold) is kept here instead of being lost, so every decision id
// handed out can be looked up. The input and result are base64 text of their
// exact bytes; error says why the log refused the entry.
func migrateDecisionRejects(tx *gorm.DB) error {
	r := strings.NewReplacer("{time}", timeType(tx))
	return execAll(tx,
		r.Replace(`CREATE TABLE decision_rejects (
	decision_id text PRIMARY KEY,
	kind text NOT NULL,
	initiative_id text NOT NULL DEFAULT '',
	version integer NOT NULL DEFAULT 0,
	policy_revision text NOT NULL DEFAULT '',
	as_of text NOT NULL DEFAULT '',
	caller text NOT NULL DEFAULT '',
	caller_id text NOT NULL DEFAULT '',
	allowed boolean NOT NULL,
	input_base64 text NOT NULL,
	result_base64 text NOT NULL,
	error text NOT NULL,
	created_at {time} NOT NULL,
	rejected_at {time} NOT NULL
)`),
		// For reading the refused entries of a period.
		`CREATE INDEX decision_rejects_rejected_at ON decision_rejects (rejected_at)`,
	)
}
