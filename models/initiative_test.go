package models_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/models"
)

// TestListsAreTheSchemasEnums keeps the Go lists of sectors, statuses and types
// equal to the enums of the contract's schema, in the schema's order.
func TestListsAreTheSchemasEnums(t *testing.T) {
	var schema struct {
		Defs struct {
			Sector struct{ Enum []string } `json:"sector"`
			Status struct{ Enum []string } `json:"status"`
		} `json:"$defs"`
		Properties struct {
			Type struct{ Enum []string } `json:"type"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(repotest.ReadFile(t, "policies/schema/initiative.schema.json"), &schema); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want []string
	}{
		{"models.Sectors ($defs/sector)", models.Sectors, schema.Defs.Sector.Enum},
		{"models.Statuses ($defs/status)", models.Statuses, schema.Defs.Status.Enum},
		{"models.InitiativeTypes (properties/type)", models.InitiativeTypes, schema.Properties.Type.Enum},
	} {
		if len(c.want) == 0 {
			t.Errorf("%s: the schema has no such enum", c.name)
			continue
		}
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s = %q, the schema's enum is %q", c.name, c.got, c.want)
		}
	}
}
