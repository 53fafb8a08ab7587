package server

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/app"
	"github.com/baerum/styring/models"
)

// The case handler's drafts: a proposal being written, saved on the server and
// private to the token that saved it until it is submitted
// (POST /api/v1/initiatives?draft=<id> deletes it) or deleted. Those who may
// submit keep drafts; another author's draft answers 404, as an unknown id.

func (s *Server) registerDraftRoutes(r *gin.RouterGroup) {
	s.handle(r, submitter, "GET", "/drafts", s.handleDraftList)
	s.handle(r, submitter, "POST", "/drafts", s.handleDraftCreate)
	s.handle(r, submitter, "GET", "/drafts/:id", s.handleDraftGet)
	s.handle(r, submitter, "PUT", "/drafts/:id", s.handleDraftUpdate)
	s.handle(r, submitter, "DELETE", "/drafts/:id", s.handleDraftDelete)
}

// draftList is the answer of GET /api/v1/drafts.
type draftList struct {
	Items []models.Draft `json:"items"`
}

// handleDraftList serves GET /api/v1/drafts: the caller's own drafts, the most
// recently saved first, without their documents.
func (s *Server) handleDraftList(c *gin.Context) {
	items, err := s.app.ListDrafts(c.Request.Context(), callerIn(c))
	if err != nil {
		s.writeError(c, err)
		return
	}
	if items == nil {
		items = []models.Draft{}
	}
	c.JSON(http.StatusOK, draftList{Items: items})
}

// handleDraftCreate serves POST /api/v1/drafts: the body is the document (any
// JSON object); ?initiative_id (and base_version) make it a draft of a new
// version of a stored initiative. 201 with the draft without its document.
func (s *Server) handleDraftCreate(c *gin.Context) {
	req := app.DraftRequest{InitiativeID: c.Query("initiative_id"), Caller: callerIn(c)}
	if v, ok := c.GetQuery("base_version"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.writeError(c, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("base_version: «%s» is not a version (a whole number from 1)", v), Details: map[string]string{"field": "base_version"}})
			return
		}
		req.BaseVersion = n
	}
	s.saveDraft(c, req, http.StatusCreated)
}

// handleDraftUpdate serves PUT /api/v1/drafts/:id: the draft's new document;
// If-Match with the draft's ETag (its revision) answers 412 when stale.
func (s *Server) handleDraftUpdate(c *gin.Context) {
	ifRevision, err := parseIfMatch(c.GetHeader("If-Match"))
	if err != nil {
		s.writeError(c, err)
		return
	}
	s.saveDraft(c, app.DraftRequest{ID: c.Param("id"), IfRevision: ifRevision, Caller: callerIn(c)}, http.StatusOK)
}

// saveDraft reads the body into req, saves it and answers with status.
func (s *Server) saveDraft(c *gin.Context, req app.DraftRequest, status int) {
	if req.ID != "" && !models.WellFormedDraftID(req.ID) {
		s.writeError(c, models.DraftNotFound(req.ID))
		return
	}
	raw, _, err := s.readBody(c, s.cfg.MaxBodyBytes, mediaJSON)
	if err != nil {
		s.writeError(c, err)
		return
	}
	req.Raw = raw
	d, err := s.app.SaveDraft(c.Request.Context(), req)
	if err != nil {
		s.writeError(c, err)
		return
	}
	c.Header("ETag", etag(d.Revision))
	c.Header("Location", "/api/v1/drafts/"+d.ID)
	c.JSON(status, d)
}

// handleDraftGet serves GET /api/v1/drafts/:id: the caller's draft with its
// document; ETag is its revision.
func (s *Server) handleDraftGet(c *gin.Context) {
	d, err := s.app.GetDraft(c.Request.Context(), c.Param("id"), callerIn(c))
	if err != nil {
		s.writeError(c, err)
		return
	}
	c.Header("ETag", etag(d.Revision))
	c.JSON(http.StatusOK, d)
}

// handleDraftDelete serves DELETE /api/v1/drafts/:id (204).
func (s *Server) handleDraftDelete(c *gin.Context) {
	if err := s.app.DeleteDraft(c.Request.Context(), c.Param("id"), callerIn(c)); err != nil {
		s.writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
