package policies

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/google/uuid"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/baerum/styring/models"
)

// CheckOptions are a check's parameters besides the document.
type CheckOptions struct {
	// AsOf is the caller's as-of date (YYYY-MM-DD); "" means submitted_at, else today.
	AsOf string
	// Lang selects the language of titles, messages and remedies.
	Lang models.Lang
	// Waivers of the initiative; a waiver in force marks its rule's violations waived.
	Waivers []models.Waiver
	// Now is the evaluation time (default time.Now); "today" and waiver expiry are read from it.
	Now time.Time
	// DecisionID, when set, is used instead of a new one (replays, idempotent retries).
	DecisionID string
	// Draft checks a form as it stands (docs/readings.md, "Draft checks"): the
	// schema's errors are DAT-001 violations as always, but every other rule runs
	// too, on the document as it is (EvaluateDraft). A draft is no decision: its
	// result has no decision id, and DecisionID is ignored.
	Draft bool
}

// ParseDocument decodes one JSON document, keeping numbers exact (json.Number),
// and reports a syntax error with its line and column. It is the one decoder of
// every request body: a document that is not I-JSON (RFC 7493: invalid UTF-8, a
// lone surrogate, a noncharacter, a member name twice in one object) or holds
// \u0000 is refused the same way, naming the member's JSON pointer (checkIJSON).
func ParseDocument(raw []byte) (any, error) {
	if err := checkDepth(raw); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, syntaxError(raw, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := lineCol(raw, dec.InputOffset())
		return nil, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("invalid JSON at line %d, column %d: unexpected data after the document", line, col),
			Details: map[string]int{"line": line, "column": col}}
	}
	if err := checkIJSON(raw); err != nil {
		return nil, err
	}
	return doc, nil
}

// MaxDepth is how deeply arrays and objects may nest in a document; the schema
// needs six levels, and a limit keeps a hostile body from exhausting the stack.
const MaxDepth = 64

// checkDepth refuses documents nested deeper than MaxDepth, before decoding.
func checkDepth(raw []byte) error {
	depth, inString, escaped := 0, false, false
	for i, b := range raw {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case b == '\\':
				escaped = true
			case b == '"':
				inString = false
			}
		case b == '"':
			inString = true
		case b == '{' || b == '[':
			if depth++; depth > MaxDepth {
				line, col := lineCol(raw, int64(i))
				return &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("invalid JSON at line %d, column %d: nested deeper than %d levels", line, col, MaxDepth),
					Details: map[string]int{"line": line, "column": col}}
			}
		case b == '}' || b == ']':
			depth--
		}
	}
	return nil
}

func syntaxError(raw []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	offset := int64(len(raw))
	switch {
	case errors.As(err, &se):
		offset = max(se.Offset-1, 0) // Offset counts the offending byte; point at it
	case errors.As(err, &te):
		offset = te.Offset
	case errors.Is(err, io.EOF):
		return &models.Error{Code: models.EINVALID, Message: "invalid JSON: the document is empty"}
	}
	line, col := lineCol(raw, offset)
	msg := err.Error()
	if errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "unexpected end of input"
	}
	return &models.Error{
		Code:    models.EINVALID,
		Message: fmt.Sprintf("invalid JSON at line %d, column %d: %s", line, col, msg),
		Details: map[string]int{"line": line, "column": col},
	}
}

