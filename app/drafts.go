package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/google/uuid"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// Drafts: a proposal being written is saved on the server, private to the
// token that saved it (its id, not its name), until it is submitted (Submit
// with its DraftID deletes it) or deleted. A draft's document is any JSON
// object under the same body rules as a submission (policies.ParseDocument);
// it need not meet the schema, nor be of a sector the caller reaches: nothing
// of it is shared until it is submitted, and Submit checks reach as always.

// DraftRequest saves a draft: ID "" creates one (of a new initiative, or with
// InitiativeID of a new version of a stored one, opened from BaseVersion: 0
// is its latest), else it replaces that draft's document, guarded by
// IfRevision (0: any).
type DraftRequest struct {
	ID           string
	IfRevision   int
	InitiativeID string
	BaseVersion  int
	Raw          []byte
	Caller       models.Caller
}

// draftRoles are the roles that may keep drafts: those that may submit.
var draftRoles = []models.Role{models.RoleSaksbehandler, models.RoleLeder, models.RoleAdmin}

// draftStore is the drafts' store, or an internal error when none was given.
func (s *Service) draftStore() (models.DraftStore, error) {
	if s.drafts == nil {
		return nil, fmt.Errorf("the service was given no draft store")
	}
	return s.drafts, nil
}

// draftAuthor refuses a caller who may not keep drafts: one without a token
// id, or with no grant whose role may submit.
func draftAuthor(caller models.Caller) error {
	if caller.TokenID == "" || !slices.ContainsFunc(caller.Grants, func(g models.Grant) bool { return slices.Contains(draftRoles, g.Role) }) {
		return models.Errorf(models.EFORBIDDEN, "only a token that may submit (saksbehandler, leder, admin) keeps drafts")
	}
	return nil
}

// SaveDraft creates or updates the caller's draft and returns it (without its
// document) once it is committed.
func (s *Service) SaveDraft(ctx context.Context, req DraftRequest) (models.Draft, error) {
	if err := draftAuthor(req.Caller); err != nil {
		return models.Draft{}, err
	}
	if req.ID != "" && !models.WellFormedDraftID(req.ID) {
		return models.Draft{}, models.DraftNotFound(req.ID)
	}
	store, err := s.draftStore()
	if err != nil {
		return models.Draft{}, err
	}
	parsed, err := policies.ParseDocument(req.Raw)
	if err != nil {
		return models.Draft{}, err
	}
	doc, ok := parsed.(map[string]any)
	if !ok {
		return models.Draft{}, models.Errorf(models.EINVALID, "a draft must be a JSON object")
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, req.Raw); err != nil {
		return models.Draft{}, err // ParseDocument has accepted it
	}
	d := models.Draft{ID: req.ID, AuthorID: req.Caller.TokenID, AuthorName: req.Caller.Name,
		Title: models.DraftTitle(doc), Document: compact.Bytes()}
	ctx, cancel := s.storeContext(ctx)
	defer cancel()
	if req.ID != "" {
		err = store.UpdateDraft(ctx, &d, req.IfRevision)
	} else {
		if d.InitiativeID, d.BaseVersion, err = s.draftBase(ctx, req); err != nil {
			return models.Draft{}, err
		}
		d.ID = uuid.Must(uuid.NewV7()).String()
		err = store.CreateDraft(ctx, &d)
	}
	if err != nil {
		return models.Draft{}, err
	}
	d.Document = nil
	return d, nil
}

// draftBase checks the stored initiative a new draft is of, if any: one the
// caller reaches (else ENOTFOUND, as for an unknown id), and a version it has
// (the latest when none is named).
func (s *Service) draftBase(ctx context.Context, req DraftRequest) (string, int, error) {
	if req.InitiativeID == "" {
		if req.BaseVersion != 0 {
			return "", 0, &models.Error{Code: models.EINVALID, Message: "base_version needs initiative_id",
				Details: map[string]string{"field": "base_version"}}
		}
		return "", 0, nil
	}
	if !ValidID.MatchString(req.InitiativeID) {
		return "", 0, models.Errorf(models.ENOTFOUND, "initiative %q not found", req.InitiativeID)
	}
	in, err := s.ReachableInitiative(ctx, req.InitiativeID, req.Caller)
	if err != nil {
		return "", 0, err
	}
	switch {
	case req.BaseVersion == 0:
		return in.ID, in.Version, nil
	case req.BaseVersion < 0 || req.BaseVersion > in.Version:
		return "", 0, &models.Error{Code: models.EINVALID,
			Message: fmt.Sprintf("base_version %d is not a version of %s (1 to %d)", req.BaseVersion, in.ID, in.Version),
			Details: map[string]string{"field": "base_version"}}
	}
	return in.ID, req.BaseVersion, nil
}

// GetDraft returns the caller's draft with its document; ENOTFOUND for an
// unknown id and for another author's draft alike.
func (s *Service) GetDraft(ctx context.Context, id string, caller models.Caller) (models.Draft, error) {
	if err := draftAuthor(caller); err != nil {
		return models.Draft{}, err
	}
	if !models.WellFormedDraftID(id) {
		return models.Draft{}, models.DraftNotFound(id)
	}
	store, err := s.draftStore()
	if err != nil {
		return models.Draft{}, err
	}
	ctx, cancel := s.storeContext(ctx)
	defer cancel()
	return store.GetDraft(ctx, id, caller.TokenID)
}

// ListDrafts returns the caller's own drafts without documents, the most
// recently saved first.
func (s *Service) ListDrafts(ctx context.Context, caller models.Caller) ([]models.Draft, error) {
	if err := draftAuthor(caller); err != nil {
		return nil, err
	}
	store, err := s.draftStore()
	if err != nil {
		return nil, err
	}
	ctx, cancel := s.storeContext(ctx)
	defer cancel()
	return store.ListDrafts(ctx, caller.TokenID)
}

// DeleteDraft deletes the caller's draft; ENOTFOUND for an unknown id and for
// another author's draft alike.
func (s *Service) DeleteDraft(ctx context.Context, id string, caller models.Caller) error {
	if err := draftAuthor(caller); err != nil {
		return err
	}
	if !models.WellFormedDraftID(id) {
		return models.DraftNotFound(id)
	}
	store, err := s.draftStore()
	if err != nil {
		return err
	}
	ctx, cancel := s.storeContext(ctx)
	defer cancel()
	return store.DeleteDraft(ctx, id, caller.TokenID)
}

// checkSubmittedDraft refuses a submission naming a draft the caller does not
// have (ENOTFOUND), before anything is checked or stored.
func (s *Service) checkSubmittedDraft(ctx context.Context, req SubmitRequest) error {
	if req.DraftID == "" {
		return nil
	}
	_, err := s.GetDraft(ctx, req.DraftID, req.Caller)
	return err
}

// deleteSubmittedDraft deletes the draft a stored submission came from. The
// submission stands whatever happens here: a failure is logged. It runs to
// its end even when the caller has gone, so a stored submission does not
// leave its draft behind for want of a connection.
func (s *Service) deleteSubmittedDraft(ctx context.Context, req SubmitRequest, initiativeID string) {
	if req.DraftID == "" {
		return
	}
	if err := s.DeleteDraft(context.WithoutCancel(ctx), req.DraftID, req.Caller); err != nil {
		s.log.Warn("the draft of a stored submission was not deleted", "draft_id", req.DraftID, "initiative_id", initiativeID, "error", err.Error())
	}
}
