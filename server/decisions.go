package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

func (s *Server) registerDecisionRoutes(r *gin.RouterGroup) {
	r.GET("/decisions/:id", s.handleDecisionGet)
	r.POST("/decisions/:id/replay", s.handleDecisionReplay)
}

// handleDecisionGet serves GET /api/v1/decisions/:id: the decision log entry.
func (s *Server) handleDecisionGet(c *gin.Context) {
	ctx, cancel := s.storeContext(c)
	defer cancel()
	d, err := s.store.GetDecision(ctx, c.Param("id"))
	if err != nil {
		s.writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, d)
}

// violationKey identifies a violation across two evaluations.
type violationKey struct {
	RuleID   string          `json:"rule_id"`
	Severity models.Severity `json:"severity"`
	Path     string          `json:"path"`
	Year     int             `json:"year,omitempty"`
}

type replayDiff struct {
	VerdictChanged bool           `json:"verdict_changed"`
	Added          []violationKey `json:"added"`
	Removed        []violationKey `json:"removed"`
}

type replayResponse struct {
	DecisionID string             `json:"decision_id"`
	Original   json.RawMessage    `json:"original"`
	Replayed   models.CheckResult `json:"replayed"`
	Changed    bool               `json:"changed"`
	Diff       replayDiff         `json:"diff"`
}

// handleDecisionReplay serves POST /api/v1/decisions/:id/replay: evaluates the
// logged input again, at its logged as-of date, with the active revision, and
// returns both results and what changed.
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
	p := checkParams{Lang: lang}
	ctx, cancel := s.storeContext(c)
	defer cancel()
	d, err := s.store.GetDecision(ctx, c.Param("id"))
	if err != nil {
		s.writeError(c, err)
		return
	}
	if d.Kind == models.DecisionWaiver {
		s.writeErrorStatus(c, http.StatusUnprocessableEntity, models.Errorf(models.EINVALID, "decision %s records a waiver change: there is no check to evaluate again", d.ID))
		return
	}
	var input struct {
		Initiative json.RawMessage `json:"initiative"`
		AsOf       string          `json:"as_of"`
	}
	if err := json.Unmarshal(d.Input, &input); err != nil {
		s.writeError(c, err)
		return
	}
	doc, err := policies.ParseDocument(input.Initiative)
	if err != nil {
		s.writeError(c, err)
		return
	}
	p.AsOf = input.AsOf
	res, err := s.evaluate(c.Request.Context(), s.engine.Active(), doc, p, models.DecisionReplay, nil)
	if err != nil {
		s.writeError(c, err)
		return
	}
	var original models.CheckResult
	if err := json.Unmarshal(d.Result, &original); err != nil {
		s.writeError(c, err)
		return
	}
	diff := diffResults(original, res)
	s.decisions.Enqueue(decisionFor(models.DecisionReplay, input.Initiative, res, callerOf(c), time.Now()))
	c.JSON(http.StatusOK, replayResponse{
		DecisionID: d.ID, Original: d.Result, Replayed: res,
		Changed: diff.VerdictChanged || len(diff.Added) > 0 || len(diff.Removed) > 0,
		Diff:    diff,
	})
}

// diffResults compares two results as multisets of (rule, severity, path, year).
func diffResults(before, after models.CheckResult) replayDiff {
	count := func(vs []models.Violation) map[violationKey]int {
		m := map[violationKey]int{}
		for _, v := range vs {
			m[violationKey{v.RuleID, v.Severity, v.PathOr(""), v.Year}]++
		}
		return m
	}
	b, a := count(before.Violations), count(after.Violations)
	d := replayDiff{VerdictChanged: before.Allowed != after.Allowed, Added: []violationKey{}, Removed: []violationKey{}}
	for _, v := range after.Violations {
		k := violationKey{v.RuleID, v.Severity, v.PathOr(""), v.Year}
		if a[k] > b[k] {
			d.Added = append(d.Added, k)
			a[k]--
		}
	}
	a = count(after.Violations)
	for _, v := range before.Violations {
		k := violationKey{v.RuleID, v.Severity, v.PathOr(""), v.Year}
		if b[k] > a[k] {
			d.Removed = append(d.Removed, k)
			b[k]--
		}
	}
	return d
}
