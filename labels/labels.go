// Package labels is the one label catalog of the case-handler workbench: for
// every field of the initiative schema (policies/schema/initiative.schema.json),
// addressed by a JSON-pointer template, a label and a short help text a case
// handler understands, and for every value of every enumeration its label, in
// Norwegian bokmål and English; and the sections the workbench form groups the
// fields in. The form, the rule messages and the report all take their field
// and value names from here, so a field is called the same everywhere.
//
// A pointer template is an RFC 6901 pointer whose array indexes are "*":
// "/budget_effects/*/amount_knok". Every function that takes a pointer also
// takes a concrete one ("/budget_effects/3/amount_knok", as a violation's path
// gives it) or one with "-" for an item not yet added; see [Template].
//
// The data is catalog.json beside this file; a test walks the schema and fails
// for a field or value without both labels, for a catalog entry the schema no
// longer has, and for a top-level property not in exactly one section.
package labels

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/baerum/styring/models"
)

//go:embed catalog.json
var catalogJSON []byte

// Field is one field of the initiative: an object property or the items of an array.
type Field struct {
	// Pointer is the field's pointer template, e.g. "/kpis/*/measurements/*/phase".
	Pointer string `json:"pointer"`
	// Label names the field, short enough for a form label: "Beløp (1000 kr)".
	Label models.Text `json:"label"`
	// Help says in a sentence or two what to fill in.
	Help models.Text `json:"help"`
	// Values names the value list of a field with a fixed set of values (an
	// enumeration of the schema, or the numbered UN goals); empty otherwise.
	Values string `json:"values,omitempty"`
}

// Value is one allowed value of a field and its label.
type Value struct {
	// Value is the value as the document holds it, as text ("OSK", "2.1", "13").
	Value string      `json:"value"`
	Label models.Text `json:"label"`
}

// ValueList is a named list of values, in the schema's order; fields with the
// same enumeration (the sectors, the two budgets) share one.
type ValueList struct {
	Name   string  `json:"name"`
	Values []Value `json:"values"`
}

// Section is a part of the workbench form that a case handler recognises.
type Section struct {
	// ID is a stable name for links and anchors, e.g. "okonomi".
	ID    string      `json:"id"`
	Title models.Text `json:"title"`
	// Help says what the section covers.
	Help models.Text `json:"help"`
	// Pointers are the top-level properties the section holds, in form order.
	Pointers []string `json:"pointers"`
}

// Catalogue is the parsed catalog. Its slices are shared: read them, never change them.
type Catalogue struct {
	// Fields are every field, parents before their children, in the schema's order.
	Fields []Field `json:"fields"`
	// Lists are the value lists the fields name.
	Lists []ValueList `json:"value_lists"`
	// Sections are the form's sections in form order.
	Sections []Section `json:"sections"`

	fields  map[string]int // template → index in Fields
	lists   map[string]int // name → index in Lists
	section map[string]int // top-level template → index in Sections
}

var load = sync.OnceValues(func() (*Catalogue, error) { return parse(catalogJSON) })

// Catalog returns the catalog, parsed once. The embedded data is checked by the
// tests, so a catalog that does not parse is a build error and panics.
func Catalog() *Catalogue {
	c, err := load()
	if err != nil {
		panic(err)
	}
	return c
}

