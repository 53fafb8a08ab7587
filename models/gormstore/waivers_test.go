package gormstore_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, to set a database back a migration

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
)

// TestWaivers is the waiver suite, on each backend like TestStore.
func TestWaivers(t *testing.T) {
	tests := []storeTest{
		{"create then list returns the waiver with who and when, and logs its decision", testWaiverCreateList},
		{"create for an unknown initiative is not found and logs nothing", testWaiverUnknownInitiative},
		{"create with a taken id is a conflict and logs nothing", testWaiverDuplicate},
		{"create refuses a waiver without rule, reason or expiry", testWaiverInvalid},
		{"list is oldest first; an initiative without waivers has none; an unknown one is not found", testWaiverListOrder},
		{"revoke records who and when and logs its decision", testWaiverRevoke},
		{"revoke of a revoked waiver is a conflict and logs nothing", testWaiverRevokeTwice},
		{"revoke of an unknown waiver or another initiative's is not found", testWaiverRevokeUnknown},
		{"concurrent revokes: one wins", testWaiverConcurrentRevoke},
		{"active waivers leave out revoked ones and keep expired ones", testActiveWaivers},
		{"migration 4 revokes the waivers of data rules and logs each revocation", testMigrateRevokesDataWaivers},
	}
	runStoreSuite(t, tests)
}

// fixtures

func waiver(initiativeID, ruleID string) *models.Waiver {
	return &models.Waiver{
		InitiativeID: initiativeID, RuleID: ruleID, Reason: "Måling etter avslutning avtalt med rådmannen",
		ExpiresAt: "2031-01-01", CreatedBy: "leder-oks",
	}
}

func waiverDecision(id string) *models.Decision {
	return &models.Decision{
		ID: id, Kind: models.DecisionWaiver, PolicyRevision: "sha256:abc", AsOf: "2030-06-01", Caller: "leder-oks", Allowed: true,
		Input:  json.RawMessage(`{"rule_id": "KPI-004", "reason": "r", "expires_at": "2031-01-01"}`),
		Result: json.RawMessage(`{"action": "create"}`),
	}
}

func createWaiver(t *testing.T, s *gormstore.Store, w *models.Waiver) *models.Waiver {
	t.Helper()
	if err := s.CreateWaiver(context.Background(), w, waiverDecision("dw-"+gormstore.NewWaiverID())); err != nil {
		t.Fatalf("create waiver of %s for %s: %v", w.RuleID, w.InitiativeID, err)
	}
	return w
}

func wantNoDecision(t *testing.T, s *gormstore.Store, id string) {
	t.Helper()
	if _, err := s.GetDecision(context.Background(), id); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("decision %s was logged (%v); want none", id, err)
	}
}

func waiverIDs(ws []models.Waiver) []string {
	out := []string{}
	for _, w := range ws {
		out = append(out, w.ID)
	}
	return out
}

// behaviours

func testWaiverCreateList(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	create(t, s, initiative("w-1", "Tiltak med unntak", "OSK", "vedtatt", "omstilling", true))
	w := waiver("w-1", "KPI-004")
	d := waiverDecision("dw-1")
	if err := s.CreateWaiver(ctx, w, d); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(w.ID, "W-") || len(w.ID) != 34 || w.CreatedAt.IsZero() {
		t.Errorf("create set id %q and created_at %v; want W- and 32 hex digits, and a time", w.ID, w.CreatedAt)
	}
	got, err := s.ListWaivers(ctx, "w-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !reflect.DeepEqual(got[0], *w) {
		t.Fatalf("list = %+v\nwant [%+v]", got, *w)
	}
	if got[0].CreatedBy != "leder-oks" || got[0].RevokedAt != nil {
		t.Errorf("waiver records %q, revoked %v", got[0].CreatedBy, got[0].RevokedAt)
	}
	gotD, err := s.GetDecision(ctx, "dw-1")
	if err != nil {
		t.Fatalf("the waiver's decision is not in the log: %v", err)
	}
	if gotD.Kind != models.DecisionWaiver || gotD.InitiativeID != "w-1" || gotD.Caller != "leder-oks" || !gotD.CreatedAt.Equal(w.CreatedAt) {
		t.Errorf("decision = %+v", gotD)
	}
	jsonEqual(t, "decision result", gotD.Result, d.Result)
}

