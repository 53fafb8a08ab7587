package policies

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/baerum/styring/models"
)

// SchemaError is one place where a document breaks initiative.schema.json: the
// instance location as an RFC 6901 pointer and a message a person understands.
type SchemaError struct {
	Path    string      `json:"path"`
	Message models.Text `json:"message"`
}

type schemaValidator struct{ schema *jsonschema.Schema }

const schemaURL = "https://styring.example/spec/initiative.schema.json"

func newSchemaValidator(raw []byte) (*schemaValidator, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("parse initiative schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // 2021-13-45 is not a date (rules.md, DAT-001)
	if err := c.AddResource(schemaURL, doc); err != nil {
		return nil, fmt.Errorf("add initiative schema: %w", err)
	}
	s, err := c.Compile(schemaURL)
	if err != nil {
		return nil, fmt.Errorf("compile initiative schema: %w", err)
	}
	return &schemaValidator{schema: s}, nil
}

// Validate returns every schema error of doc (a value from ParseDocument), sorted
// by path; none when the document is valid.
func (v *schemaValidator) Validate(doc any) []SchemaError {
	err := v.schema.Validate(doc)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []SchemaError{{Path: "", Message: models.Text{NB: "dokumentet kunne ikke valideres: " + err.Error(), EN: "the document could not be validated: " + err.Error()}}}
	}
	var out []SchemaError
	seen := map[SchemaError]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		se := describe(doc, e)
		if !seen[se] {
			seen[se] = true
			out = append(out, se)
		}
	}
	walk(ve)
	slices.SortStableFunc(out, func(a, b SchemaError) int { return strings.Compare(a.Path, b.Path) })
	return out
}

var enPrinter = message.NewPrinter(language.English)

// enumNouns names, in Norwegian, what an enumerated field holds, so that the
// message reads "«XYZ» er ikke en gyldig sektor".
var enumNouns = map[string][2]string{
	"sector":             {"sektor", "sector"},
	"involved_sectors":   {"sektor", "sector"},
	"type":               {"tiltakstype", "initiative type"},
	"status":             {"status", "status"},
	"account":            {"konto (drift eller investering)", "account (drift or investering)"},
	"bucket":             {"gevinstkategori", "gain bucket"},
	"source":             {"finansieringskilde", "financing source"},
	"veikart_area":       {"satsingsområde i Veikart 2024", "Veikart 2024 focus area"},
	"category":           {"anskaffelseskategori", "procurement category"},
	"procedure":          {"anskaffelsesprosedyre", "procurement procedure"},
	"legal_basis":        {"behandlingsgrunnlag (bokstav i GDPR art. 6 (1))", "legal basis (letter of GDPR art. 6 (1))"},
	"dpia_status":        {"DPIA-status", "DPIA status"},
	"kind":               {"type", "kind"},
	"wcag_version":       {"WCAG-versjon", "WCAG version"},
	"wcag_level":         {"WCAG-nivå", "WCAG level"},
	"phase":              {"målefase (for, under, etter)", "measurement phase (for, under, etter)"},
	"compliance":         {"vurdering av etterlevelse", "compliance assessment"},
	"body":               {"vedtaksorgan", "decision body"},
	"direction":          {"retning (up eller down)", "direction (up or down)"},
	"theme":              {"klimatema", "climate theme"},
	"project_phase":      {"prosjektfase", "project phase"},
	"transfer_mechanism": {"overføringsgrunnlag", "transfer mechanism"},
	"covers":             {"risikoområde", "risk area"},
}

var typeNouns = map[string][2]string{
	"string":  {"tekst", "a string"},
	"integer": {"et heltall", "an integer"},
	"number":  {"et tall", "a number"},
	"boolean": {"true eller false", "true or false"},
	"array":   {"en liste", "an array"},
	"object":  {"et objekt", "an object"},
	"null":    {"null", "null"},
}

