package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

const (
	mediaJSON   = "application/json"
	mediaNDJSON = "application/x-ndjson"
)

func (s *Server) registerCheckRoutes(r *gin.RouterGroup) {
	r.POST("/check", s.handleCheck)
	r.POST("/check/batch", s.handleCheckBatch)
}

// checkParams are the query parameters every check shares.
type checkParams struct {
	AsOf string
	Lang models.Lang
}

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

// evaluate checks one parsed document on rev under the evaluation deadline and
// records the metrics; the caller decides what to log and store.
func (s *Server) evaluate(ctx context.Context, rev *policies.Revision, doc any, p checkParams, kind string, waivers []models.Waiver) (models.CheckResult, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.EvalTimeout)
	defer cancel()
	start := time.Now()
	res, err := rev.Check(ctx, doc, policies.CheckOptions{AsOf: p.AsOf, Lang: p.Lang, Now: s.now(), Waivers: waivers})
	if err != nil {
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			return res, &models.Error{Code: models.EUNAVAILABLE, Message: fmt.Sprintf("the evaluation took longer than %v", s.cfg.EvalTimeout)}
		case errors.Is(err, context.Canceled):
			// The caller went away; nobody reads this answer, and it is no fault of ours.
			return res, &models.Error{Code: models.EUNAVAILABLE, Message: "the request was cancelled"}
		}
		return res, err
	}
	s.metrics.evalDuration.Observe(time.Since(start).Seconds())
	outcome := "allowed"
	if !res.Allowed {
		outcome = "denied"
	}
	s.metrics.checks.WithLabelValues(kind, outcome).Inc()
	for _, v := range res.Violations {
		s.metrics.violations.WithLabelValues(v.RuleID, string(v.Severity)).Inc()
	}
	return res, nil
}

// decisionFor builds the log entry of an evaluation: the input as evaluated
// ({"initiative": …, "as_of": …}) and the result.
func decisionFor(kind string, raw []byte, res models.CheckResult, caller string, at time.Time) models.Decision {
	input := make([]byte, 0, len(raw)+48)
	input = append(input, `{"initiative":`...)
	input = append(input, bytes.TrimSpace(raw)...)
	input = append(input, `,"as_of":"`...)
	input = append(input, res.AsOf...)
	input = append(input, `"}`...)
	result, _ := json.Marshal(res)
	return models.Decision{
		ID: res.DecisionID, Kind: kind, InitiativeID: res.InitiativeID, PolicyRevision: res.PolicyRevision,
		AsOf: res.AsOf, Caller: caller, Allowed: res.Allowed, Input: input, Result: result, CreatedAt: at.UTC(),
	}
}

// handleCheck serves POST /api/v1/check: check one proposal without storing it.
// The result is the answer also when the proposal has violations (200).
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
	doc, err := policies.ParseDocument(raw)
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
	rev := s.engine.Active()
	res, err := s.evaluate(c.Request.Context(), rev, doc, p, models.DecisionCheck, s.checkWaivers(c, doc))
	if err != nil {
		s.writeError(c, err)
		return
	}
	d := decisionFor(models.DecisionCheck, raw, res, callerOf(c), res.EvaluatedAt)
	s.decisions.Enqueue(d)
	if !withPortfolio {
		// The result is encoded once, for the log and for the answer.
		c.Data(200, "application/json; charset=utf-8", d.Result)
		return
	}
	out := checkWithPortfolio{CheckResult: res}
	if _, isObject := doc.(map[string]any); isObject && !onlySchemaErrors(res) {
		if out.Portfolio, err = s.portfolioWhatIf(c.Request.Context(), rev, doc, res.AsOf, p.Lang); err != nil {
			s.writeError(c, err)
			return
		}
	}
	c.JSON(200, out)
}

// checkWithPortfolio is a check result with the what-if of the portfolio
// (absent when the proposal does not match the schema).
type checkWithPortfolio struct {
	models.CheckResult
	Portfolio *whatIf `json:"portfolio,omitempty"`
}

func onlySchemaErrors(res models.CheckResult) bool {
	return len(res.Violations) > 0 && res.Violations[0].RuleID == "DAT-001"
}

// batchItem is one entry of a batch answer: the check result or why the item
// could not be checked, with its index in the input.
type batchItem struct {
	Index  int                 `json:"index"`
	Result *models.CheckResult `json:"result,omitempty"`
	Error  *models.Error       `json:"error,omitempty"`
}

type batchSummary struct {
	Items   int `json:"items"`
	Allowed int `json:"allowed"`
	Denied  int `json:"denied"`
	Errors  int `json:"errors"`
}

type batchResponse struct {
	PolicyRevision string       `json:"policy_revision"`
	Summary        batchSummary `json:"summary"`
	Results        []batchItem  `json:"results"`
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
	rev := s.engine.Active()
	out := batchResponse{PolicyRevision: rev.ID, Results: make([]batchItem, len(items))}
	caller := callerOf(c)
	ctx := c.Request.Context()
	var wg sync.WaitGroup
	next := make(chan int)
	var failMu sync.Mutex
	var fail error
	for range min(s.cfg.BatchWorkers, max(len(items), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				item := batchItem{Index: i}
				doc, err := policies.ParseDocument(items[i])
				if err == nil {
					var res models.CheckResult
					res, err = s.evaluate(ctx, rev, doc, p, "batch", nil)
					if err == nil {
						item.Result = &res
						s.decisions.Enqueue(decisionFor(models.DecisionCheck, items[i], res, caller, res.EvaluatedAt))
					}
				}
				if err != nil {
					var me *models.Error
					if !errors.As(err, &me) {
						failMu.Lock()
						fail = err
						failMu.Unlock()
						me = &models.Error{Code: models.EINTERNAL, Message: "internal error"}
					}
					item.Error = me
				}
				out.Results[i] = item
			}
		}()
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	if fail != nil {
		s.writeError(c, fail)
		return
	}
	out.Summary.Items = len(items)
	for _, it := range out.Results {
		switch {
		case it.Error != nil:
			out.Summary.Errors++
		case it.Result.Allowed:
			out.Summary.Allowed++
		default:
			out.Summary.Denied++
		}
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
