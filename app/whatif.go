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
func (s *Service) PortfolioWhatIf(ctx context.Context, rev *policies.Revision, doc any, asOf string, lang models.Lang) (*WhatIf, error) {
	m, _ := doc.(map[string]any)
	id := str(m["id"])
	before, after := rev.NewPortfolio(), rev.NewPortfolio()
	out := &WhatIf{}
	ctx, cancel := context.WithTimeout(ctx, 4*s.cfg.StoreTimeout)
	defer cancel()
	err := s.store.AllInitiatives(ctx, nil, func(in models.Initiative, _ json.RawMessage) error {
		c, err := s.contributions.Get(ctx, rev, in.ID, in.Version, func() (any, error) { return policies.ParseDocument(in.Document) })
		if err != nil {
			return err
		}
		before.AddContributions(c)
		if in.ID == id && id != "" {
			out.Replaces = id
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
