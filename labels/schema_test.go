package labels

import (
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/baerum/styring/internal/repotest"
)

// dump lists what the schema walk finds: go test ./labels -run TestSchemaFields -dump -v
var dump = flag.Bool("dump", false, "log every pointer template and enumeration of the initiative schema, and a catalog stub for the fields the catalog lacks")

// schemaPath is the initiative schema, the contract the catalog labels.
const schemaPath = "policies/schema/initiative.schema.json"

// schemaField is what the schema says about one pointer template.
type schemaField struct {
	Pointer     string
	Types       []string
	Enum        []string // the enumeration's values as text, in the schema's order; nil when none
	Min, Max    *float64
	Description string
}

// intRange returns the values of an integer field with both bounds ("1" … "17"), when there are few.
func (f *schemaField) intRange() ([]string, bool) {
	if !slices.Contains(f.Types, "integer") || f.Min == nil || f.Max == nil || *f.Max-*f.Min > 100 {
		return nil, false
	}
	var vs []string
	for v := int(*f.Min); v <= int(*f.Max); v++ {
		vs = append(vs, strconv.Itoa(v))
	}
	return vs, true
}

// schemaWalk walks a JSON Schema from its root and returns every pointer template an
// instance can have: each property (properties) and each array's items (items, as
// "*"), through local $refs and the alternatives of oneOf/anyOf/allOf. Keywords that
// would give instance locations it cannot name as a template (patternProperties,
// additionalProperties or unevaluatedProperties with a schema, prefixItems,
// if/then/else, dependentSchemas) and $refs outside the document are errors, so a
// schema that grows one fails the test instead of leaving fields unlabelled.
type schemaWalk struct {
	root   map[string]any
	fields map[string]*schemaField
	order  []string // templates in the order first met (properties sorted by name within an object)
	errs   []string
}

func walkSchema(raw []byte) (*schemaWalk, error) {
	var root map[string]any
	if err := json.Unmarshal(raw, &root); err != nil {
		return nil, err
	}
	w := &schemaWalk{root: root, fields: map[string]*schemaField{}}
	w.walk(root, "", nil)
	if len(w.errs) > 0 {
		return w, fmt.Errorf("schema walk: %s", strings.Join(w.errs, "; "))
	}
	return w, nil
}

func (w *schemaWalk) field(ptr string) *schemaField {
	f, ok := w.fields[ptr]
	if !ok {
		f = &schemaField{Pointer: ptr}
		w.fields[ptr] = f
		w.order = append(w.order, ptr)
	}
	return f
}

// walk visits the schema node s, which applies at instance template ptr; refs are
// the $refs being followed, to stop on a recursive schema.
func (w *schemaWalk) walk(s any, ptr string, refs []string) {
	node, ok := s.(map[string]any)
	if !ok {
		return // true or false: no locations of their own
	}
	for _, k := range []string{"patternProperties", "prefixItems", "if", "then", "else", "dependentSchemas"} {
		if _, has := node[k]; has {
			w.errs = append(w.errs, fmt.Sprintf("%s: %s is not supported by the label walk", orRoot(ptr), k))
		}
	}
	for _, k := range []string{"additionalProperties", "unevaluatedProperties", "unevaluatedItems"} {
		if _, isSchema := node[k].(map[string]any); isSchema {
			w.errs = append(w.errs, fmt.Sprintf("%s: %s with a schema is not supported by the label walk", orRoot(ptr), k))
		}
	}
	if ref, has := node["$ref"].(string); has {
		target, err := w.resolve(ref)
		switch {
		case err != nil:
			w.errs = append(w.errs, fmt.Sprintf("%s: %v", orRoot(ptr), err))
		case slices.Contains(refs, ref):
			w.errs = append(w.errs, fmt.Sprintf("%s: recursive $ref %s cannot be listed as templates", orRoot(ptr), ref))
		default:
			w.walk(target, ptr, append(slices.Clip(refs), ref))
		}
	}
	if ptr != "" {
		f := w.field(ptr)
		if t, ok := node["type"].(string); ok && !slices.Contains(f.Types, t) {
			f.Types = append(f.Types, t)
		}
		if ts, ok := node["type"].([]any); ok {
			for _, t := range ts {
				if s, ok := t.(string); ok && !slices.Contains(f.Types, s) {
					f.Types = append(f.Types, s)
				}
			}
		}
		if d, ok := node["description"].(string); ok && f.Description == "" {
			f.Description = d
		}
		if m, ok := node["minimum"].(float64); ok {
			f.Min = &m
		}
		if m, ok := node["maximum"].(float64); ok {
			f.Max = &m
		}
		var values []any
		if e, ok := node["enum"].([]any); ok {
			values = e
		}
		if c, ok := node["const"]; ok {
			values = []any{c}
		}
		for _, v := range values {
			if t := valueText(v); !slices.Contains(f.Enum, t) {
				f.Enum = append(f.Enum, t)
			}
		}
	}
	if props, ok := node["properties"].(map[string]any); ok {
		names := make([]string, 0, len(props))
		for name := range props {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			w.walk(props[name], ptr+"/"+escape(name), refs)
		}
	}
	if items, ok := node["items"]; ok {
		w.walk(items, ptr+"/*", refs)
	}
	for _, k := range []string{"oneOf", "anyOf", "allOf"} {
		if alts, ok := node[k].([]any); ok {
			for _, alt := range alts {
				w.walk(alt, ptr, refs)
			}
		}
	}
}

