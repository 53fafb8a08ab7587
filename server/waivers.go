package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/app"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

func (s *Server) registerWaiverRoutes(r *gin.RouterGroup) {
	s.handle(r, managers, "POST", "/initiatives/:id/waivers", s.handleWaiverCreate)
	s.handle(r, readers, "GET", "/initiatives/:id/waivers", s.handleWaiverList)
	s.handle(r, managers, "DELETE", "/initiatives/:id/waivers/:waiver_id", s.handleWaiverRevoke)
}

// maxWaiverReason is the longest reason a waiver takes, in characters.
const maxWaiverReason = 2000

// waiverFields are the members a waiver request may have.
var waiverFields = []string{"rule_id", "reason", "expires_at"}

// waiverView is a waiver as the API shows it: with whether it applies today
// and, in the answer to a change, the decision-log entry of that change.
type waiverView struct {
	models.Waiver
	Active     bool   `json:"active"`
	DecisionID string `json:"decision_id,omitempty"`
}

// waiverList is the answer of GET /initiatives/:id/waivers.
type waiverList struct {
	ID      string       `json:"id"`
	Waivers []waiverView `json:"waivers"`
}

// waiverDecision is the result a waiver change logs: the waiver as changed.
type waiverDecision struct {
	Action string     `json:"action"` // create or revoke
	Waiver waiverView `json:"waiver"`
}

// waiverDay is the day waivers are judged on: today (UTC), as the checks do.
func (s *Server) waiverDay() string { return s.app.WaiverDay() }

func (s *Server) viewWaiver(w models.Waiver) waiverView {
	return waiverView{Waiver: w, Active: w.AppliesAt(s.waiverDay())}
}

// waiverStore is the store's waivers, or an internal error when the store keeps none.
func (s *Server) waiverStore() (models.WaiverStore, error) {
	if s.waivers == nil {
		return nil, fmt.Errorf("the store %T keeps no waivers", s.store)
	}
	return s.waivers, nil
}

// waiversOf returns the waivers of one initiative that are not revoked.
func (s *Server) waiversOf(ctx context.Context, id string) ([]models.Waiver, error) {
	return s.app.WaiversOf(ctx, id)
}

// waiverDecisionFor builds the decision-log entry of a waiver change.
func (s *Server) waiverDecisionFor(action string, input []byte, w models.Waiver, caller models.Caller, at time.Time) (models.Decision, error) {
	result, err := json.Marshal(waiverDecision{Action: action, Waiver: s.viewWaiver(w)})
	if err != nil {
		return models.Decision{}, fmt.Errorf("waiver decision: %w", err)
	}
	return models.Decision{
		ID: policies.NewDecisionID(), Kind: models.DecisionWaiver, InitiativeID: w.InitiativeID,
		PolicyRevision: s.engine.Active().ID, AsOf: s.waiverDay(), Caller: caller.Name, CallerID: caller.TokenID,
		// The change was made; whether the initiative is allowed is for its checks to say.
		Allowed: true, Input: input, Result: result, CreatedAt: at,
	}, nil
}

// reachWaivers refuses (404, as for an unknown initiative) the waivers of an
// initiative of a sector the caller does not reach. An unscoped caller reaches
// every sector, and an unknown initiative's waivers are an empty list to it, as
// before there were scopes.
func (s *Server) reachWaivers(ctx context.Context, c *gin.Context) error {
	caller := callerIn(c)
	if caller.Unscoped() {
		return nil
	}
	_, err := s.app.ReachableInitiative(ctx, c.Param("id"), caller)
	return err
}

// invalidField is a 400 naming the request member that is wrong.
func invalidField(field, format string, args ...any) error {
	return &models.Error{Code: models.EINVALID, Message: field + ": " + fmt.Sprintf(format, args...), Details: map[string]string{"field": field}}
}

