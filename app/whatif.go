package app

import (
	"context"
	"encoding/json"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// WhatIf is how the portfolio changes if a proposal is added (or replaces the
// stored initiative with its id).
type WhatIf struct {
	Replaces string                 `json:"replaces,omitempty"`
	Before   models.PortfolioResult `json:"before"`
	After    models.PortfolioResult `json:"after"`
	Added    []models.PortfolioKey  `json:"added"`
	Removed  []models.PortfolioKey  `json:"removed"`
}

// PortfolioWhatIf evaluates the stored portfolio with and without the proposal
// doc (a checked document that matches the schema), on rev at asOf.
//
// A stored initiative the portfolio cannot read (its document does not match
// the schema of rev: stored while a DAT-001 waiver let it through, or under an
// older schema) is left out of both sides with a logged warning, as the
// compliance report leaves it out: the what-if is about the proposal, and one
// broken stored document must not turn every caller's check into a 400.
func (s *Service) PortfolioWhatIf(ctx context.Context, rev *policies.Revision, doc any, asOf string, lang models.Lang) (*WhatIf, error) {
	m, _ := doc.(map[string]any)
	id := str(m["id"])
	before, after := rev.NewPortfolio(), rev.NewPortfolio()
	out := &WhatIf{}
	ctx, cancel := context.WithTimeout(ctx, 4*s.cfg.StoreTimeout)
	defer cancel()
	err := s.store.AllInitiatives(ctx, nil, func(in models.Initiative, _ json.RawMessage) error {
		replaced := in.ID == id && id != ""
		if replaced {
			out.Replaces = id
		}
		c, err := s.contributions.Get(ctx, rev, in.ID, in.Version, func() (any, error) { return policies.ParseDocument(in.Document) })
		if models.ErrorCode(err) == models.EINVALID {
			// Not the message: a schema error may quote the document's values.
			s.log.Warn("portfolio what-if leaves out a stored initiative that does not match the schema",
				"initiative_id", in.ID, "version", in.Version)
			return nil
		}
		if err != nil {
			return err
		}
		before.AddContributions(c)
		if replaced {
			return nil
		}
		after.AddContributions(c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if _, err := after.Add(ctx, doc); err != nil {
		return nil, err
	}
	if out.Before, err = before.Evaluate(ctx, asOf, lang); err != nil {
		return nil, err
	}
	if out.After, err = after.Evaluate(ctx, asOf, lang); err != nil {
		return nil, err
	}
	added, removed := models.DiffViolations(out.Before.Violations, out.After.Violations, models.PortfolioKeyOf)
	out.Added, out.Removed = models.Keys(added, models.PortfolioKeyOf), models.Keys(removed, models.PortfolioKeyOf)
	return out, nil
}
