package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/baerum/styring/internal/parallel"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// CheckOptions are what every check is asked with: the date D and the language.
type CheckOptions struct {
	AsOf string
	Lang models.Lang
	// Draft checks a half-written proposal (docs/readings.md, "Draft checks").
	Draft bool
}

// Evaluate checks one parsed document on rev under the evaluation deadline and
// tells the observer; the caller decides what to log and store. kind names the
// check for the metrics (check, batch, submit, update, replay).
func (s *Service) Evaluate(ctx context.Context, rev *policies.Revision, doc any, opts CheckOptions, kind string, waivers []models.Waiver) (models.CheckResult, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.EvalTimeout)
	defer cancel()
	start := time.Now()
	res, err := rev.Check(ctx, doc, policies.CheckOptions{AsOf: opts.AsOf, Lang: opts.Lang, Now: s.now(), Waivers: waivers, Draft: opts.Draft})
	if err != nil {
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			return res, &models.Error{Code: models.EUNAVAILABLE, Message: fmt.Sprintf("the evaluation took longer than %v", s.cfg.EvalTimeout)}
		case errors.Is(err, context.Canceled):
			// The caller went away; nobody reads this answer, and it is no fault of ours.
			return res, &models.Error{Code: models.EUNAVAILABLE, Message: "the request was cancelled"}
		}
		return res, err
	}
	if s.observer != nil {
		s.observer.ObserveCheck(kind, res, time.Since(start))
	}
	return res, nil
}

// DecisionFor builds the log entry of an evaluation: the input as evaluated
// ({"initiative": …, "as_of": …}) and the result, with the caller's token's
// name and id.
func DecisionFor(kind string, raw []byte, res models.CheckResult, caller models.Caller, at time.Time) models.Decision {
	input := make([]byte, 0, len(raw)+48)
	input = append(input, `{"initiative":`...)
	input = append(input, bytes.TrimSpace(raw)...)
	input = append(input, `,"as_of":"`...)
	input = append(input, res.AsOf...)
	input = append(input, `"}`...)
	result, _ := json.Marshal(res) // a CheckResult always encodes
	return models.Decision{
		ID: res.DecisionID, Kind: kind, InitiativeID: res.InitiativeID, PolicyRevision: res.PolicyRevision,
		AsOf: res.AsOf, Caller: caller.Name, CallerID: caller.TokenID, Allowed: res.Allowed, Input: input, Result: result, CreatedAt: at.UTC(),
	}
}

// Checked is a plain check's outcome: the parsed document, the result and its
// decision-log entry (whose Result is the result encoded once, for the log and
// the answer).
type Checked struct {
	Revision *policies.Revision
	Document any
	Result   models.CheckResult
	Decision models.Decision
}

// Check checks one proposal (JSON) without storing it, applying the waivers of
// the stored initiative its id names (from a snapshot), and logs the decision
// before it returns: a result (and its decision id) is only returned once its
// decision-log entry is written, so every id handed out can be looked up. When
// the entry can't be written (the database is down) the check fails with
// EUNAVAILABLE.
func (s *Service) Check(ctx context.Context, raw []byte, opts CheckOptions, caller models.Caller) (Checked, error) {
	doc, err := policies.ParseDocument(raw)
	if err != nil {
		return Checked{}, err
	}
	rev := s.engine.Active()
	res, err := s.Evaluate(ctx, rev, doc, opts, models.DecisionCheck, s.checkWaivers(ctx, doc))
	if err != nil {
		return Checked{}, err
	}
	d := DecisionFor(models.DecisionCheck, raw, res, caller, res.EvaluatedAt)
	if err := s.writeDecisions(ctx, d); err != nil {
		return Checked{}, err
	}
	return Checked{Revision: rev, Document: doc, Result: res, Decision: d}, nil
}

// writeDecisions writes ds to the decision log and returns once they are
// stored (committed together with other checks' entries), bounded by the store
// timeout: EUNAVAILABLE when they could not be written.
func (s *Service) writeDecisions(ctx context.Context, ds ...models.Decision) error {
	ctx, cancel := s.storeContext(ctx)
	defer cancel()
	return s.decisions.Write(ctx, ds...)
}

// OnlySchemaErrors reports a result of a document that does not match the
// schema: only DAT-001, so no portfolio can be computed with it.
func OnlySchemaErrors(res models.CheckResult) bool {
	return len(res.Violations) > 0 && res.Violations[0].RuleID == "DAT-001"
}

// BatchItem is one entry of a batch: the check result, or why the item could
// not be checked, with its index in the input.
type BatchItem struct {
	Index  int                 `json:"index"`
	Result *models.CheckResult `json:"result,omitempty"`
	Error  *models.Error       `json:"error,omitempty"`
}

// BatchSummary counts a batch's outcomes.
type BatchSummary struct {
	Items   int `json:"items"`
	Allowed int `json:"allowed"`
	Denied  int `json:"denied"`
	Errors  int `json:"errors"`
}

// Batch is the answer to a batch check.
type Batch struct {
	PolicyRevision string       `json:"policy_revision"`
	Summary        BatchSummary `json:"summary"`
	Results        []BatchItem  `json:"results"`
}

// CheckBatch checks every item (a JSON document each) on one revision, in
// parallel, and returns the results in input order. An item that can't be
// parsed or checked is an item error; a fault of ours fails the whole batch,
// and so does a decision log that can't be written (EUNAVAILABLE): the
// decisions of all items are written together before the batch is answered.
func (s *Service) CheckBatch(ctx context.Context, items [][]byte, opts CheckOptions, caller models.Caller) (Batch, error) {
	rev := s.engine.Active()
	type outcome struct {
		item     BatchItem
		decision models.Decision
		fault    error
	}
	outs := parallel.Map(ctx, s.cfg.Workers, items, func(ctx context.Context, i int, raw []byte) outcome {
		item := BatchItem{Index: i}
		doc, err := policies.ParseDocument(raw)
		if err == nil {
			var res models.CheckResult
			if res, err = s.Evaluate(ctx, rev, doc, opts, "batch", nil); err == nil {
				item.Result = &res
				return outcome{item: item, decision: DecisionFor(models.DecisionCheck, raw, res, caller, res.EvaluatedAt)}
			}
		}
		var me *models.Error
		if !errors.As(err, &me) {
			item.Error = &models.Error{Code: models.EINTERNAL, Message: "internal error"}
			return outcome{item: item, fault: err}
		}
		item.Error = me
		return outcome{item: item}
	})
	out := Batch{PolicyRevision: rev.ID, Results: make([]BatchItem, len(items))}
	decisions := make([]models.Decision, 0, len(items))
	for i, o := range outs {
		if o.fault != nil {
			return Batch{}, o.fault
		}
		out.Results[i] = o.item
		switch {
		case o.item.Error != nil:
			out.Summary.Errors++
			continue
		case o.item.Result.Allowed:
			out.Summary.Allowed++
		default:
			out.Summary.Denied++
		}
		decisions = append(decisions, o.decision)
	}
	out.Summary.Items = len(items)
	if err := s.writeDecisions(ctx, decisions...); err != nil {
		return Batch{}, err
	}
	return out, nil
}
