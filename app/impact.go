package app

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/baerum/styring/internal/parallel"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// ImpactChange is one initiative whose verdict or violations would change.
type ImpactChange struct {
	InitiativeID  string             `json:"initiative_id"`
	AllowedBefore bool               `json:"allowed_before"`
	AllowedAfter  bool               `json:"allowed_after"`
	Added         []models.Violation `json:"added"`
	Removed       []models.Violation `json:"removed"`
}

// ImpactItemFailed is a stored initiative that could not be evaluated.
type ImpactItemFailed struct {
	InitiativeID string `json:"initiative_id"`
	Message      string `json:"message"`
}

// Impact is what activating a candidate revision would change, with the
// candidate's own test results.
type Impact struct {
	Active           string                 `json:"active_revision"`
	Candidate        string                 `json:"candidate_revision"`
	Initiatives      int                    `json:"initiatives"`
	VerdictsChanged  int                    `json:"verdicts_changed"`
	Changed          []ImpactChange         `json:"changed"`
	TestsPassed      int                    `json:"tests_passed"`
	TestsFailed      []policies.TestFailure `json:"tests_failed"`
	PortfolioAdded   []models.PortfolioKey  `json:"portfolio_added"`
	PortfolioRemoved []models.PortfolioKey  `json:"portfolio_removed"`
	Errors           []ImpactItemFailed     `json:"errors,omitempty"`
}

// CompareRevisions evaluates one initiative with both revisions and returns
// the change, or nil when nothing differs.
func CompareRevisions(ctx context.Context, active, candidate *policies.Revision, id string, doc any, opts policies.CheckOptions) (*ImpactChange, error) {
	a, err := active.Check(ctx, doc, opts)
	if err != nil {
		return nil, err
	}
	c, err := candidate.Check(ctx, doc, opts)
	if err != nil {
		return nil, err
	}
	added, removed := models.DiffViolations(a.Violations, c.Violations, models.KeyOf)
	if a.Allowed == c.Allowed && len(added) == 0 && len(removed) == 0 {
		return nil, nil
	}
	return &ImpactChange{InitiativeID: id, AllowedBefore: a.Allowed, AllowedAfter: c.Allowed, Added: added, Removed: removed}, nil
}

// Impact evaluates every stored initiative with the active revision and the
// candidate and reports which verdicts, violations and portfolio violations
// would change, and the candidate's own tests (reported, not required: the
// author sees the impact and what still fails before changing the tests).
// Nothing is activated.
func (s *Service) Impact(ctx context.Context, candidate *policies.Revision) (Impact, error) {
	tests, err := candidate.RunTests(ctx, false)
	if err != nil {
		return Impact{}, err
	}
	active := s.engine.Active()
	out := Impact{Active: active.ID, Candidate: candidate.ID, Changed: []ImpactChange{}, TestsPassed: tests.Passed, TestsFailed: tests.Failed}
	before, after := active.NewPortfolio(), candidate.NewPortfolio()
	var mu sync.Mutex
	storeCtx, cancel := context.WithTimeout(ctx, 4*s.cfg.StoreTimeout)
	defer cancel()
	feed := func(_ context.Context, yield func(models.Initiative) error) error {
		return s.store.AllInitiatives(storeCtx, nil, func(in models.Initiative, _ json.RawMessage) error { return yield(in) })
	}
	err = parallel.Stream(ctx, s.cfg.Workers, feed, func(ctx context.Context, in models.Initiative) error {
		doc, err := policies.ParseDocument(in.Document)
		if err != nil {
			return err
		}
		change, err := CompareRevisions(ctx, active, candidate, in.ID, doc, policies.CheckOptions{Now: s.now()})
		_, berr := before.Add(ctx, doc)
		_, aerr := after.Add(ctx, doc)
		mu.Lock()
		defer mu.Unlock()
		out.Initiatives++
		if err = errors.Join(err, berr, aerr); err != nil {
			out.Errors = append(out.Errors, ImpactItemFailed{InitiativeID: in.ID, Message: models.ErrorMessage(err)})
			s.log.Warn("impact", "initiative", in.ID, "error", err.Error())
			return nil
		}
		if change != nil {
			out.Changed = append(out.Changed, *change)
			if change.AllowedBefore != change.AllowedAfter {
				out.VerdictsChanged++
			}
		}
		return nil
	})
	if err != nil {
		return Impact{}, err
	}
	slices.SortFunc(out.Changed, func(a, b ImpactChange) int { return strings.Compare(a.InitiativeID, b.InitiativeID) })
	if pb, err := before.Evaluate(ctx, "", models.LangNB); err == nil {
		if pa, err := after.Evaluate(ctx, "", models.LangNB); err == nil {
			added, removed := models.DiffViolations(pb.Violations, pa.Violations, models.PortfolioKeyOf)
			out.PortfolioAdded, out.PortfolioRemoved = models.Keys(added, models.PortfolioKeyOf), models.Keys(removed, models.PortfolioKeyOf)
		}
	}
	return out, nil
}
