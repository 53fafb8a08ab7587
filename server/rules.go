package server

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

func (s *Server) registerRuleRoutes(r *gin.RouterGroup) {
	s.handle(r, readers, "GET", "/rules", s.handleRuleList)
	s.handle(r, readers, "GET", "/rules/:id", s.handleRuleGet)
	s.handle(r, readers, "GET", "/policy", s.handlePolicyGet)
}

// handleRuleList serves GET /api/v1/rules: the catalog from the active revision's METADATA.
func (s *Server) handleRuleList(c *gin.Context) {
	rev := s.engine.Active()
	c.JSON(http.StatusOK, gin.H{"policy_revision": rev.ID, "rules": rev.Rules()})
}

// handleRuleGet serves GET /api/v1/rules/:id.
func (s *Server) handleRuleGet(c *gin.Context) {
	rule, ok := s.engine.Active().Rule(c.Param("id"))
	if !ok {
		s.writeError(c, models.Errorf(models.ENOTFOUND, "rule %q not found", c.Param("id")))
		return
	}
	c.JSON(http.StatusOK, rule)
}

type policyInfo struct {
	Revision       string            `json:"revision"`
	Source         string            `json:"source"`
	LoadedAt       string            `json:"loaded_at"`
	RuleCount      int               `json:"rule_count"`
	RecordRules    int               `json:"record_rules"`
	PortfolioRules int               `json:"portfolio_rules"`
	LastReload     *policies.Attempt `json:"last_reload,omitempty"`
	LastFailure    *policies.Attempt `json:"last_failed_attempt,omitempty"`
}

// handlePolicyGet serves GET /api/v1/policy: the active revision.
func (s *Server) handlePolicyGet(c *gin.Context) {
	rev := s.engine.Active()
	rules := rev.Rules()
	info := policyInfo{Revision: rev.ID, Source: rev.Source, LoadedAt: rev.LoadedAt.Format("2006-01-02T15:04:05Z07:00"), RuleCount: len(rules)}
	for _, r := range rules {
		if r.Scope == "record" {
			info.RecordRules++
		} else {
			info.PortfolioRules++
		}
	}
	info.LastFailure, info.LastReload = s.lifecycle.Status()
	c.JSON(http.StatusOK, info)
}
