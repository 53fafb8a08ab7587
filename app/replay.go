package app

import (
	"context"
	"encoding/json"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// ReplayDiff is what changed between a logged result and its replay.
type ReplayDiff struct {
	VerdictChanged bool                  `json:"verdict_changed"`
	Added          []models.ViolationKey `json:"added"`
	Removed        []models.ViolationKey `json:"removed"`
}

// Replay is a logged decision evaluated again with the active revision.
type Replay struct {
	DecisionID string             `json:"decision_id"`
	Original   json.RawMessage    `json:"original"`
	Replayed   models.CheckResult `json:"replayed"`
	Changed    bool               `json:"changed"`
	Diff       ReplayDiff         `json:"diff"`
}

// DiffResults compares two results as multisets of (rule, severity, path, year).
func DiffResults(before, after models.CheckResult) ReplayDiff {
	added, removed := models.DiffViolations(before.Violations, after.Violations, models.KeyOf)
	return ReplayDiff{
		VerdictChanged: before.Allowed != after.Allowed,
		Added:          models.Keys(added, models.KeyOf),
		Removed:        models.Keys(removed, models.KeyOf),
	}
}

// GetDecision returns one decision-log entry the caller may read
// (models.Caller.ReachDecision): a decision of a stored initiative is read by
// those who reach the initiative's sector now, one that belongs to no stored
// initiative (a plain check of a new proposal, a refused creation) only by its
// maker's token and by unscoped callers. Any other is ENOTFOUND, as an unknown
// id is, so ids of other sectors don't leak.
func (s *Service) GetDecision(ctx context.Context, id string, caller models.Caller) (models.Decision, error) {
	ctx, cancel := s.storeContext(ctx)
	defer cancel()
	d, err := s.store.GetDecision(ctx, id)
	if err != nil {
		return models.Decision{}, err
	}
	if caller.Unscoped() {
		return d, nil
	}
	sector := ""
	if d.InitiativeID != "" && ValidID.MatchString(d.InitiativeID) {
		in, err := s.store.GetInitiative(ctx, d.InitiativeID)
		switch {
		case err == nil:
			sector = in.Sector
		case models.ErrorCode(err) != models.ENOTFOUND:
			return models.Decision{}, err
		}
	}
	if !caller.ReachDecision(d, sector) {
		return models.Decision{}, models.Errorf(models.ENOTFOUND, "decision %q not found", id)
	}
	return d, nil
}

// ReplayDecision evaluates the logged input of decision id again, at its
// logged as-of date, with the active revision, logs the replay and returns
// both results and what changed. The caller must be able to read the decision
// (GetDecision). A waiver change has no check to replay: *NothingToReplay.
func (s *Service) ReplayDecision(ctx context.Context, id string, lang models.Lang, caller models.Caller) (Replay, error) {
	d, err := s.GetDecision(ctx, id, caller)
	if err != nil {
		return Replay{}, err
	}
	if d.Kind == models.DecisionWaiver {
		return Replay{}, &NothingToReplay{models.Errorf(models.EINVALID, "decision %s records a waiver change: there is no check to evaluate again", d.ID)}
	}
	var input struct {
		Initiative json.RawMessage `json:"initiative"`
		AsOf       string          `json:"as_of"`
	}
	if err := json.Unmarshal(d.Input, &input); err != nil {
		return Replay{}, err
	}
	doc, err := policies.ParseDocument(input.Initiative)
	if err != nil {
		return Replay{}, err
	}
	res, err := s.Evaluate(ctx, s.engine.Active(), doc, CheckOptions{AsOf: input.AsOf, Lang: lang}, models.DecisionReplay, nil)
	if err != nil {
		return Replay{}, err
	}
	var original models.CheckResult
	if err := json.Unmarshal(d.Result, &original); err != nil {
		return Replay{}, err
	}
	diff := DiffResults(original, res)
	// The replay's decision id is handed out with the answer: written first.
	if err := s.writeDecisions(ctx, DecisionFor(models.DecisionReplay, input.Initiative, res, caller, s.now())); err != nil {
		return Replay{}, err
	}
	return Replay{
		DecisionID: d.ID, Original: d.Result, Replayed: res,
		Changed: diff.VerdictChanged || len(diff.Added) > 0 || len(diff.Removed) > 0,
		Diff:    diff,
	}, nil
}

// NothingToReplay is a replay of a decision that records no check (a waiver
// change): a well-formed request the decision cannot serve.
type NothingToReplay struct{ Err *models.Error }

func (e *NothingToReplay) Error() string { return e.Err.Error() }

// Unwrap lets errors.As find the coded error.
func (e *NothingToReplay) Unwrap() error { return e.Err }
