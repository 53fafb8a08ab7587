package app

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// Submission is the answer to a create or update: the stored initiative and
// the check that accepted it, or (refused) only the check.
type Submission struct {
	Initiative *models.Initiative `json:"initiative,omitempty"`
	Result     models.CheckResult `json:"result"`
}

// IdempotencyKey makes a retry of a submission safe: the caller's key and a
// hash of the request it was first used for.
type IdempotencyKey struct {
	Key         string
	RequestHash string
}

// SubmitRequest is a proposal to store: ID "" creates (the id is the
// document's, or a new one), else it updates that initiative, guarded by
// IfVersion (0: any). Caller holds the grants whose role may submit: the
// document's sector must be one it reaches, and for an update the stored
// initiative's too; the idempotency key belongs to its token's id. DraftID,
// when set, names the caller's draft the proposal comes from: it must exist,
// and it is deleted once the submission is stored.
type SubmitRequest struct {
	ID          string
	IfVersion   int
	Raw         []byte
	Options     CheckOptions
	Caller      models.Caller
	Idempotency *IdempotencyKey
	DraftID     string
}

// Submitted is what Submit did: stored (Created tells a new initiative from a
// new version), or Replayed, the answer remembered under the idempotency key.
type Submitted struct {
	Submission
	Created  bool
	Replayed *models.IdempotencyRecord
}

// NewInitiativeID makes an id for a submission that has none: time-ordered
// and within the schema's pattern.
func NewInitiativeID() string {
	return "T-" + strings.ReplaceAll(policies.NewDecisionID(), "-", "")[:20]
}

// CheckUpdatable refuses an update of an unknown initiative or one of a
// sector the caller does not reach (both ENOTFOUND), or with a stale If-Match
// (EPRECONDITION), before the proposal is evaluated; Submit and the store check
// again, so a concurrent update is still caught.
func (s *Service) CheckUpdatable(ctx context.Context, id string, ifVersion int, caller models.Caller) error {
	if id == "" {
		return nil
	}
	if !ValidID.MatchString(id) {
		return models.Errorf(models.ENOTFOUND, "initiative %q not found", id)
	}
	in, err := s.ReachableInitiative(ctx, id, caller)
	if err != nil {
		return err
	}
	if ifVersion > 0 && in.Version != ifVersion {
		return &models.Error{Code: models.EPRECONDITION,
			Message: fmt.Sprintf("If-Match names version %d, but the latest version of %s is %d", ifVersion, id, in.Version),
			Details: map[string]int{"current_version": in.Version}}
	}
	return nil
}