// parseWaiverRequest reads {rule_id, reason, expires_at}: 400 for JSON that is
// not such an object, a missing or empty member, a reason over the limit, or
// an expiry that is not a date after today.
func (s *Server) parseWaiverRequest(raw []byte) (models.Waiver, error) {
	parsed, err := policies.ParseDocument(raw)
	if err != nil {
		return models.Waiver{}, err
	}
	obj, ok := parsed.(map[string]any)
	if !ok {
		return models.Waiver{}, models.Errorf(models.EINVALID, "the waiver must be a JSON object with rule_id, reason and expires_at")
	}
	for k := range obj {
		if !slices.Contains(waiverFields, k) {
			return models.Waiver{}, invalidField(k, "unknown member; a waiver has %s", strings.Join(waiverFields, ", "))
		}
	}
	get := func(field string) (string, error) {
		v, present := obj[field]
		if !present {
			return "", invalidField(field, "is required")
		}
		str, ok := v.(string)
		if !ok {
			return "", invalidField(field, "must be a string")
		}
		if strings.TrimSpace(str) == "" {
			return "", invalidField(field, "must not be empty")
		}
		return str, nil
	}
	var w models.Waiver
	if w.RuleID, err = get("rule_id"); err != nil {
		return w, err
	}
	if w.Reason, err = get("reason"); err != nil {
		return w, err
	}
	if n := utf8.RuneCountInString(w.Reason); n > maxWaiverReason {
		return w, invalidField("reason", "is %d characters; at most %d are allowed", n, maxWaiverReason)
	}
	if w.ExpiresAt, err = get("expires_at"); err != nil {
		return w, err
	}
	if !policies.ValidDate(w.ExpiresAt) {
		return w, invalidField("expires_at", "«%s» is not a date (YYYY-MM-DD)", w.ExpiresAt)
	}
	if today := s.waiverDay(); w.ExpiresAt <= today {
		return w, invalidField("expires_at", "%s is not after today (%s): a waiver stops applying on its expiry date", w.ExpiresAt, today)
	}
	return w, nil
}

// checkWaivable refuses, with 422, a rule the catalog does not have or does not
// let a manager waive: every rule of category legal or data (by category, not
// only by METADATA, so a custom bundle that marks one waivable cannot open it;
// DAT-001 above all: a document that breaks the schema is never allowed), and
// the portfolio rules, which belong to no single initiative.
func checkWaivable(rev *policies.Revision, ruleID string) error {
	rule, ok := rev.Rule(ruleID)
	switch {
	case !ok:
		return &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("rule %s is not in the catalog of the active policy revision", ruleID),
			Details: map[string]string{"field": "rule_id", "rule_id": ruleID}}
	case rule.Scope == "portfolio":
		return &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("rule %s is a portfolio rule and cannot be waived for one initiative", ruleID),
			Details: map[string]string{"field": "rule_id", "rule_id": ruleID}}
	case !models.CategoryWaivable(rule.Category) || ruleID == models.SchemaRuleID:
		return &models.Error{Code: models.EINVALID,
			Message: fmt.Sprintf("rule %s (%s) cannot be waived: no rule of category legal or data can be, and a document that breaks the schema is never allowed", ruleID, rule.Category),
			Details: map[string]string{"field": "rule_id", "rule_id": ruleID, "category": rule.Category}}
	case !rule.Waivable:
		return &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("rule %s (%s) cannot be waived", ruleID, rule.Category),
			Details: map[string]string{"field": "rule_id", "rule_id": ruleID, "category": rule.Category}}
	}
	return nil
}

// handleWaiverCreate serves POST /api/v1/initiatives/:id/waivers: a manager's
// waiver of one rule for this initiative, with a reason, until an expiry date
// (exclusive). 201 with the waiver; 422 for a rule that is unknown or cannot be
// waived. The waiver and its decision are written in one transaction.
func (s *Server) handleWaiverCreate(c *gin.Context) {
	store, err := s.waiverStore()
	if err != nil {
		s.writeError(c, err)
		return
	}
	id := c.Param("id")
	if !app.ValidID.MatchString(id) {
		s.writeError(c, models.Errorf(models.ENOTFOUND, "initiative %q not found", id))
		return
	}
	ctx, cancel := s.storeContext(c)
	defer cancel()
	// An unknown initiative, or one of a sector the caller's leder grants do
	// not reach, is 404 before the body is judged, as for an update; the store
	// checks again in the write's transaction.
	if _, err := s.app.ReachableInitiative(ctx, id, callerIn(c)); err != nil {
		s.writeError(c, err)
		return
	}
	raw, _, err := s.readBody(c, s.cfg.MaxBodyBytes, mediaJSON)
	if err != nil {
		s.writeError(c, err)
		return
	}
	w, err := s.parseWaiverRequest(raw)
	if err != nil {
		s.writeError(c, err)
		return
	}
	if err := checkWaivable(s.engine.Active(), w.RuleID); err != nil {
		s.writeErrorStatus(c, http.StatusUnprocessableEntity, err)
		return
	}
	caller := callerIn(c)
	w.ID = "W-" + strings.ReplaceAll(policies.NewDecisionID(), "-", "")
	w.InitiativeID, w.CreatedBy, w.CreatedAt = id, caller.Name, s.now().UTC().Truncate(time.Microsecond)
	var input bytes.Buffer
	if err := json.Compact(&input, raw); err != nil {
		s.writeError(c, err)
		return
	}
	d, err := s.waiverDecisionFor("create", input.Bytes(), w, caller, w.CreatedAt)
	if err != nil {
		s.writeError(c, err)
		return
	}
	if err := store.CreateWaiver(ctx, &w, &d); err != nil {
		s.writeError(c, err)
		return
	}
	s.app.ForgetWaiverSnapshot()
	view := s.viewWaiver(w)
	view.DecisionID = d.ID
	c.JSON(http.StatusCreated, view)
}

