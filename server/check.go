package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/app"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

const (
	mediaJSON   = "application/json"
	mediaNDJSON = "application/x-ndjson"
)

func (s *Server) registerCheckRoutes(r *gin.RouterGroup) {
	s.handle(r, checkers, "POST", "/check", s.handleCheck)
	s.handle(r, batchers, "POST", "/check/batch", s.handleCheckBatch)
}

// checkParams are the query parameters every check shares.
type checkParams = app.CheckOptions

// parseCheckParams reads ?as_of= and ?lang= (else Accept-Language).
func parseCheckParams(c *gin.Context) (checkParams, error) {
	p := checkParams{AsOf: c.Query("as_of"), Lang: models.LangNB}
	if p.AsOf != "" && !policies.ValidDate(p.AsOf) {
		return p, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("as_of: «%s» is not a date (YYYY-MM-DD)", p.AsOf), Details: map[string]string{"field": "as_of"}}
	}
	if l, ok := c.GetQuery("lang"); ok {
		lang, ok := models.ParseLang(l)
		if !ok {
			return p, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("lang: «%s» is not nb or en", l), Details: map[string]string{"field": "lang"}}
		}
		p.Lang = lang
	} else {
		p.Lang = langFromAcceptLanguage(c.GetHeader("Accept-Language"))
	}
	return p, nil
}

// langFromAcceptLanguage picks the first of nb/en the caller accepts, by q order.
func langFromAcceptLanguage(h string) models.Lang {
	best, bestQ := models.LangNB, -1.0
	for _, part := range strings.Split(h, ",") {
		tag, q := strings.TrimSpace(part), 1.0
		if i := strings.Index(tag, ";"); i >= 0 {
			if _, err := fmt.Sscanf(strings.TrimSpace(tag[i+1:]), "q=%g", &q); err != nil {
				q = 1 // a parameter that is not a q-value leaves the default weight
			}
			tag = strings.TrimSpace(tag[:i])
		}
		base := strings.ToLower(strings.SplitN(tag, "-", 2)[0])
		var lang models.Lang
		switch base {
		case "nb", "no", "nn":
			lang = models.LangNB
		case "en":
			lang = models.LangEN
		default:
			continue
		}
		if q > bestQ {
			best, bestQ = lang, q
		}
	}
	return best
}

// callerOf names who is asking, for the decision log.
func callerOf(c *gin.Context) string {
	if name := c.GetString(callerKey); name != "" {
		return name
	}
	return "anonymous"
}

const callerKey = "caller"

// handleCheck serves POST /api/v1/check: check one proposal without storing it.
// The result is the answer also when the proposal has violations (200). With
// ?draft=true it is a draft check (app.CheckDraft): every rule runs beside
// DAT-001, nothing is logged, and portfolio=true is refused (400).
func (s *Server) handleCheck(c *gin.Context) {
	p, err := parseCheckParams(c)
	if err != nil {
		s.writeError(c, err)
		return
	}
	raw, _, err := s.readBody(c, s.cfg.MaxBodyBytes, mediaJSON)
	if err != nil {
		s.writeError(c, err)
		return
	}
	withPortfolio := false
	if v, ok := c.GetQuery("portfolio"); ok {
		if withPortfolio, err = strconv.ParseBool(v); err != nil {
			s.writeError(c, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("portfolio: «%s» is not true or false", v), Details: map[string]string{"field": "portfolio"}})
			return
		}
	}
	draft := false
	if v, ok := c.GetQuery("draft"); ok {
		if draft, err = strconv.ParseBool(v); err != nil {
			s.writeError(c, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("draft: «%s» is not true or false", v), Details: map[string]string{"field": "draft"}})
			return
		}
	}
	if draft {
		if withPortfolio {
			s.writeError(c, &models.Error{Code: models.EINVALID, Message: "portfolio: a draft check (draft=true) has no portfolio what-if", Details: map[string]string{"field": "portfolio"}})
			return
		}
		res, err := s.app.CheckDraft(c.Request.Context(), raw, p, callerIn(c))
		if err != nil {
			s.writeError(c, err)
			return
		}
		c.JSON(200, draftResult{CheckResult: res, Draft: true})
		return
	}
	checked, err := s.app.Check(c.Request.Context(), raw, p, callerIn(c))
	if err != nil {
		s.writeError(c, err)
		return
	}
	if !withPortfolio {
		// The result is encoded once, for the log and for the answer.
		c.Data(200, "application/json; charset=utf-8", checked.Decision.Result)
		return
	}
	out := checkWithPortfolio{CheckResult: checked.Result}
	if _, isObject := checked.Document.(map[string]any); isObject && !app.OnlySchemaErrors(checked.Result) {
		if out.Portfolio, err = s.app.PortfolioWhatIf(c.Request.Context(), checked.Revision, checked.Document, checked.Result.AsOf, p.Lang); err != nil {
			s.writeError(c, err)
			return
		}
	}
	c.JSON(200, out)
}

// draftResult is the answer of a draft check (?draft=true): a check result
// marked draft, with an empty decision_id, as it is no decision and is logged
// nowhere (docs/readings.md, "Draft checks").
type draftResult struct {
	models.CheckResult
	Draft bool `json:"draft"`
}

// checkWithPortfolio is a check result with the what-if of the portfolio
// (absent when the proposal does not match the schema).
type checkWithPortfolio struct {
	models.CheckResult
	Portfolio *app.WhatIf `json:"portfolio,omitempty"`
}

// handleCheckBatch serves POST /api/v1/check/batch: up to MaxBatchItems
// proposals as a JSON array or NDJSON, evaluated in parallel on one revision;
// results keep the input order. A malformed item is an item error, not a failed batch.
func (s *Server) handleCheckBatch(c *gin.Context) {
	p, err := parseCheckParams(c)
	if err != nil {
		s.writeError(c, err)
		return
	}
	raw, mt, err := s.readBody(c, s.cfg.MaxBatchBytes, mediaJSON, mediaNDJSON)
	if err != nil {
		s.writeError(c, err)
		return
	}
	items, err := splitBatch(raw, mt)
	if err != nil {
		s.writeError(c, err)
		return
	}
	if len(items) > s.cfg.MaxBatchItems {
		s.writeError(c, &models.Error{Code: models.ETOOLARGE, Message: fmt.Sprintf("the batch has %d proposals; at most %d are allowed in one call", len(items), s.cfg.MaxBatchItems),
			Details: map[string]int{"items": len(items), "limit": s.cfg.MaxBatchItems}})
		return
	}
	out, err := s.app.CheckBatch(c.Request.Context(), items, p, callerIn(c))
	if err != nil {
		s.writeError(c, err)
		return
	}
	c.JSON(200, out)
}

// splitBatch cuts a batch body into its items: the elements of a JSON array,
// or the non-empty lines of NDJSON. Items are parsed later, one by one, so that a
// malformed item fails alone.
func splitBatch(raw []byte, mediaType string) ([][]byte, error) {
	if mediaType == mediaNDJSON {
		var items [][]byte
		for line := range bytes.SplitSeq(raw, []byte("\n")) {
			if line = bytes.TrimSpace(line); len(line) > 0 {
				items = append(items, line)
			}
		}
		return items, nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		if _, perr := policies.ParseDocument(raw); perr != nil {
			return nil, perr // names line and column
		}
		return nil, models.Errorf(models.EINVALID, "the batch must be a JSON array of proposals (or NDJSON with Content-Type %s)", mediaNDJSON)
	}
	out := make([][]byte, len(items))
	for i, it := range items {
		out[i] = it
	}
	return out, nil
}
