package server

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/app"
	"github.com/baerum/styring/models"
)

func (s *Server) registerDecisionRoutes(r *gin.RouterGroup) {
	s.handle(r, readers, "GET", "/decisions/:id", s.handleDecisionGet)
	s.handle(r, checkers, "POST", "/decisions/:id/replay", s.handleDecisionReplay)
}

// handleDecisionGet serves GET /api/v1/decisions/:id: the decision log entry,
// when the caller may read it (app.GetDecision; 404 otherwise).
func (s *Server) handleDecisionGet(c *gin.Context) {
	d, err := s.app.GetDecision(c.Request.Context(), c.Param("id"), callerIn(c))
	if err != nil {
		s.writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, d)
}

// handleDecisionReplay serves POST /api/v1/decisions/:id/replay: evaluates the
// logged input again, at its logged as-of date, with the active revision, and
// returns both results and what changed; 404 for a decision the caller may
// not read.
func (s *Server) handleDecisionReplay(c *gin.Context) {
	// Only the language is the caller's: the as-of date is the logged one.
	lang := langFromAcceptLanguage(c.GetHeader("Accept-Language"))
	if l, ok := c.GetQuery("lang"); ok {
		var valid bool
		if lang, valid = models.ParseLang(l); !valid {
			s.writeError(c, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("lang: «%s» is not nb or en", l), Details: map[string]string{"field": "lang"}})
			return
		}
	}
	out, err := s.app.ReplayDecision(c.Request.Context(), c.Param("id"), lang, callerIn(c))
	var nothing *app.NothingToReplay
	if errors.As(err, &nothing) {
		s.writeErrorStatus(c, http.StatusUnprocessableEntity, nothing.Err)
		return
	}
	if err != nil {
		s.writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, out)
}
