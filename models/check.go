package models

import (
	"cmp"
	"slices"
	"time"
)

// Severity of a violation: an error blocks submission unless waived.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Rank orders severities: error first.
func (s Severity) Rank() int {
	switch s {
	case SeverityError:
		return 0
	case SeverityWarning:
		return 1
	case SeverityInfo:
		return 2
	}
	return 3
}

// Lang is a message language: Norwegian bokmål (the default) or English.
type Lang string

const (
	LangNB Lang = "nb"
	LangEN Lang = "en"
)

// ParseLang returns the language named by s ("nb", "no", "nn" → nb; "en" → en).
func ParseLang(s string) (Lang, bool) {
	switch s {
	case "", "nb", "no", "nn", "nb-NO", "no-NO":
		return LangNB, true
	case "en", "en-GB", "en-US":
		return LangEN, true
	}
	return "", false
}

// Text is a text in both languages.
type Text struct {
	NB string `json:"nb"`
	EN string `json:"en"`
}

// In returns the text in lang (Norwegian when lang is unknown or the English is empty).
func (t Text) In(lang Lang) string {
	if lang == LangEN && t.EN != "" {
		return t.EN
	}
	return t.NB
}

// Violation is one breach of one rule, in the shape of check-result.schema.json.
// Path is a pointer because "" (the document root) is a valid path, while
// portfolio violations have none.
type Violation struct {
	RuleID    string   `json:"rule_id"`
	Severity  Severity `json:"severity"`
	Category  string   `json:"category"`
	Title     string   `json:"title"`
	Message   string   `json:"message"`
	Path      *string  `json:"path,omitempty"`
	Reference string   `json:"reference"`
	Remedy    string   `json:"remedy,omitempty"`
	Waivable  bool     `json:"waivable"`
	Waived    bool     `json:"waived"`
	Sector    string   `json:"sector,omitempty"`
	Year      int      `json:"year,omitempty"`
	Value     *float64 `json:"value,omitempty"`
	Limit     *float64 `json:"limit,omitempty"`
}

// PathOr returns the violation's path, or def when it has none.
func (v Violation) PathOr(def string) string {
	if v.Path == nil {
		return def
	}
	return *v.Path
}

// CompareViolations orders violations by severity (error, warning, info), rule id,
// path, sector and year, the order of check-result.schema.json.
func CompareViolations(a, b Violation) int {
	return cmp.Or(
		cmp.Compare(a.Severity.Rank(), b.Severity.Rank()),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.PathOr(""), b.PathOr("")),
		cmp.Compare(a.Sector, b.Sector),
		cmp.Compare(a.Year, b.Year),
		cmp.Compare(a.Message, b.Message),
	)
}

// SortViolations sorts vs in the order of CompareViolations.
func SortViolations(vs []Violation) { slices.SortStableFunc(vs, CompareViolations) }

// Summary counts the unwaived violations by severity, and the waived ones apart.
type Summary struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
	Waived  int `json:"waived"`
}

// Summarize counts vs.
func Summarize(vs []Violation) Summary {
	var s Summary
	for _, v := range vs {
		switch {
		case v.Waived:
			s.Waived++
		case v.Severity == SeverityError:
			s.Error++
		case v.Severity == SeverityWarning:
			s.Warning++
		default:
			s.Info++
		}
	}
	return s
}

// CheckResult is the outcome of checking one initiative (check-result.schema.json).
type CheckResult struct {
	DecisionID     string      `json:"decision_id"`
	InitiativeID   string      `json:"initiative_id,omitempty"`
	PolicyRevision string      `json:"policy_revision"`
	AsOf           string      `json:"as_of"`
	EvaluatedAt    time.Time   `json:"evaluated_at"`
	Allowed        bool        `json:"allowed"`
	Summary        Summary     `json:"summary"`
	Violations     []Violation `json:"violations"`
}