// lineCol converts a byte offset into a 1-based line and column.
func lineCol(raw []byte, offset int64) (int, int) {
	if offset > int64(len(raw)) {
		offset = int64(len(raw))
	}
	line, col := 1, 1
	for _, b := range raw[:offset] {
		if b == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// ValidDate reports whether s is a calendar date YYYY-MM-DD.
func ValidDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// AsOf returns the as-of date D of rules.md: the caller's, else the document's
// submitted_at, else today (UTC).
func AsOf(doc any, callers string, now time.Time) string {
	if callers != "" {
		return callers
	}
	if m, ok := doc.(map[string]any); ok {
		if s, ok := m["submitted_at"].(string); ok && ValidDate(s) {
			return s
		}
	}
	return now.UTC().Format(time.DateOnly)
}

// Check evaluates the revision's rules on one document (a value from
// ParseDocument). Violations of the document are the answer, not an error: an
// error is returned only for bad options or an evaluation fault.
func (r *Revision) Check(ctx context.Context, doc any, opts CheckOptions) (models.CheckResult, error) {
	if opts.AsOf != "" && !ValidDate(opts.AsOf) {
		return models.CheckResult{}, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("as_of: «%s» is not a date (YYYY-MM-DD)", opts.AsOf), Details: map[string]string{"field": "as_of"}}
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Lang == "" {
		opts.Lang = models.LangNB
	}
	asOf := AsOf(doc, opts.AsOf, opts.Now)
	evaluate := r.Evaluate
	if opts.Draft {
		evaluate, opts.DecisionID = r.EvaluateDraft, ""
	}
	raw, err := evaluate(ctx, doc, asOf)
	if err != nil {
		return models.CheckResult{}, err
	}
	res := models.CheckResult{
		DecisionID:     opts.DecisionID,
		PolicyRevision: r.ID,
		AsOf:           asOf,
		EvaluatedAt:    opts.Now.UTC(),
		Violations:     make([]models.Violation, 0, len(raw)),
	}
	if res.DecisionID == "" && !opts.Draft {
		res.DecisionID = NewDecisionID()
	}
	if m, ok := doc.(map[string]any); ok {
		res.InitiativeID, _ = m["id"].(string)
	}
	for _, rv := range raw {
		res.Violations = append(res.Violations, rv.In(opts.Lang))
	}
	models.SortViolations(res.Violations)
	// Waivers apply by the day of evaluation: an exception stops on its expiry date.
	// None covers a legal or data rule (models.ViolationWaivable), whatever the
	// bundle's METADATA says, so a document with DAT-001 is never allowed.
	models.ApplyWaivers(&res, opts.Waivers, opts.Now.UTC().Format(time.DateOnly))
	return res, nil
}

// NewDecisionID returns a new time-ordered decision id.
func NewDecisionID() string { return uuid.Must(uuid.NewV7()).String() }

// RawViolation is a violation as the policy returns it, with its texts in both languages.
type RawViolation struct {
	RuleID    string
	Severity  models.Severity
	Category  string
	Title     models.Text
	Message   models.Text
	Remedy    models.Text
	Reference string
	Waivable  bool
	Path      *string
	Sector    string
	Year      int
	Value     *float64
	Limit     *float64
}

// In renders the violation in one language.
func (v RawViolation) In(lang models.Lang) models.Violation {
	return models.Violation{
		RuleID:    v.RuleID,
		Severity:  v.Severity,
		Category:  v.Category,
		Title:     v.Title.In(lang),
		Message:   v.Message.In(lang),
		Path:      v.Path,
		Reference: v.Reference,
		Remedy:    v.Remedy.In(lang),
		Waivable:  v.Waivable,
		Sector:    v.Sector,
		Year:      v.Year,
		Value:     v.Value,
		Limit:     v.Limit,
	}
}

// Evaluate runs the prepared query on doc at date asOf and returns the
// violations in both languages, unsorted. A document that breaks the schema
// yields only its DAT-001 violations.
func (r *Revision) Evaluate(ctx context.Context, doc any, asOf string, opts ...rego.EvalOption) ([]RawViolation, error) {
	docValue, err := toValue(doc)
	if err != nil {
		return nil, fmt.Errorf("convert input: %w", err)
	}
	return r.evalQuery(ctx, docValue, asOf, r.schemaErrorTerms(doc), opts...)
}

// schemaErrorTerms validates doc against the schema and returns its errors as
// the terms of input.schema_errors ({"path", "message": {"nb", "en"}}).
func (r *Revision) schemaErrorTerms(doc any) []*ast.Term {
	schemaErrs := r.schema.Validate(doc)
	errs := make([]*ast.Term, len(schemaErrs))
	for i, e := range schemaErrs {
		errs[i] = ast.ObjectTerm(
			ast.Item(ast.StringTerm("path"), ast.StringTerm(e.Path)),
			ast.Item(ast.StringTerm("message"), ast.ObjectTerm(
				ast.Item(ast.StringTerm("nb"), ast.StringTerm(e.Message.NB)),
				ast.Item(ast.StringTerm("en"), ast.StringTerm(e.Message.EN)),
			)),
		)
	}
	return errs
}

// evalQuery runs the prepared query on the input {initiative, as_of, schema_errors}.
func (r *Revision) evalQuery(ctx context.Context, docValue ast.Value, asOf string, errs []*ast.Term, opts ...rego.EvalOption) ([]RawViolation, error) {
	input := ast.NewObject(
		ast.Item(ast.StringTerm("initiative"), ast.NewTerm(docValue)),
		ast.Item(ast.StringTerm("as_of"), ast.StringTerm(asOf)),
		ast.Item(ast.StringTerm("schema_errors"), ast.ArrayTerm(errs...)),
	)
	rs, err := r.query.Eval(ctx, append(opts, rego.EvalParsedInput(input))...)
	if err != nil {
		return nil, fmt.Errorf("evaluate policies: %w", err)
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, nil
	}
	items, ok := rs[0].Expressions[0].Value.([]any)
	if !ok {
		return nil, fmt.Errorf("evaluate policies: %s is %T, not a set", Query, rs[0].Expressions[0].Value)
	}
	out := make([]RawViolation, 0, len(items))
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("evaluate policies: a violation is %T, not an object", it)
		}
		out = append(out, decodeViolation(m))
	}
	return out, nil
}

func decodeViolation(m map[string]any) RawViolation {
	v := RawViolation{
		RuleID:    str(m["rule_id"]),
		Severity:  models.Severity(str(m["severity"])),
		Category:  str(m["category"]),
		Title:     text(m["title"]),
		Message:   text(m["message"]),
		Remedy:    text(m["remedy"]),
		Reference: str(m["reference"]),
		Sector:    str(m["sector"]),
	}
	v.Waivable, _ = m["waivable"].(bool)
	if p, ok := m["path"].(string); ok {
		v.Path = &p
	}
	if y, ok := number(m["year"]); ok {
		v.Year = int(y)
	}
	if x, ok := number(m["value"]); ok {
		v.Value = &x
	}
	if x, ok := number(m["limit"]); ok {
		v.Limit = &x
	}
	return v
}

func text(v any) models.Text {
	switch t := v.(type) {
	case map[string]any:
		return models.Text{NB: str(t["nb"]), EN: str(t["en"])}
	case string:
		return models.Text{NB: t, EN: t}
	}
	return models.Text{}
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case float64:
		return n, true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	}
	return 0, false
}
