package models_test

import (
	"reflect"
	"testing"

	"github.com/baerum/styring/models"
)

func TestDiffViolations(t *testing.T) {
	v := func(rule, path string) models.Violation {
		p := path
		return models.Violation{RuleID: rule, Severity: models.SeverityError, Path: &p}
	}
	ids := func(vs []models.Violation) []string {
		out := []string{}
		for _, x := range vs {
			out = append(out, x.RuleID+" "+x.PathOr(""))
		}
		return out
	}
	for _, c := range []struct {
		name           string
		before, after  []models.Violation
		added, removed []string
	}{
		{"nothing changed", []models.Violation{v("A", "/x")}, []models.Violation{v("A", "/x")}, []string{}, []string{}},
		{"one appears, one goes", []models.Violation{v("A", "/x")}, []models.Violation{v("B", "/y")}, []string{"B /y"}, []string{"A /x"}},
		{"a repeated violation counts as many times as it occurs", []models.Violation{v("A", "/x")}, []models.Violation{v("A", "/x"), v("A", "/x")}, []string{"A /x"}, []string{}},
		{"another field is another violation", []models.Violation{v("A", "/x")}, []models.Violation{v("A", "/z")}, []string{"A /z"}, []string{"A /x"}},
		{"empty lists", nil, nil, []string{}, []string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			added, removed := models.DiffViolations(c.before, c.after, models.KeyOf)
			if got := ids(added); !reflect.DeepEqual(got, c.added) {
				t.Errorf("added = %v, want %v", got, c.added)
			}
			if got := ids(removed); !reflect.DeepEqual(got, c.removed) {
				t.Errorf("removed = %v, want %v", got, c.removed)
			}
		})
	}
}
