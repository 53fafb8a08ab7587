package policies

import (
	"encoding/json"

	"github.com/open-policy-agent/opa/v1/ast"
)

// toValue converts a document from ParseDocument (maps, slices, json.Number,
// strings, bools, nil) into OPA's value form in one direct pass, without the
// reflection of ast.InterfaceToValue: this runs once per check.
func toValue(v any) (ast.Value, error) {
	switch x := v.(type) {
	case nil:
		return ast.NullValue, nil
	case bool:
		return ast.InternedValue(x), nil
	case string:
		return ast.String(x), nil
	case json.Number:
		return ast.Number(x), nil
	case float64:
		return ast.FloatNumberTerm(x).Value, nil
	case int:
		return ast.IntNumberTerm(x).Value, nil
	case []any:
		terms := make([]*ast.Term, len(x))
		for i, e := range x {
			ev, err := toValue(e)
			if err != nil {
				return nil, err
			}
			terms[i] = ast.NewTerm(ev)
		}
		return ast.NewArray(terms...), nil
	case map[string]any:
		obj := ast.NewObjectWithCapacity(len(x))
		for k, e := range x {
			ev, err := toValue(e)
			if err != nil {
				return nil, err
			}
			obj.Insert(ast.StringTerm(k), ast.NewTerm(ev))
		}
		return obj, nil
	case []map[string]any:
		terms := make([]*ast.Term, len(x))
		for i, e := range x {
			ev, err := toValue(e)
			if err != nil {
				return nil, err
			}
			terms[i] = ast.NewTerm(ev)
		}
		return ast.NewArray(terms...), nil
	}
	return ast.InterfaceToValue(v)
}