func testWaiverUnknownInitiative(t *testing.T, _ string, s *gormstore.Store) {
	err := s.CreateWaiver(context.Background(), waiver("nope", "KPI-004"), waiverDecision("dw-nope"))
	wantCode(t, err, models.ENOTFOUND)
	if msg := models.ErrorMessage(err); !strings.Contains(msg, `"nope"`) {
		t.Errorf("message %q does not name the initiative", msg)
	}
	wantNoDecision(t, s, "dw-nope")
}

func testWaiverDuplicate(t *testing.T, _ string, s *gormstore.Store) {
	create(t, s, initiative("w-dup", "Tiltak", "OSK", "forslag", "omstilling", true))
	first := createWaiver(t, s, waiver("w-dup", "KPI-004"))
	second := waiver("w-dup", "STR-003")
	second.ID = first.ID
	wantCode(t, s.CreateWaiver(context.Background(), second, waiverDecision("dw-dup-2")), models.ECONFLICT)
	wantNoDecision(t, s, "dw-dup-2")
	got, err := s.ListWaivers(context.Background(), "w-dup")
	if err != nil || len(got) != 1 || got[0].RuleID != "KPI-004" {
		t.Errorf("after the conflict: %+v, %v; want the first alone", got, err)
	}
}

func testWaiverInvalid(t *testing.T, _ string, s *gormstore.Store) {
	create(t, s, initiative("w-inv", "Tiltak", "OSK", "forslag", "omstilling", true))
	revoked := time.Now()
	for _, tt := range []struct {
		name   string
		change func(w *models.Waiver)
	}{
		{"no initiative", func(w *models.Waiver) { w.InitiativeID = "" }},
		{"no rule", func(w *models.Waiver) { w.RuleID = "" }},
		{"no reason", func(w *models.Waiver) { w.Reason = "" }},
		{"no expiry", func(w *models.Waiver) { w.ExpiresAt = "" }},
		{"revoked already", func(w *models.Waiver) { w.RevokedAt = &revoked }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := waiver("w-inv", "KPI-004")
			tt.change(w)
			wantCode(t, s.CreateWaiver(context.Background(), w, nil), models.EINVALID)
		})
	}
	got, err := s.ListWaivers(context.Background(), "w-inv")
	if err != nil || len(got) != 0 {
		t.Errorf("stored %+v, %v; want nothing", got, err)
	}
}

func testWaiverListOrder(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	create(t, s, initiative("w-a", "Tiltak A", "OSK", "forslag", "omstilling", true))
	create(t, s, initiative("w-b", "Tiltak B", "OSK", "forslag", "omstilling", true))
	var want []string
	for _, rule := range []string{"STR-003", "KPI-004", "BUD-004"} {
		want = append(want, createWaiver(t, s, waiver("w-a", rule)).ID)
	}
	got, err := s.ListWaivers(ctx, "w-a")
	if err != nil || !reflect.DeepEqual(waiverIDs(got), want) {
		t.Errorf("list = %v (%v), want %v oldest first", waiverIDs(got), err, want)
	}
	if got, err := s.ListWaivers(ctx, "w-b"); err != nil || got == nil || len(got) != 0 {
		t.Errorf("list of an initiative without waivers = %#v, %v; want an empty list", got, err)
	}
	_, err = s.ListWaivers(ctx, "nope")
	wantCode(t, err, models.ENOTFOUND)
}