// handleWaiverList serves GET /api/v1/initiatives/:id/waivers: every waiver of
// the initiative, revoked and expired ones too, oldest first, each saying
// whether it applies today; 404 for an initiative of a sector the caller does
// not reach.
func (s *Server) handleWaiverList(c *gin.Context) {
	store, err := s.waiverStore()
	if err != nil {
		s.writeError(c, err)
		return
	}
	ctx, cancel := s.storeContext(c)
	defer cancel()
	if err := s.reachWaivers(ctx, c); err != nil {
		s.writeError(c, err)
		return
	}
	ws, err := store.ListWaivers(ctx, c.Param("id"))
	if err != nil {
		s.writeError(c, err)
		return
	}
	out := waiverList{ID: c.Param("id"), Waivers: make([]waiverView, len(ws))}
	for i, w := range ws {
		out.Waivers[i] = s.viewWaiver(w)
	}
	c.JSON(http.StatusOK, out)
}

// handleWaiverRevoke serves DELETE /api/v1/initiatives/:id/waivers/:waiver_id:
// the waiver stops applying now; who revoked it and when are kept with it and
// in the decision log. 200 with the revoked waiver; 409 when it was revoked before.
func (s *Server) handleWaiverRevoke(c *gin.Context) {
	store, err := s.waiverStore()
	if err != nil {
		s.writeError(c, err)
		return
	}
	id, waiverID := c.Param("id"), c.Param("waiver_id")
	ctx, cancel := s.storeContext(c)
	defer cancel()
	if err := s.reachWaivers(ctx, c); err != nil {
		s.writeError(c, err)
		return
	}
	// Read first, so the logged result is the waiver as revoked; the store
	// revokes conditionally, so a concurrent revocation still gets 409.
	ws, err := store.ListWaivers(ctx, id)
	if err != nil {
		s.writeError(c, err)
		return
	}
	i := slices.IndexFunc(ws, func(w models.Waiver) bool { return w.ID == waiverID })
	if i < 0 {
		s.writeError(c, models.Errorf(models.ENOTFOUND, "initiative %q has no waiver %q", id, waiverID))
		return
	}
	w := ws[i]
	if w.RevokedAt != nil {
		s.writeError(c, &models.Error{Code: models.ECONFLICT,
			Message: fmt.Sprintf("waiver %s was already revoked at %s by %s", waiverID, w.RevokedAt.Format(time.RFC3339), w.RevokedBy),
			Details: map[string]any{"revoked_at": w.RevokedAt, "revoked_by": w.RevokedBy}})
		return
	}
	caller := callerIn(c)
	at := s.now().UTC().Truncate(time.Microsecond)
	w.RevokedAt, w.RevokedBy = &at, caller.Name
	input, err := json.Marshal(map[string]string{"initiative_id": id, "waiver_id": waiverID})
	if err != nil {
		s.writeError(c, err)
		return
	}
	d, err := s.waiverDecisionFor("revoke", input, w, caller, at)
	if err != nil {
		s.writeError(c, err)
		return
	}
	revoked, err := store.RevokeWaiver(ctx, id, waiverID, caller.Name, at, &d)
	if err != nil {
		s.writeError(c, err)
		return
	}
	s.app.ForgetWaiverSnapshot()
	view := s.viewWaiver(revoked)
	view.DecisionID = d.ID
	c.JSON(http.StatusOK, view)
}
