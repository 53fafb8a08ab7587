package app

import (
	"context"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/report"
)

// ComplianceReport computes the compliance report of the stored portfolio with
// the active revision and the waivers in force. A caller scoped to sectors sees
// the standings of those sectors' initiatives only; the portfolio rules and
// figures are over the whole portfolio.
func (s *Service) ComplianceReport(ctx context.Context, opts report.Options, caller models.Caller) (models.ComplianceReport, error) {
	if !caller.Unscoped() {
		opts.Reach = caller.Reaches
	}
	opts.Cache = s.contributions
	opts.Now = s.now()
	if opts.Workers <= 0 {
		opts.Workers = s.cfg.Workers
	}
	ctx, cancel := context.WithTimeout(ctx, 4*s.cfg.StoreTimeout)
	defer cancel()
	if s.waivers != nil {
		var err error
		if opts.Waivers, err = s.waivers.ActiveWaivers(ctx, nil); err != nil {
			return models.ComplianceReport{}, err
		}
	}
	return report.Build(ctx, s.engine.Active(), report.FromStore(s.store, opts.Statuses), opts)
}