// Submit checks a proposal and, when no unwaived error blocks it, stores it
// (version 1, or the next version of req.ID) with its decision, and the answer
// under the idempotency key, in one transaction. A refused proposal stores
// nothing but its decision and returns a *models.RefusedError holding the
// result. A retry with the same idempotency key and request is answered as the
// first was (Replayed); the same key with another request is ECONFLICT.
func (s *Service) Submit(ctx context.Context, req SubmitRequest) (Submitted, error) {
	idem, replayed, err := s.idempotency(ctx, req)
	if err != nil || replayed != nil {
		return Submitted{Replayed: replayed}, err
	}
	if err := s.checkSubmittedDraft(ctx, req); err != nil {
		return Submitted{}, err
	}
	parsed, err := policies.ParseDocument(req.Raw)
	if err != nil {
		return Submitted{}, err
	}
	doc, ok := parsed.(map[string]any)
	if !ok {
		return Submitted{}, models.Errorf(models.EINVALID, "the initiative must be a JSON object")
	}
	id, kind := req.ID, models.DecisionSubmit
	if id == "" {
		if docID, ok := doc["id"].(string); ok && docID != "" {
			id = docID
		} else if _, present := doc["id"]; !present {
			id = NewInitiativeID()
			doc["id"] = id
		}
	} else {
		kind = models.DecisionUpdate
		if docID, present := doc["id"]; present && docID != id {
			return Submitted{}, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("id in the body (%v) differs from the id in the path (%s)", docID, id), Details: map[string]string{"field": "id"}}
		}
		doc["id"] = id
	}
	// A sector the schema knows must be one the caller reaches; any other
	// value is the check's to refuse (DAT-001), and the store's guard below
	// stands in any case.
	if sector := str(doc["sector"]); slices.Contains(models.Sectors, sector) && !req.Caller.Reaches(sector) {
		return Submitted{}, outOfReach(req.Caller, sector)
	}
	ifVersion, pinned := req.IfVersion, false
	if kind == models.DecisionUpdate && !req.Caller.Unscoped() {
		// A scoped caller updates only what it reaches, and what it read: with
		// no If-Match the update is guarded by the version read here, so an
		// initiative moved out of reach meanwhile is not overwritten.
		cur, err := s.ReachableInitiative(ctx, id, req.Caller)
		if err != nil {
			return Submitted{}, err
		}
		if ifVersion == 0 {
			ifVersion, pinned = cur.Version, true
		}
	}
	stored, err := json.Marshal(doc)
	if err != nil {
		return Submitted{}, err
	}
	rev := s.engine.Active()
	var waivers []models.Waiver // an update is checked with the initiative's waivers
	if kind == models.DecisionUpdate {
		if waivers, err = s.WaiversOf(ctx, id); err != nil {
			return Submitted{}, err
		}
	}
	res, err := s.Evaluate(ctx, rev, doc, req.Options, kind, waivers)
	if err != nil {
		return Submitted{}, err
	}
	decision := DecisionFor(kind, stored, res, req.Caller, res.EvaluatedAt)
	if !res.Allowed {
		// Refused: nothing is stored but the decision, written before the answer
		// hands out its id, so the refusal can be looked up.
		if err := s.writeDecisions(ctx, decision); err != nil {
			return Submitted{}, err
		}
		s.remember(ctx, idem, http.StatusUnprocessableEntity, Submission{Result: res})
		return Submitted{}, &models.RefusedError{Result: res}
	}
	in := &models.Initiative{
		ID: id, Title: str(doc["title"]), Sector: str(doc["sector"]), Status: str(doc["status"]), Type: str(doc["type"]),
		SubmittedAt: str(doc["submitted_at"]), Allowed: res.Allowed, DecisionID: res.DecisionID, Document: stored,
	}
	if in.Status == "" {
		in.Status = "forslag"
	}
	if !req.Caller.Reaches(in.Sector) {
		return Submitted{}, outOfReach(req.Caller, in.Sector)
	}
	out := Submitted{Submission: Submission{Initiative: in, Result: res}, Created: kind == models.DecisionSubmit}
	if idem != nil {
		// The answer is stored with the submission, in its transaction, once the
		// store has set the version and times it reports.
		idem.StatusCode = http.StatusOK
		if out.Created {
			idem.StatusCode = http.StatusCreated
		}
		idem.BodyFunc = func() ([]byte, error) { return json.Marshal(out.Submission) }
	}
	sctx, cancel := s.storeContext(ctx)
	defer cancel()
	if out.Created {
		err = s.store.CreateInitiative(sctx, in, &decision, idem)
	} else {
		err = s.store.UpdateInitiative(sctx, in, ifVersion, &decision, idem)
		if pinned && models.ErrorCode(err) == models.EPRECONDITION {
			err = models.Errorf(models.ECONFLICT, "initiative %q changed while it was being updated; try again", id)
		}
	}
	if err != nil {
		if idem != nil && models.ErrorCode(err) == models.ECONFLICT {
			// Maybe a concurrent retry with the same key won the race: answer as it did.
			if rec, gerr := s.store.GetIdempotency(sctx, idem.Scope, idem.Key); gerr == nil {
				return s.replay(rec, idem.RequestHash)
			}
		}
		return Submitted{}, err
	}
	s.deleteSubmittedDraft(ctx, req, in.ID)
	return out, nil
}

// idempotency looks the request's key up: a retry gets the first answer
// (replayed), the same key with another request is a conflict. Without a key it
// returns nil.
func (s *Service) idempotency(ctx context.Context, req SubmitRequest) (*models.IdempotencyRecord, *models.IdempotencyRecord, error) {
	k := req.Idempotency
	if k == nil || k.Key == "" {
		return nil, nil, nil
	}
	if len(k.Key) > 200 {
		return nil, nil, &models.Error{Code: models.EINVALID, Message: "Idempotency-Key is longer than 200 characters", Details: map[string]string{"header": "Idempotency-Key"}}
	}
	ctx, cancel := s.storeContext(ctx)
	defer cancel()
	rec, err := s.store.GetIdempotency(ctx, req.Caller.TokenID, k.Key)
	switch {
	case err == nil:
		out, err := s.replay(rec, k.RequestHash)
		return nil, out.Replayed, err
	case models.ErrorCode(err) != models.ENOTFOUND:
		return nil, nil, err
	}
	return &models.IdempotencyRecord{Key: k.Key, Scope: req.Caller.TokenID, RequestHash: k.RequestHash, CreatedAt: s.now().UTC()}, nil, nil
}

// replay answers with a remembered response, or ECONFLICT when the key was used for another request.
func (s *Service) replay(rec models.IdempotencyRecord, hash string) (Submitted, error) {
	if rec.RequestHash != hash {
		return Submitted{}, &models.Error{Code: models.ECONFLICT, Message: "Idempotency-Key was already used for a different request", Details: map[string]string{"header": "Idempotency-Key"}}
	}
	return Submitted{Replayed: &rec}, nil
}

// remember stores an answer that is not stored with a submission under the
// idempotency key, when there is one; failing to is logged, not fatal.
func (s *Service) remember(ctx context.Context, idem *models.IdempotencyRecord, status int, body any) {
	if idem == nil {
		return
	}
	raw, err := json.Marshal(body)
	if err != nil {
		return
	}
	idem.StatusCode, idem.Body = status, raw
	ctx, cancel := s.storeContext(ctx)
	defer cancel()
	if perr := s.store.PutIdempotency(ctx, *idem); perr != nil && models.ErrorCode(perr) != models.ECONFLICT {
		s.log.Warn("idempotency record not stored", "idempotency_key", idem.Key, "error", perr.Error())
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