// describe turns one leaf validation error into a path and a message in both languages.
func describe(doc any, e *jsonschema.ValidationError) SchemaError {
	loc := e.InstanceLocation
	field := "dokumentet"
	fieldEN := "the document"
	if len(loc) > 0 {
		field = displayPath(loc)
		fieldEN = field
	}
	last := ""
	for i := len(loc) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(loc[i]); err != nil {
			last = loc[i]
			break
		}
	}
	got := lookup(doc, loc)
	nb, en := "", ""
	switch k := e.ErrorKind.(type) {
	case *kind.Type:
		want := make([]string, 0, len(k.Want))
		wantEN := make([]string, 0, len(k.Want))
		for _, w := range k.Want {
			want = append(want, typeNouns[w][0])
			wantEN = append(wantEN, typeNouns[w][1])
		}
		nb = fmt.Sprintf("%s er %s, men skal være %s", shown(got), typeNouns[k.Got][0], strings.Join(want, " eller "))
		en = fmt.Sprintf("%s is %s but must be %s", shown(got), typeNouns[k.Got][1], strings.Join(wantEN, " or "))
	case *kind.Enum:
		valid := make([]string, 0, len(k.Want))
		for _, w := range k.Want {
			valid = append(valid, fmt.Sprint(w))
		}
		noun, ok := enumNouns[last]
		if !ok {
			noun = [2]string{"verdi", "value"}
		}
		nb = fmt.Sprintf("%s er ikke en gyldig %s; gyldige: %s", shown(got), noun[0], strings.Join(valid, ", "))
		en = fmt.Sprintf("%s is not a valid %s; valid: %s", shown(got), noun[1], strings.Join(valid, ", "))
	case *kind.Required:
		nb = fmt.Sprintf("mangler påkrevd felt %s", quoteAll(k.Missing, " og "))
		en = fmt.Sprintf("missing required field %s", quoteAll(k.Missing, " and "))
	case *kind.AdditionalProperties:
		nb = fmt.Sprintf("ukjent felt %s er ikke tillatt her", quoteAll(k.Properties, ", "))
		en = fmt.Sprintf("unknown field %s is not allowed here", quoteAll(k.Properties, ", "))
	case *kind.Format:
		if k.Want == "date" {
			nb = fmt.Sprintf("%s er ikke en gyldig dato; bruk ÅÅÅÅ-MM-DD, f.eks. 2024-01-31", shown(got))
			en = fmt.Sprintf("%s is not a valid date; use YYYY-MM-DD, e.g. 2024-01-31", shown(got))
		} else {
			nb = fmt.Sprintf("%s har ikke gyldig format (%s)", shown(got), k.Want)
			en = fmt.Sprintf("%s is not a valid %s", shown(got), k.Want)
		}
	case *kind.Pattern:
		nb = fmt.Sprintf("%s har ikke gyldig form (mønster %s)", shown(got), k.Want)
		en = fmt.Sprintf("%s does not have a valid form (pattern %s)", shown(got), k.Want)
	case *kind.Minimum:
		nb = fmt.Sprintf("%s er mindre enn laveste tillatte verdi %s", rat(k.Got), rat(k.Want))
		en = fmt.Sprintf("%s is below the lowest allowed value %s", rat(k.Got), rat(k.Want))
	case *kind.Maximum:
		nb = fmt.Sprintf("%s er større enn høyeste tillatte verdi %s", rat(k.Got), rat(k.Want))
		en = fmt.Sprintf("%s is above the highest allowed value %s", rat(k.Got), rat(k.Want))
	case *kind.MinLength:
		nb = fmt.Sprintf("teksten har %d tegn; minst %d kreves", k.Got, k.Want)
		en = fmt.Sprintf("the text has %d characters; at least %d are required", k.Got, k.Want)
	case *kind.MaxLength:
		nb = fmt.Sprintf("teksten har %d tegn; høyst %d er tillatt", k.Got, k.Want)
		en = fmt.Sprintf("the text has %d characters; at most %d are allowed", k.Got, k.Want)
	case *kind.MaxItems:
		nb = fmt.Sprintf("listen har %d elementer; høyst %d er tillatt", k.Got, k.Want)
		en = fmt.Sprintf("the list has %d items; at most %d are allowed", k.Got, k.Want)
	case *kind.MinItems:
		nb = fmt.Sprintf("listen har %d elementer; minst %d kreves", k.Got, k.Want)
		en = fmt.Sprintf("the list has %d items; at least %d are required", k.Got, k.Want)
	case *kind.UniqueItems:
		nb = fmt.Sprintf("element %d og %d er like; hver verdi kan bare stå én gang", k.Duplicates[0], k.Duplicates[1])
		en = fmt.Sprintf("items %d and %d are equal; each value may appear only once", k.Duplicates[0], k.Duplicates[1])
	case *kind.FalseSchema:
		nb, en = "feltet er ikke tillatt her", "the field is not allowed here"
	default:
		s := e.ErrorKind.LocalizedString(enPrinter)
		nb, en = s, s
	}
	return SchemaError{
		Path:    pointer(loc),
		Message: models.Text{NB: field + ": " + nb, EN: fieldEN + ": " + en},
	}
}

// pointer renders a location as an RFC 6901 JSON pointer ("" for the root).
func pointer(loc []string) string {
	var b strings.Builder
	for _, tok := range loc {
		b.WriteByte('/')
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(tok))
	}
	return b.String()
}

// displayPath renders a location the way a person reads it: budget_effects[1].amount_knok.
func displayPath(loc []string) string {
	var b strings.Builder
	for _, tok := range loc {
		if _, err := strconv.Atoi(tok); err == nil {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
	}
	return b.String()
}

func lookup(doc any, loc []string) any {
	cur := doc
	for _, tok := range loc {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil
			}
			cur = c[i]
		default:
			return nil
		}
	}
	return cur
}

// shown quotes a value the Norwegian way: «XYZ».
func shown(v any) string {
	switch x := v.(type) {
	case string:
		return "«" + x + "»"
	case map[string]any:
		return "objektet"
	case []any:
		return "listen"
	case nil:
		return "null"
	}
	return "«" + fmt.Sprint(v) + "»"
}

func quoteAll(names []string, sep string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "«" + n + "»"
	}
	return strings.Join(q, sep)
}

func rat(r *big.Rat) string {
	if r == nil {
		return "?"
	}
	if r.IsInt() {
		return r.Num().String()
	}
	f, _ := r.Float64()
	return strconv.FormatFloat(f, 'f', -1, 64)
}
