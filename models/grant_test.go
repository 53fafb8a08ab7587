package models_test

import (
	"slices"
	"testing"

	"github.com/baerum/styring/models"
)

func TestParseGrant(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		fails    bool
	}{
		{in: "leder", want: "leder"},
		{in: "saksbehandler:OBH,OSK", want: "saksbehandler:OSK,OBH"}, // the order of models.Sectors
		{in: " leder : OSK , OSK ", want: "leder:OSK"},
		{in: "boss:OSK", fails: true},
		{in: "leder:XYZ", fails: true},
		{in: "leder:", fails: true},
		{in: "leder:OSK,,OBH", fails: true},
		{in: "", fails: true},
	} {
		g, err := models.ParseGrant(tt.in)
		switch {
		case tt.fails && err == nil:
			t.Errorf("%q: parsed as %s, want an error", tt.in, g)
		case !tt.fails && err != nil:
			t.Errorf("%q: %v", tt.in, err)
		case !tt.fails && g.String() != tt.want:
			t.Errorf("%q: %s, want %s", tt.in, g, tt.want)
		}
	}
}

func TestNormalizeGrants(t *testing.T) {
	gs, err := models.NormalizeGrants([]models.Grant{
		{Role: models.RoleLeder, Sectors: []string{"OBH"}},
		{Role: models.RoleSaksbehandler, Sectors: []string{"PMK"}},
		{Role: models.RoleLeder, Sectors: []string{"OSK"}},
		{Role: models.RoleSaksbehandler},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := models.FormatGrants(gs); got != "leder:OSK,OBH saksbehandler" {
		t.Errorf("merged to %q", got)
	}
	if _, err := models.NormalizeGrants(nil); err == nil {
		t.Error("a token without grants was accepted")
	}
}

// TestCallerPairs: a caller reaches a sector through a grant whose role may
// call the route; leder of OSK and saksbehandler of OBH is not leder of OBH.
func TestCallerPairs(t *testing.T) {
	tok, _, err := models.NewTokenGrants("mixed", []models.Grant{
		{Role: models.RoleLeder, Sectors: []string{"OSK"}},
		{Role: models.RoleSaksbehandler, Sectors: []string{"OBH", "PMK"}},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if tok.Role != models.RoleLeder {
		t.Errorf("Role %s, want the first grant's", tok.Role)
	}
	caller := tok.Caller()
	only := func(roles ...models.Role) func(models.Role) bool {
		return func(r models.Role) bool { return slices.Contains(roles, r) }
	}
	managers := caller.Within(only(models.RoleLeder))
	if !managers.Reaches("OSK") || managers.Reaches("OBH") || managers.Unscoped() {
		t.Errorf("as leder: reaches OSK %v, OBH %v", managers.Reaches("OSK"), managers.Reaches("OBH"))
	}
	if got := managers.Sectors(); !slices.Equal(got, []string{"OSK"}) {
		t.Errorf("as leder: sectors %v", got)
	}
	submitters := caller.Within(only(models.RoleSaksbehandler, models.RoleLeder))
	if got := submitters.Sectors(); !slices.Equal(got, []string{"OSK", "OBH", "PMK"}) {
		t.Errorf("as submitter: sectors %v", got)
	}
	if none := caller.Within(only(models.RoleWorkflow)); len(none.Grants) != 0 || none.Reaches("OSK") || none.Sectors() == nil {
		t.Errorf("as workflow: %+v", none)
	}
	if err := managers.ReachInitiative(models.Initiative{ID: "X", Sector: "OBH"}); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("unreachable initiative: %v, want ENOTFOUND", err)
	}
	unscoped := models.Caller{Grants: []models.Grant{{Role: models.RoleWorkflow}}}
	if !unscoped.Unscoped() || unscoped.Sectors() != nil || !unscoped.Reaches("VAR") {
		t.Errorf("unscoped: %+v", unscoped)
	}
}

func TestReachDecision(t *testing.T) {
	osk := models.Caller{TokenID: "tok_a", Grants: []models.Grant{{Role: models.RoleSaksbehandler, Sectors: []string{"OSK"}}}}
	own := models.Decision{CallerID: "tok_a"}
	other := models.Decision{CallerID: "tok_b"}
	for _, tt := range []struct {
		name   string
		caller models.Caller
		d      models.Decision
		sector string
		want   bool
	}{
		{"its own check", osk, own, "", true},
		{"its own check of another sector's initiative", osk, own, "OBH", true},
		{"another's check of no stored initiative", osk, other, "", false},
		{"a decision of its sector's initiative", osk, other, "OSK", true},
		{"a decision of another sector's initiative", osk, other, "OBH", false},
		{"a namesake's decision", models.Caller{TokenID: "tok_c", Name: "Twin", Grants: osk.Grants}, models.Decision{Caller: "Twin", CallerID: "tok_d"}, "", false},
		{"an old decision without a token id", models.Caller{Grants: osk.Grants}, models.Decision{}, "", false},
		{"unscoped reads all", models.Caller{Grants: []models.Grant{{Role: models.RoleWorkflow}}}, other, "", true},
	} {
		if got := tt.caller.ReachDecision(tt.d, tt.sector); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
