package models

import (
	"context"
	"time"
)

// Waiver lets one rule's violations of one initiative stand without blocking it,
// until ExpiresAt (exclusive: on that date it no longer applies).
type Waiver struct {
	ID           string     `json:"id"`
	InitiativeID string     `json:"initiative_id"`
	RuleID       string     `json:"rule_id"`
	Reason       string     `json:"reason"`
	ExpiresAt    string     `json:"expires_at"`
	CreatedBy    string     `json:"created_by"`
	CreatedAt    time.Time  `json:"created_at"`
	RevokedAt    *time.Time `json:"revoked_at,omitempty"`
	RevokedBy    string     `json:"revoked_by,omitempty"`
}

// AppliesAt reports whether the waiver is in force on day (YYYY-MM-DD): not
// revoked, and day before its expiry date (it stops applying on that date).
func (w Waiver) AppliesAt(day string) bool {
	return w.RevokedAt == nil && day < w.ExpiresAt
}

// SchemaRuleID is the rule a document that breaks the schema violates. Its
// violations are never waived: such a document is judged on them alone (no
// other rule is evaluated), so a waiver of it would let any document through.
const SchemaRuleID = "DAT-001"

// Categories whose rules the catalog (docs/spec/rules.md, Waivers) lets no one waive.
const (
	CategoryLegal = "legal"
	CategoryData  = "data"
)

// CategoryWaivable reports whether the catalog lets a rule of category be
// waived: a rule of category legal or data never is, whatever its METADATA
// says, so a custom bundle cannot open such a rule to waivers.
func CategoryWaivable(category string) bool {
	return category != CategoryLegal && category != CategoryData
}

// ViolationWaivable reports whether a waiver may cover v: its rule says it is
// waivable, its category allows waivers, and it is not a schema error.
func ViolationWaivable(v Violation) bool {
	return v.Waivable && CategoryWaivable(v.Category) && v.RuleID != SchemaRuleID
}

// ApplyWaivers marks the violations of res that a waiver in force on day
// covers and recounts the summary and the verdict. Only waivable violations
// are covered (ViolationWaivable; a violation that is not is reported with
// waivable false), so a waiver of a legal or data rule, or of DAT-001, stored
// before such waivers were refused changes nothing: a document that breaks the
// schema is never allowed.
func ApplyWaivers(res *CheckResult, waivers []Waiver, day string) {
	for i := range res.Violations {
		v := &res.Violations[i]
		v.Waived = false
		v.Waivable = ViolationWaivable(*v)
		if !v.Waivable {
			continue
		}
		for _, w := range waivers {
			if w.RuleID == v.RuleID && w.AppliesAt(day) {
				v.Waived = true
			}
		}
	}
	res.Summary = Summarize(res.Violations)
	res.Allowed = res.Summary.Error == 0
}

// WaiverStore keeps waivers.
type WaiverStore interface {
	// CreateWaiver stores w and its decision-log entry in one transaction.
	CreateWaiver(ctx context.Context, w *Waiver, d *Decision) error
	// ListWaivers returns every waiver of an initiative, revoked and expired ones too, oldest first.
	ListWaivers(ctx context.Context, initiativeID string) ([]Waiver, error)
	// RevokeWaiver revokes one waiver of an initiative and logs d; ENOTFOUND when there is none.
	RevokeWaiver(ctx context.Context, initiativeID, waiverID, by string, at time.Time, d *Decision) (Waiver, error)
	// ActiveWaivers returns, for the given initiatives (all when ids is nil), the
	// waivers not revoked; callers test expiry with Waiver.AppliesAt.
	ActiveWaivers(ctx context.Context, ids []string) (map[string][]Waiver, error)
}