// resolve finds the target of a $ref within the document ("#/$defs/date").
func (w *schemaWalk) resolve(ref string) (any, error) {
	if !strings.HasPrefix(ref, "#") {
		return nil, fmt.Errorf("$ref %s points outside the schema document", ref)
	}
	var cur any = w.root
	frag := strings.TrimPrefix(ref, "#")
	if frag == "" {
		return cur, nil
	}
	if frag[0] != '/' {
		return nil, fmt.Errorf("$ref %s: only JSON-pointer fragments are supported", ref)
	}
	for _, seg := range strings.Split(frag[1:], "/") {
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("$ref %s does not resolve", ref)
		}
		if cur, ok = obj[seg]; !ok {
			return nil, fmt.Errorf("$ref %s does not resolve", ref)
		}
	}
	return cur, nil
}

// valueText is an enumeration value as EnumLabel takes it: a string as it is, anything else as JSON.
func valueText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func escape(name string) string {
	return strings.ReplaceAll(strings.ReplaceAll(name, "~", "~0"), "/", "~1")
}

func orRoot(ptr string) string {
	if ptr == "" {
		return "(root)"
	}
	return ptr
}

// readSchema walks the repository's initiative schema.
func readSchema(t *testing.T) *schemaWalk {
	t.Helper()
	w, err := walkSchema(repotest.ReadFile(t, schemaPath))
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	if len(w.order) == 0 {
		t.Fatalf("%s: the walk found no fields", schemaPath)
	}
	return w
}

// logDump lists the walk and a stub for the fields the catalog lacks, for -dump.
func logDump(t *testing.T, w *schemaWalk, c *Catalogue) {
	t.Helper()
	var b strings.Builder
	enums := 0
	for _, p := range w.order {
		f := w.fields[p]
		types := strings.Join(f.Types, "|")
		if types == "" {
			types = "-"
		}
		fmt.Fprintf(&b, "%-48s %s", p, types)
		if f.Enum != nil {
			enums++
			fmt.Fprintf(&b, " enum %s", strings.Join(f.Enum, ", "))
		}
		b.WriteByte('\n')
	}
	t.Logf("%s: %d pointer templates, %d enumerations\n%s", schemaPath, len(w.order), enums, b.String())
	var stub []string
	for _, p := range w.order {
		if _, ok := c.fields[p]; ok {
			continue
		}
		e := map[string]any{"pointer": p, "label": map[string]string{"nb": "", "en": ""}, "help": map[string]string{"nb": "", "en": ""}}
		if w.fields[p].Enum != nil {
			e["values"] = "TODO"
		}
		line, _ := json.Marshal(e)
		stub = append(stub, "    "+string(line))
	}
	if len(stub) > 0 {
		t.Logf("catalog.json stub for the fields it lacks:\n%s", strings.Join(stub, ",\n"))
	}
}