// parse reads and indexes a catalog and checks that it is consistent in itself:
// every pointer well formed and given once, after its parent, every named value
// list present, every section pointer a top-level field in one section. It
// reports every problem it finds, not only the first.
func parse(data []byte) (*Catalogue, error) {
	var c Catalogue
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("labels: catalog.json: %w", err)
	}
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf("labels: "+format, args...)) }
	c.lists = make(map[string]int, len(c.Lists))
	for i, l := range c.Lists {
		if _, dup := c.lists[l.Name]; dup {
			fail("value list %q is given twice", l.Name)
			continue
		}
		c.lists[l.Name] = i
		seen := map[string]bool{}
		for _, v := range l.Values {
			if seen[v.Value] {
				fail("value list %q has %q twice", l.Name, v.Value)
			}
			seen[v.Value] = true
		}
	}
	c.fields = make(map[string]int, len(c.Fields))
	for i, f := range c.Fields {
		if f.Pointer == "" || f.Pointer[0] != '/' || Template(f.Pointer) != f.Pointer {
			fail("field %q is not a pointer template", f.Pointer)
			continue
		}
		if _, dup := c.fields[f.Pointer]; dup {
			fail("field %s is given twice", f.Pointer)
			continue
		}
		if p := parent(f.Pointer); p != "" {
			if _, ok := c.fields[p]; !ok {
				fail("field %s comes before its parent %s, or without it", f.Pointer, p)
			}
		}
		if _, ok := c.lists[f.Values]; f.Values != "" && !ok {
			fail("field %s names value list %q, which does not exist", f.Pointer, f.Values)
		}
		c.fields[f.Pointer] = i
	}
	c.section = map[string]int{}
	ids := map[string]bool{}
	for i, s := range c.Sections {
		if s.ID == "" || ids[s.ID] {
			fail("section id %q is empty or given twice", s.ID)
		}
		ids[s.ID] = true
		for _, p := range s.Pointers {
			if _, ok := c.fields[p]; !ok || parent(p) != "" {
				fail("section %s holds %q, which is not a top-level field", s.ID, p)
				continue
			}
			if j, dup := c.section[p]; dup {
				fail("%s is in both section %s and %s", p, c.Sections[j].ID, s.ID)
				continue
			}
			c.section[p] = i
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &c, nil
}

// Template returns the pointer template of a JSON pointer: every array index
// (a segment of digits) and every "-" (the item after the last) becomes "*".
// A template stays as it is; "" (the whole document) is "".
func Template(pointer string) string {
	if !strings.Contains(pointer, "/") {
		return pointer
	}
	segs := strings.Split(pointer, "/")
	for i, s := range segs {
		if i > 0 && isIndex(s) {
			segs[i] = "*"
		}
	}
	return strings.Join(segs, "/")
}

// isIndex reports whether a pointer segment stands for an array item.
func isIndex(seg string) bool {
	if seg == "-" || seg == "*" {
		return true
	}
	if seg == "" {
		return false
	}
	for _, r := range seg {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// parent is the pointer one level up; "" for a top-level pointer and for "".
func parent(pointer string) string {
	if i := strings.LastIndexByte(pointer, '/'); i > 0 {
		return pointer[:i]
	}
	return ""
}

// Field returns the field a pointer (concrete or template) addresses.
func (c *Catalogue) Field(pointer string) (Field, bool) {
	i, ok := c.fields[Template(pointer)]
	if !ok {
		return Field{}, false
	}
	return c.Fields[i], true
}

// Nearest returns the field a pointer addresses or, when the catalog has no such
// field (a key below the free-form extensions, a misspelt property), the
// nearest field above it. It fails only when not even the top-level property exists.
func (c *Catalogue) Nearest(pointer string) (Field, bool) {
	for p := Template(pointer); p != ""; p = parent(p) {
		if i, ok := c.fields[p]; ok {
			return c.Fields[i], true
		}
	}
	return Field{}, false
}

// Label returns the label of the field a pointer addresses.
func (c *Catalogue) Label(pointer string, lang models.Lang) (string, bool) {
	f, ok := c.Field(pointer)
	if !ok {
		return "", false
	}
	return f.Label.In(lang), true
}

// Help returns the help text of the field a pointer addresses.
func (c *Catalogue) Help(pointer string, lang models.Lang) (string, bool) {
	f, ok := c.Field(pointer)
	if !ok {
		return "", false
	}
	return f.Help.In(lang), true
}

// Values returns the allowed values of the field a pointer addresses, in the
// schema's order, and false when the field has no fixed set of values.
func (c *Catalogue) Values(pointer string) ([]Value, bool) {
	f, ok := c.Field(pointer)
	if !ok || f.Values == "" {
		return nil, false
	}
	return c.Lists[c.lists[f.Values]].Values, true
}

// EnumLabel returns the label of one value of the field a pointer addresses
// ("OSK" of "/sector" is "Oppvekst skole"). It fails for a field without a
// fixed set of values and for a value outside the set.
func (c *Catalogue) EnumLabel(pointer, value string, lang models.Lang) (string, bool) {
	vs, ok := c.Values(pointer)
	if !ok {
		return "", false
	}
	for _, v := range vs {
		if v.Value == value {
			return v.Label.In(lang), true
		}
	}
	return "", false
}

// SectionOf returns the form section a pointer belongs to: the section of its
// top-level property. It takes any pointer below a field the catalog knows —
// a whole array item ("/financing/11"), a field whose parent the document
// lacks ("/investment/rentable"), a key below the free-form extensions. It
// fails for "" (the whole document) and for a top-level property the schema
// does not have.
func (c *Catalogue) SectionOf(pointer string) (Section, bool) {
	if pointer == "" || pointer[0] != '/' {
		return Section{}, false
	}
	top := pointer
	if i := strings.IndexByte(pointer[1:], '/'); i >= 0 {
		top = pointer[:i+1]
	}
	i, ok := c.section[top]
	if !ok {
		return Section{}, false
	}
	return c.Sections[i], true
}

// Describe names a pointer for a person: the labels from the top down, an
// array item by its item label and its number counted from 1, joined by " › ":
// "/kpis/0/measurements/2/date" is "Styringsparameter 1 › Måling 3 › Dato".
// A segment the catalog has no field for is given as it is, and ok is false;
// "" (the whole document) is "" and false.
func (c *Catalogue) Describe(pointer string, lang models.Lang) (text string, ok bool) {
	if pointer == "" || pointer[0] != '/' {
		return "", false
	}
	segs := strings.Split(pointer[1:], "/")
	parts := make([]string, 0, len(segs))
	tmpl := ""
	ok = true
	for _, seg := range segs {
		raw := strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		if !isIndex(seg) {
			tmpl += "/" + seg
			parts = append(parts, c.labelOr(tmpl, raw, lang, &ok))
			continue
		}
		tmpl += "/*"
		i, known := c.fields[tmpl]
		if !known {
			parts = append(parts, raw)
			ok = false
			continue
		}
		item := c.Fields[i].Label.In(lang)
		if n, err := strconv.Atoi(seg); err == nil {
			item += " " + strconv.Itoa(n+1)
		}
		// The item's label with its number says more than the array's label before it.
		if len(parts) > 0 {
			parts = parts[:len(parts)-1]
		}
		parts = append(parts, item)
	}
	return strings.Join(parts, " › "), ok
}

// labelOr is the label of a template, or raw (and ok set to false) when the catalog lacks it.
func (c *Catalogue) labelOr(tmpl, raw string, lang models.Lang, ok *bool) string {
	if i, known := c.fields[tmpl]; known {
		return c.Fields[i].Label.In(lang)
	}
	*ok = false
	return raw
}

// Label returns the label of the field a pointer addresses, concrete
// ("/budget_effects/3/amount_knok") or a template.
func Label(pointer string, lang models.Lang) (string, bool) { return Catalog().Label(pointer, lang) }

// Help returns the help text of the field a pointer addresses.
func Help(pointer string, lang models.Lang) (string, bool) { return Catalog().Help(pointer, lang) }

// EnumLabel returns the label of one value of the field a pointer addresses.
func EnumLabel(pointer, value string, lang models.Lang) (string, bool) {
	return Catalog().EnumLabel(pointer, value, lang)
}

// Values returns the allowed values of the field a pointer addresses, in the schema's order.
func Values(pointer string) ([]Value, bool) { return Catalog().Values(pointer) }

// Sections returns the form's sections in form order (a copy of the list).
func Sections() []Section { return slices.Clone(Catalog().Sections) }

// SectionOf returns the form section a pointer belongs to; see [Catalogue.SectionOf].
func SectionOf(pointer string) (Section, bool) { return Catalog().SectionOf(pointer) }

// Nearest returns the field a pointer addresses or the nearest one above it; see [Catalogue.Nearest].
func Nearest(pointer string) (Field, bool) { return Catalog().Nearest(pointer) }

// Describe names a pointer for a person; see [Catalogue.Describe].
func Describe(pointer string, lang models.Lang) (string, bool) {
	return Catalog().Describe(pointer, lang)
}
