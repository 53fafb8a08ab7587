package server

import (
	"bytes"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/output"
	"github.com/baerum/styring/report"
)

func (s *Server) registerReportRoutes(r *gin.RouterGroup) {
	s.handle(r, managers, "GET", "/reports/compliance", s.handleReportCompliance)
	s.handle(r, managers, "GET", "/reports/compliance.csv", s.handleReportComplianceCSV)
	s.handle(r, managers, "GET", "/reports/compliance.xlsx", s.handleReportComplianceXLSX)
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
			if !slices.Contains(models.Statuses, st) {
				return opts, &models.Error{Code: models.EINVALID, Message: "status: «" + st + "» is not one of " + strings.Join(models.Statuses, ", "), Details: map[string]string{"field": "status"}}
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

// buildReport computes the compliance report of the stored portfolio as the
// request's caller sees it: the standings of the sectors it reaches, the
// portfolio whole.
func (s *Server) buildReport(c *gin.Context, opts report.Options) (models.ComplianceReport, error) {
	return s.app.ComplianceReport(c.Request.Context(), opts, callerIn(c))
}

// handleReportCompliance serves GET /api/v1/reports/compliance: the portfolio
// rules and figures and every initiative's standing.
func (s *Server) handleReportCompliance(c *gin.Context) {
	opts, err := reportOptions(c)
	if err != nil {
		s.writeError(c, err)
		return
	}
	rep, err := s.buildReport(c, opts)
	if err != nil {
		s.writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, rep)
}

// handleReportComplianceCSV serves GET /api/v1/reports/compliance.csv: the same
// tables as CSV, all in one file with a table column, or one with ?table=.
// ?excel=true shapes it for a Norwegian Excel (output.CSVOptions): a byte
// order mark, ";", a decimal comma and headers in the report's language.
func (s *Server) handleReportComplianceCSV(c *gin.Context) {
	opts, err := reportOptions(c)
	if err != nil {
		s.writeError(c, err)
		return
	}
	table := c.Query("table")
	if table != "" && !slices.Contains(output.ReportTableNames, table) {
		s.writeError(c, &models.Error{Code: models.EINVALID, Message: "table: «" + table + "» is not one of " + strings.Join(output.ReportTableNames, ", "), Details: map[string]string{"field": "table"}})
		return
	}
	var csvOpts output.CSVOptions
	if v, ok := c.GetQuery("excel"); ok {
		b, err := strconv.ParseBool(v)
		if err != nil {
			s.writeError(c, &models.Error{Code: models.EINVALID, Message: "excel: «" + v + "» is not true or false", Details: map[string]string{"field": "excel"}})
			return
		}
		csvOpts.Excel = b
	}
	rep, err := s.buildReport(c, opts)
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
	if err := output.WriteReportCSVWith(c.Writer, rep, table, csvOpts); err != nil {
		s.log.Warn("write csv", "request_id", requestIDOf(c), "error", err.Error())
	}
}

// handleReportComplianceXLSX serves GET /api/v1/reports/compliance.xlsx: the
// same tables as an Excel workbook, a sheet per table, headers in the
// report's language. The workbook is built in memory before the status is
// written, so a failure still answers an error.
func (s *Server) handleReportComplianceXLSX(c *gin.Context) {
	opts, err := reportOptions(c)
	if err != nil {
		s.writeError(c, err)
		return
	}
	rep, err := s.buildReport(c, opts)
	if err != nil {
		s.writeError(c, err)
		return
	}
	var b bytes.Buffer
	if err := output.WriteReportXLSX(&b, rep); err != nil {
		s.writeError(c, err)
		return
	}
	c.Header("Content-Disposition", `attachment; filename="compliance-`+rep.AsOf+`.xlsx"`)
	c.Data(http.StatusOK, output.XLSXContentType, b.Bytes())
}
