package app

import (
	"context"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// DecisionDraft names draft checks in the metrics; a draft is never logged.
const DecisionDraft = "draft"

// CheckDraft checks a proposal as it stands, half filled in (docs/readings.md,
// "Draft checks"): the schema's errors are listed as DAT-001 and every other
// rule runs on what exists, with the waivers of the stored initiative its id
// names, as Check applies them. A draft is not a decision: nothing is written
// to the decision log and the result has no decision id, so it needs no
// database (a waiver snapshot that can't be read is skipped, as in Check).
// The caller is taken as Check takes it, and recorded nowhere.
func (s *Service) CheckDraft(ctx context.Context, raw []byte, opts CheckOptions, _ models.Caller) (models.CheckResult, error) {
	doc, err := policies.ParseDocument(raw)
	if err != nil {
		return models.CheckResult{}, err
	}
	opts.Draft = true
	return s.Evaluate(ctx, s.engine.Active(), doc, opts, DecisionDraft, s.checkWaivers(ctx, doc))
}
