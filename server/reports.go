package server

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
	"github.com/baerum/styring/report"
)

func (s *Server) registerReportRoutes(r *gin.RouterGroup) {
	r.GET("/reports/compliance", s.handleReportCompliance)
	r.GET("/reports/compliance.csv", s.handleReportComplianceCSV)
}

// reportOptions reads ?status= (repeated or comma-separated), ?as_of=, ?lang= and ?recheck=.
func reportOptions(c *gin.Context) (report.Options, error) {
	p, err := parseCheckParams(c)
	if err != nil {
		return report.Options{}, err
	}
	opts := report.Options{AsOf: p.AsOf, Lang: p.Lang}
	for _, v := range c.QueryArray("status") {
		for _, st := range strings.Split(v, ",") {
			if st = strings.TrimSpace(st); st == "" {
				continue
			}
			if !slices.Contains(validStatuses, st) {
				return opts, &models.Error{Code: models.EINVALID, Message: "status: «" + st + "» is not one of " + strings.Join(validStatuses, ", "), Details: map[string]string{"field": "status"}}
			}
			opts.Statuses = append(opts.Statuses, st)
		}
	}
	if v, ok := c.GetQuery("recheck"); ok {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return opts, &models.Error{Code: models.EINVALID, Message: "recheck: «" + v + "» is not true or false", Details: map[string]string{"field": "recheck"}}
		}
		opts.Recheck = b
	}
	return opts, nil
}

// buildReport computes the compliance report of the stored portfolio.
func (s *Server) buildReport(ctx context.Context, opts report.Options) (models.ComplianceReport, error) {
	opts.Cache = s.contributions
	opts.Now = s.now()
	ctx, cancel := context.WithTimeout(ctx, 4*s.cfg.StoreTimeout)
	defer cancel()
	if s.waivers != nil {
		var err error
		if opts.Waivers, err = s.waivers.ActiveWaivers(ctx, nil); err != nil {
			return models.ComplianceReport{}, err
		}
	}
	return report.Build(ctx, s.engine.Active(), report.FromStore(s.store, opts.Statuses), opts)
}

// handleReportCompliance serves GET /api/v1/reports/compliance: the portfolio
// rules and figures and every initiative's standing.
func (s *Server) handleReportCompliance(c *gin.Context) {
	opts, err := reportOptions(c)
	if err != nil {
		s.writeError(c, err)
		return
	}
	rep, err := s.buildReport(c.Request.Context(), opts)
	if err != nil {
		s.writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, rep)
}

// handleReportComplianceCSV serves GET /api/v1/reports/compliance.csv: the same
// tables as CSV, all in one file with a table column, or one with ?table=.
func (s *Server) handleReportComplianceCSV(c *gin.Context) {
	opts, err := reportOptions(c)
	if err != nil {
		s.writeError(c, err)
		return
	}
	table := c.Query("table")
	if table != "" && !slices.Contains(report.TableNames, table) {
		s.writeError(c, &models.Error{Code: models.EINVALID, Message: "table: «" + table + "» is not one of " + strings.Join(report.TableNames, ", "), Details: map[string]string{"field": "table"}})
		return
	}
	rep, err := s.buildReport(c.Request.Context(), opts)
	if err != nil {
		s.writeError(c, err)
		return
	}
	name := "compliance"
	if table != "" {
		name += "-" + table
	}
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="`+name+`-`+rep.AsOf+`.csv"`)
	c.Status(http.StatusOK)
	if err := report.WriteCSV(c.Writer, rep, table); err != nil {
		s.log.Warn("write csv", "request_id", requestIDOf(c), "error", err.Error())
	}
}

// whatIf is how the portfolio changes if a proposal is added (or replaces the
// stored initiative with its id).
type whatIf struct {
	Replaces string                 `json:"replaces,omitempty"`
	Before   models.PortfolioResult `json:"before"`
	After    models.PortfolioResult `json:"after"`
	Added    []portfolioKey         `json:"added"`
	Removed  []portfolioKey         `json:"removed"`
}

type portfolioKey struct {
	RuleID   string          `json:"rule_id"`
	Severity models.Severity `json:"severity"`
	Sector   string          `json:"sector,omitempty"`
	Year     int             `json:"year,omitempty"`
}

// portfolioWhatIf evaluates the stored portfolio with and without the proposal.
func (s *Server) portfolioWhatIf(ctx context.Context, rev *policies.Revision, doc any, asOf string, lang models.Lang) (*whatIf, error) {
	id := str(doc.(map[string]any)["id"])
	before, after := rev.NewPortfolio(), rev.NewPortfolio()
	out := &whatIf{}
	ctx, cancel := context.WithTimeout(ctx, 4*s.cfg.StoreTimeout)
	defer cancel()
	err := s.store.AllInitiatives(ctx, nil, func(in models.Initiative, _ json.RawMessage) error {
		c, err := s.contributions.Get(ctx, rev, in.ID, in.Version, func() (any, error) { return policies.ParseDocument(in.Document) })
		if err != nil {
			return err
		}
		before.AddContributions(c)
		if in.ID == id && id != "" {
			out.Replaces = id
			return nil
		}
		after.AddContributions(c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if _, err := after.Add(ctx, doc); err != nil {
		return nil, err
	}
	if out.Before, err = before.Evaluate(ctx, asOf, lang); err != nil {
		return nil, err
	}
	if out.After, err = after.Evaluate(ctx, asOf, lang); err != nil {
		return nil, err
	}
	out.Added, out.Removed = diffPortfolio(out.Before.Violations, out.After.Violations)
	return out, nil
}

func diffPortfolio(before, after []models.Violation) (added, removed []portfolioKey) {
	key := func(v models.Violation) portfolioKey { return portfolioKey{v.RuleID, v.Severity, v.Sector, v.Year} }
	in := func(vs []models.Violation) map[portfolioKey]bool {
		m := map[portfolioKey]bool{}
		for _, v := range vs {
			m[key(v)] = true
		}
		return m
	}
	b, a := in(before), in(after)
	added, removed = []portfolioKey{}, []portfolioKey{}
	for _, v := range after {
		if !b[key(v)] {
			added = append(added, key(v))
		}
	}
	for _, v := range before {
		if !a[key(v)] {
			removed = append(removed, key(v))
		}
	}
	return added, removed
}
