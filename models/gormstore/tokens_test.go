package gormstore_test

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
)

// TestGrants: tokens keep their grants, decisions their caller's token id, and
// lists filter by the sectors a caller reaches, on each backend.
func TestGrants(t *testing.T) {
	tests := []storeTest{
		{"a token's grants round trip; the role column holds only a single unscoped grant's role", testTokenGrants},
		{"a decision keeps its caller's token id", testDecisionCallerID},
		{"list filters by the sectors a caller reaches", testListSectors},
	}
	for _, backend := range gormtest.TestBackends() {
		t.Run(backend, func(t *testing.T) {
			gormtest.SkipUnlessConfigured(t, backend)
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					tt.run(t, backend, gormtest.OpenTest(t, backend))
				})
			}
			t.Run("migration 6 gives each token one unscoped grant of its role and drops idempotency keys scoped by name", func(t *testing.T) {
				testMigrateGrants(t, backend)
			})
		})
	}
}

func testTokenGrants(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	for _, tt := range []struct {
		name   string
		grants []models.Grant
		role   string // the legacy column
	}{
		{"plain", []models.Grant{{Role: models.RoleLeder}}, "leder"},
		{"scoped", []models.Grant{{Role: models.RoleSaksbehandler, Sectors: []string{"OSK", "OBH"}}}, ""},
		{"pairs", []models.Grant{{Role: models.RoleLeder, Sectors: []string{"OSK"}}, {Role: models.RoleSaksbehandler, Sectors: []string{"OBH", "PMK"}}}, ""},
		{"two unscoped", []models.Grant{{Role: models.RoleWorkflow}, {Role: models.RoleLeder}}, ""},
	} {
		tok, _, err := models.NewTokenGrants(tt.name, tt.grants, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.CreateToken(ctx, &tok); err != nil {
			t.Fatal(err)
		}
		got, err := s.TokenByHash(ctx, tok.Hash)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Grants, tt.grants) || got.Role != tt.grants[0].Role {
			t.Errorf("%s: grants %v role %s, want %v", tt.name, got.Grants, got.Role, tt.grants)
		}
		roles, err := s.QueryStrings(ctx, "SELECT role FROM tokens WHERE id = ?", tok.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(roles, []string{tt.role}) {
			t.Errorf("%s: role column %q, want %q", tt.name, roles, tt.role)
		}
	}
	// A token made with only a role (before grants) gets one unscoped grant.
	legacy := models.Token{ID: "tok_legacy", Name: "legacy", Role: models.RoleWorkflow, Hash: "h-legacy"}
	if err := s.CreateToken(ctx, &legacy); err != nil {
		t.Fatal(err)
	}
	if got, err := s.TokenByHash(ctx, "h-legacy"); err != nil || models.FormatGrants(got.Grants) != "workflow" {
		t.Errorf("role only: %v %v", got.Grants, err)
	}
	bad := models.Token{ID: "tok_bad", Hash: "h-bad", Grants: []models.Grant{{Role: models.RoleLeder, Sectors: []string{"XYZ"}}}}
	wantCode(t, s.CreateToken(ctx, &bad), models.EINVALID)
	// Grants the store cannot read leave a token that reaches nothing.
	if err := s.ExecSQL(ctx, "UPDATE tokens SET grants = 'not json' WHERE id = ?", "tok_legacy"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.TokenByHash(ctx, "h-legacy"); err != nil || len(got.Grants) != 0 || got.Role != "" {
		t.Errorf("unreadable grants: %+v %v", got, err)
	}
	list, err := s.ListTokens(ctx)
	if err != nil || len(list) != 5 {
		t.Fatalf("list: %d tokens, %v", len(list), err)
	}
	if got := models.FormatGrants(list[2].Grants); got != "leder:OSK saksbehandler:OBH,PMK" {
		t.Errorf("listed grants %q", got)
	}
}

func testDecisionCallerID(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	logged := decision("d-logged", models.DecisionCheck)
	logged.CallerID = "tok_a"
	if err := s.LogDecisions(ctx, []models.Decision{*logged}); err != nil {
		t.Fatal(err)
	}
	in := initiative("c-1", "Med nøkkel", "OSK", "forslag", "omstilling", true)
	stored := decision("d-stored", models.DecisionSubmit)
	stored.CallerID = "tok_b"
	if err := s.CreateInitiative(ctx, in, stored, nil); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"d-logged": "tok_a", "d-stored": "tok_b"} {
		d, err := s.GetDecision(ctx, id)
		if err != nil || d.CallerID != want {
			t.Errorf("%s: caller id %q (%v), want %q", id, d.CallerID, err, want)
		}
	}
	// Not shown: the decision's JSON names the token, not its id.
	raw, _ := json.Marshal(logged)
	if strings.Contains(string(raw), "tok_a") || !strings.Contains(string(raw), `"caller":"tester"`) {
		t.Errorf("decision JSON %s", raw)
	}
}

func testListSectors(t *testing.T, _ string, s *gormstore.Store) {
	seedFilters(t, s)
	for _, tt := range []struct {
		name   string
		filter models.InitiativeFilter
		want   []string
	}{
		{"nil reaches every sector", models.InitiativeFilter{}, []string{"a-1", "a-2", "a-3", "a-4", "a-5"}},
		{"two sectors", models.InitiativeFilter{Sectors: []string{"OSK", "TEK"}}, []string{"a-1", "a-4", "a-5"}},
		{"with a sector filter inside", models.InitiativeFilter{Sectors: []string{"OSK", "TEK"}, Sector: "TEK"}, []string{"a-4", "a-5"}},
		{"with a sector filter outside", models.InitiativeFilter{Sectors: []string{"OSK", "TEK"}, Sector: "OBH"}, []string{}},
		{"empty reaches none", models.InitiativeFilter{Sectors: []string{}}, []string{}},
	} {
		page, err := s.ListInitiatives(context.Background(), tt.filter)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(page.Items); !slices.Equal(got, tt.want) || page.Total != int64(len(tt.want)) {
			t.Errorf("%s: %v (total %d), want %v", tt.name, got, page.Total, tt.want)
		}
	}
}

func testMigrateGrants(t *testing.T, backend string) {
	ctx := context.Background()
	s, err := gormstore.Open(ctx, gormtest.TestURL(t, backend), gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if err := s.MigrateBefore(ctx, 6); err != nil {
		t.Fatal(err)
	}
	// As release 5 wrote them: a role, no grants; keys scoped by name.
	at := time.Now().UTC()
	for _, stmt := range []struct {
		sql  string
		args []any
	}{
		{"INSERT INTO tokens (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)", []any{"tok_old", "Gammel", "saksbehandler", "h-old", at}},
		{"INSERT INTO idempotency_keys (scope, key, request_hash, status_code, body, created_at) VALUES (?, ?, ?, ?, ?, ?)", []any{"Gammel", "k1", "h", 201, []byte("{}"), at}},
	} {
		if err := s.ExecSQL(ctx, stmt.sql, stmt.args...); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	tok, err := s.TokenByHash(ctx, "h-old")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tok.Grants, []models.Grant{{Role: models.RoleSaksbehandler}}) || tok.Role != models.RoleSaksbehandler {
		t.Errorf("migrated token: grants %v role %s", tok.Grants, tok.Role)
	}
	if _, err := s.GetIdempotency(ctx, "Gammel", "k1"); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("a key scoped by name survived: %v", err)
	}
}