func testWaiverRevoke(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	create(t, s, initiative("w-r", "Tiltak", "OSK", "forslag", "omstilling", true))
	w := createWaiver(t, s, waiver("w-r", "KPI-004"))
	at := time.Date(2030, 6, 2, 10, 30, 0, 123456789, time.FixedZone("CEST", 2*3600))
	d := waiverDecision("dw-revoke")
	got, err := s.RevokeWaiver(ctx, "w-r", w.ID, "leder-2", at, d)
	if err != nil {
		t.Fatal(err)
	}
	wantAt := at.UTC().Truncate(time.Microsecond)
	if got.RevokedAt == nil || !got.RevokedAt.Equal(wantAt) || got.RevokedAt.Location() != time.UTC || got.RevokedBy != "leder-2" {
		t.Errorf("revoked waiver = %+v; want revoked at %v by leder-2", got, wantAt)
	}
	if got.ID != w.ID || got.CreatedBy != w.CreatedBy || !got.CreatedAt.Equal(w.CreatedAt) || got.Reason != w.Reason {
		t.Errorf("revoke changed the waiver: %+v, was %+v", got, *w)
	}
	list, err := s.ListWaivers(ctx, "w-r")
	if err != nil || len(list) != 1 || !reflect.DeepEqual(list[0], got) {
		t.Errorf("list after revoke = %+v (%v), want [%+v]", list, err, got)
	}
	gotD, err := s.GetDecision(ctx, "dw-revoke")
	if err != nil || gotD.Kind != models.DecisionWaiver || gotD.InitiativeID != "w-r" || !gotD.CreatedAt.Equal(wantAt) {
		t.Errorf("revoke decision = %+v, %v", gotD, err)
	}
}

func testWaiverRevokeTwice(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	create(t, s, initiative("w-r2", "Tiltak", "OSK", "forslag", "omstilling", true))
	w := createWaiver(t, s, waiver("w-r2", "KPI-004"))
	first, err := s.RevokeWaiver(ctx, "w-r2", w.ID, "leder-1", time.Time{}, waiverDecision("dw-r2-1"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.RevokeWaiver(ctx, "w-r2", w.ID, "leder-2", time.Now(), waiverDecision("dw-r2-2"))
	wantCode(t, err, models.ECONFLICT)
	if msg := models.ErrorMessage(err); !strings.Contains(msg, "already revoked") || !strings.Contains(msg, "leder-1") {
		t.Errorf("message %q does not say who revoked it", msg)
	}
	wantNoDecision(t, s, "dw-r2-2")
	list, _ := s.ListWaivers(ctx, "w-r2")
	if len(list) != 1 || list[0].RevokedBy != "leder-1" || !list[0].RevokedAt.Equal(*first.RevokedAt) {
		t.Errorf("after the second revoke: %+v; want the first revocation to stand", list)
	}
}

func testWaiverRevokeUnknown(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	create(t, s, initiative("w-x", "Tiltak X", "OSK", "forslag", "omstilling", true))
	create(t, s, initiative("w-y", "Tiltak Y", "OSK", "forslag", "omstilling", true))
	w := createWaiver(t, s, waiver("w-x", "KPI-004"))
	for _, tt := range []struct{ name, initiative, waiver string }{
		{"unknown waiver", "w-x", "W-nope"},
		{"another initiative's waiver", "w-y", w.ID},
		{"unknown initiative", "nope", w.ID},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.RevokeWaiver(ctx, tt.initiative, tt.waiver, "leder", time.Now(), waiverDecision("dw-x-"+tt.initiative))
			wantCode(t, err, models.ENOTFOUND)
			wantNoDecision(t, s, "dw-x-"+tt.initiative)
		})
	}
	if list, _ := s.ListWaivers(ctx, "w-x"); len(list) != 1 || list[0].RevokedAt != nil {
		t.Errorf("the waiver was touched: %+v", list)
	}
}

