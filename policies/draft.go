package policies

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// EvaluateDraft is Evaluate in draft mode (docs/readings.md, "Draft checks"):
// the schema's errors are DAT-001 violations, each at its instance location,
// exactly as for a submission, and every other rule runs as well, on the
// document as it stands, however incomplete.
//
// The rules read the draft without the values that break the schema: a value
// of the wrong type, outside its range, of a wrong format or not in its enum is
// left out (a member is removed, an array item becomes null, so paths keep their
// indices), as though not filled in yet. DAT-001 says what is wrong with each;
// no rule reads a string where it expects a number, or loops over a year
// -1000000000 long. A document whose root is not an object gets DAT-001 alone.
//
// The Rego is the catalog's and stays untouched: the prepared query runs once
// with the schema errors (the entry point then yields DAT-001 alone) and once
// with none (every rule runs; DAT-001 has nothing to report). A document that
// matches the schema is evaluated once, and yields exactly what Evaluate yields.
func (r *Revision) EvaluateDraft(ctx context.Context, doc any, asOf string, opts ...rego.EvalOption) ([]RawViolation, error) {
	errs := r.schemaErrorTerms(doc)
	rulesDoc, ok := doc, true
	if len(errs) > 0 {
		rulesDoc, ok = r.schema.withoutInvalidValues(doc)
	}
	if !ok {
		rulesDoc = map[string]any{}
	}
	docValue, err := toValue(rulesDoc)
	if err != nil {
		return nil, fmt.Errorf("convert input: %w", err)
	}
	var rules []RawViolation
	if ok {
		if rules, err = r.evalQuery(ctx, docValue, asOf, nil, opts...); err != nil || len(errs) == 0 {
			return rules, err
		}
	}
	dat, err := r.evalQuery(ctx, docValue, asOf, errs, opts...)
	if err != nil {
		return nil, err
	}
	return append(dat, rules...), nil
}

// withoutInvalidValues returns a copy of doc without the values the schema
// refuses in themselves (type, range, format, pattern, enum, length, …), and
// false when that is the root. Errors about a container (a missing required
// member, an unknown one) remove nothing. doc itself is not changed.
func (v *schemaValidator) withoutInvalidValues(doc any) (any, bool) {
	err := v.schema.Validate(doc)
	var ve *jsonschema.ValidationError
	if err == nil || !errors.As(err, &ve) {
		return doc, err == nil
	}
	var locs [][]string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		for _, c := range e.Causes {
			walk(c)
		}
		if len(e.Causes) == 0 && valueError(e.ErrorKind) {
			locs = append(locs, e.InstanceLocation)
		}
	}
	walk(ve)
	for _, loc := range locs {
		if len(loc) == 0 {
			return nil, false
		}
		doc = without(doc, loc)
	}
	return doc, true
}

// valueError reports an error about a value itself, not about the members of
// the object it sits in.
func valueError(k jsonschema.ErrorKind) bool {
	switch k.(type) {
	case *kind.Type, *kind.Enum, *kind.Const, *kind.Format, *kind.Pattern,
		*kind.Minimum, *kind.Maximum, *kind.ExclusiveMinimum, *kind.ExclusiveMaximum, *kind.MultipleOf,
		*kind.MinLength, *kind.MaxLength, *kind.MaxItems, *kind.UniqueItems, *kind.FalseSchema:
		return true
	}
	return false
}

// without returns v with the node at loc left out, copying only the containers
// on the way: an object member is removed, an array item becomes null.
func without(v any, loc []string) any {
	switch x := v.(type) {
	case map[string]any:
		child, ok := x[loc[0]]
		if !ok {
			return v
		}
		m := maps.Clone(x)
		if len(loc) == 1 {
			delete(m, loc[0])
		} else {
			m[loc[0]] = without(child, loc[1:])
		}
		return m
	case []any:
		i, err := strconv.Atoi(loc[0])
		if err != nil || i < 0 || i >= len(x) {
			return v
		}
		s := slices.Clone(x)
		if len(loc) == 1 {
			s[i] = nil
		} else {
			s[i] = without(x[i], loc[1:])
		}
		return s
	}
	return v
}
