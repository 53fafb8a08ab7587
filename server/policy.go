package server

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

func (s *Server) registerPolicyRoutes(r *gin.RouterGroup) {
	s.handle(r, adminOnly, "POST", "/policy/reload", s.handlePolicyReload)
	s.handle(r, adminOnly, "POST", "/policy/impact", s.handlePolicyImpact)
}

// Lifecycle returns the reloader of the server's policies (SIGHUP and polling use it too).
func (s *Server) Lifecycle() *policies.Lifecycle { return s.lifecycle }

type reloadResponse struct {
	Revision    string `json:"revision"`
	Changed     bool   `json:"changed"`
	TestsPassed int    `json:"tests_passed"`
	Source      string `json:"source"`
}

// refusal turns a refused candidate into a 422 that lists its problems with their places.
func refusal(err error) error {
	var refused *policies.RefusedError
	if errors.As(err, &refused) {
		return &models.Error{Code: models.EINVALID, Message: refused.Error(), Details: refused.Attempt}
	}
	return err
}

// handlePolicyReload serves POST /api/v1/policy/reload: load the policy source
// again, compile it and run its own tests, and only then swap it in. A broken
// candidate is refused (422) and the active revision keeps serving.
func (s *Server) handlePolicyReload(c *gin.Context) {
	rev, changed, err := s.lifecycle.Reload(c.Request.Context())
	if err != nil {
		s.log.Warn("policy reload refused", "request_id", requestIDOf(c), "error", err.Error())
		s.writeErrorStatus(c, http.StatusUnprocessableEntity, refusal(err))
		return
	}
	if changed {
		s.log.Info("policy revision activated", "request_id", requestIDOf(c), "revision", rev.ID, "caller", callerOf(c))
	}
	_, ok := s.lifecycle.Status()
	out := reloadResponse{Revision: rev.ID, Changed: changed, Source: rev.Source}
	if ok != nil {
		out.TestsPassed = ok.Passed
	}
	c.JSON(http.StatusOK, out)
}

// handlePolicyImpact serves POST /api/v1/policy/impact: given a candidate
// bundle (.tar.gz), evaluate every stored initiative with the active and the
// candidate revision and report which verdicts and violations would change,
// before anyone activates it. Nothing is activated.
func (s *Server) handlePolicyImpact(c *gin.Context) {
	raw, _, err := s.readBody(c, s.cfg.MaxBatchBytes, "application/gzip", "application/x-gzip", "application/octet-stream")
	if err != nil {
		s.writeError(c, err)
		return
	}
	ctx := c.Request.Context()
	candidate, err := policies.CompileArchive(ctx, bytesReader(raw), "candidate bundle")
	if err != nil {
		s.writeErrorStatus(c, http.StatusUnprocessableEntity, refusal(err))
		return
	}
	out, err := s.app.Impact(ctx, candidate)
	if err != nil {
		s.writeError(c, err)
		return
	}
	s.log.LogAttrs(ctx, slog.LevelInfo, "policy impact", slog.String("request_id", requestIDOf(c)), slog.String("candidate", candidate.ID),
		slog.Int("initiatives", out.Initiatives), slog.Int("changed", len(out.Changed)))
	c.JSON(http.StatusOK, out)
}