func testWaiverConcurrentRevoke(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	create(t, s, initiative("w-c", "Tiltak", "OSK", "forslag", "omstilling", true))
	w := createWaiver(t, s, waiver("w-c", "KPI-004"))
	errs := runAtOnce(8, func(i int) error {
		_, err := s.RevokeWaiver(ctx, "w-c", w.ID, fmt.Sprintf("leder-%d", i), time.Now(), waiverDecision(fmt.Sprintf("dw-c-%d", i)))
		return err
	})
	won := 0
	for _, err := range errs {
		switch models.ErrorCode(err) {
		case "":
			won++
		case models.ECONFLICT:
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if won != 1 {
		t.Errorf("%d revokes won, want 1", won)
	}
}

func testActiveWaivers(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	for _, id := range []string{"w-1", "w-2", "w-3"} {
		create(t, s, initiative(id, "Tiltak "+id, "OSK", "forslag", "omstilling", true))
	}
	kept := createWaiver(t, s, waiver("w-1", "KPI-004"))
	revoked := createWaiver(t, s, waiver("w-1", "STR-003"))
	expired := waiver("w-2", "BUD-004")
	expired.ExpiresAt = "2020-01-01"
	createWaiver(t, s, expired)
	if _, err := s.RevokeWaiver(ctx, "w-1", revoked.ID, "leder", time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	rules := func(m map[string][]models.Waiver) map[string][]string {
		out := map[string][]string{}
		for id, ws := range m {
			for _, w := range ws {
				out[id] = append(out[id], w.RuleID)
			}
		}
		return out
	}
	for _, tt := range []struct {
		name string
		ids  []string
		want map[string][]string
	}{
		{"all initiatives", nil, map[string][]string{"w-1": {"KPI-004"}, "w-2": {"BUD-004"}}},
		{"some initiatives", []string{"w-1", "w-3", "nope"}, map[string][]string{"w-1": {"KPI-004"}}},
		{"none", []string{}, map[string][]string{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.ActiveWaivers(ctx, tt.ids)
			if err != nil {
				t.Fatal(err)
			}
			if got == nil || !reflect.DeepEqual(rules(got), tt.want) {
				t.Errorf("active = %v, want %v", rules(got), tt.want)
			}
		})
	}
	all, _ := s.ActiveWaivers(ctx, nil)
	if !reflect.DeepEqual(all["w-1"][0], *kept) {
		t.Errorf("active waiver = %+v, want %+v", all["w-1"][0], *kept)
	}
	// Expiry is the caller's test: the expired waiver is returned but does not apply.
	if w := all["w-2"][0]; w.AppliesAt("2025-01-01") || !w.AppliesAt("2019-12-31") {
		t.Errorf("expired waiver %+v applies on the wrong days", w)
	}
}

// rawDB opens the test database at dsn beside the store, with database/sql.
func rawDB(t *testing.T, backend, dsn string) *sql.DB {
	t.Helper()
	driver := "sqlite"
	if backend == gormstore.BackendPostgres {
		driver = "pgx"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// testMigrateRevokesDataWaivers sets a database with waivers back to before
// migration 4 (as a database migrated by an older release, where data rules
// could be waived) and migrates it: every waiver of a DAT- rule not revoked
// is revoked by the migration, with one decision-log entry each; the others
// are left as they are.
func testMigrateRevokesDataWaivers(t *testing.T, backend string, _ *gormstore.Store) {
	ctx := context.Background()
	dsn := gormtest.TestURL(t, backend)
	open := func() *gormstore.Store {
		t.Helper()
		s, err := gormstore.Open(ctx, dsn, gormstore.Options{QueryTimeout: 30 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Migrate(ctx); err != nil {
			t.Fatalf("migrate: %v", err)
		}
		return s
	}
	s := open()
	create(t, s, initiative("m-1", "Tiltak med skjemafeil", "OSK", "forslag", "omstilling", true))
	create(t, s, initiative("m-2", "Tiltak med dobbel linje", "OSK", "forslag", "omstilling", true))
	schemaWaiver := createWaiver(t, s, waiver("m-1", "DAT-001"))
	kpiWaiver := createWaiver(t, s, waiver("m-1", "KPI-004"))
	lineWaiver := createWaiver(t, s, waiver("m-2", "DAT-003"))
	expired := waiver("m-2", "DAT-004")
	expired.ExpiresAt = "2020-01-01"
	expired = createWaiver(t, s, expired)
	revokedBefore := createWaiver(t, s, waiver("m-2", "DAT-002"))
	leaderRevoked, err := s.RevokeWaiver(ctx, "m-2", revokedBefore.ID, "leder-oks", time.Now(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// Back to version 3: the waivers are as an older release left them.
	raw := rawDB(t, backend, dsn)
	if _, err := raw.ExecContext(ctx, "DELETE FROM schema_migrations WHERE version = 4"); err != nil {
		t.Fatal(err)
	}
	migrationDecisions := func() []string {
		t.Helper()
		rows, err := raw.QueryContext(ctx, "SELECT decision_id FROM decisions WHERE kind = 'waiver' AND caller LIKE 'migration 4%' ORDER BY decision_id")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	if ids := migrationDecisions(); len(ids) != 0 {
		t.Fatalf("decisions of migration 4 before it ran: %v", ids)
	}

	before := time.Now().UTC().Add(-time.Second)
	s = open()
	defer s.Close()
	after := time.Now().UTC().Add(time.Second)

	status, err := s.MigrationStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(status, func(m gormstore.MigrationState) bool { return m.Version == 4 }); i < 0 ||
		!status[i].Applied || status[i].Name != "revoke waivers of data rules" {
		t.Errorf("migration status %+v; want version 4 applied, named", status)
	}

	all := map[string]models.Waiver{}
	for _, id := range []string{"m-1", "m-2"} {
		ws, err := s.ListWaivers(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range ws {
			all[w.ID] = w
		}
	}
	for _, w := range []*models.Waiver{schemaWaiver, lineWaiver, expired} {
		got := all[w.ID]
		if got.RevokedAt == nil || got.RevokedAt.Before(before) || got.RevokedAt.After(after) || !strings.HasPrefix(got.RevokedBy, "migration 4") {
			t.Errorf("waiver of %s after migration 4: %+v; want revoked now by migration 4", w.RuleID, got)
		}
		if got.Reason != w.Reason || got.CreatedBy != w.CreatedBy || !got.CreatedAt.Equal(w.CreatedAt) || got.ExpiresAt != w.ExpiresAt {
			t.Errorf("migration 4 changed more than the revocation: %+v, was %+v", got, *w)
		}
	}
	if got := all[kpiWaiver.ID]; got.RevokedAt != nil || got.RevokedBy != "" {
		t.Errorf("the waiver of KPI-004 (kpi) was revoked: %+v", got)
	}
	if got := all[revokedBefore.ID]; !reflect.DeepEqual(got, leaderRevoked) {
		t.Errorf("a waiver revoked before was revoked again: %+v, was %+v", got, leaderRevoked)
	}
	active, err := s.ActiveWaivers(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(active) != 1 || len(active["m-1"]) != 1 || active["m-1"][0].RuleID != "KPI-004" {
		t.Errorf("active waivers after migration 4: %+v; want KPI-004 of m-1 alone", active)
	}

	// One decision-log entry per revoked waiver, as a revocation through the API logs it.
	ids := migrationDecisions()
	if len(ids) != 3 {
		t.Fatalf("migration 4 logged %d decisions, want 3 (one per revoked waiver)", len(ids))
	}
	logged := map[string]bool{}
	for _, id := range ids {
		d, err := s.GetDecision(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var input map[string]string
		if err := json.Unmarshal(d.Input, &input); err != nil {
			t.Fatalf("decision input %s: %v", d.Input, err)
		}
		var result struct {
			Action string `json:"action"`
			Waiver struct {
				models.Waiver
				Active *bool `json:"active"`
			} `json:"waiver"`
		}
		if err := json.Unmarshal(d.Result, &result); err != nil {
			t.Fatalf("decision result %s: %v", d.Result, err)
		}
		w := all[input["waiver_id"]]
		if len(input) != 2 || w.ID == "" || input["initiative_id"] != w.InitiativeID {
			t.Errorf("decision input %s; want the initiative and the id of a revoked waiver", d.Input)
			continue
		}
		logged[w.ID] = true
		if d.Kind != models.DecisionWaiver || d.InitiativeID != w.InitiativeID || !d.Allowed || d.Caller != w.RevokedBy ||
			!d.CreatedAt.Equal(*w.RevokedAt) || d.AsOf != w.RevokedAt.Format(time.DateOnly) {
			t.Errorf("decision %+v for waiver %+v", d, w)
		}
		if result.Action != "revoke" || !reflect.DeepEqual(result.Waiver.Waiver, w) || result.Waiver.Active == nil || *result.Waiver.Active {
			t.Errorf("decision result %s; want action revoke and the waiver as revoked, not active", d.Result)
		}
		if !strings.Contains(w.RevokedBy, "data") {
			t.Errorf("the revocation does not say why: revoked by %q", w.RevokedBy)
		}
	}
	if !logged[schemaWaiver.ID] || !logged[lineWaiver.ID] || !logged[expired.ID] {
		t.Errorf("logged revocations of %v; want the waivers of DAT-001, DAT-003 and DAT-004", logged)
	}

	// Migrating again changes nothing.
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if again := migrationDecisions(); !reflect.DeepEqual(again, ids) {
		t.Errorf("a second migrate logged %v, want %v", again, ids)
	}
}
