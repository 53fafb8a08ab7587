package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

func (s *Server) registerInitiativeRoutes(r *gin.RouterGroup) {
	r.POST("/initiatives", s.handleInitiativeCreate)
	r.GET("/initiatives", s.handleInitiativeList)
	r.GET("/initiatives/:id", s.handleInitiativeGet)
	r.PUT("/initiatives/:id", s.handleInitiativeUpdate)
	r.GET("/initiatives/:id/versions", s.handleInitiativeVersions)
}

var validID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// submission is the answer to a create or update: the stored initiative and the
// check that accepted it, or (422) the check that refused it.
type submission struct {
	Initiative *models.Initiative `json:"initiative,omitempty"`
	Result     models.CheckResult `json:"result"`
}

// initiativeView is an initiative with the result of its latest check.
type initiativeView struct {
	models.Initiative
	Result json.RawMessage `json:"result,omitempty"`
}

// newInitiativeID makes an id for a submission that has none: time-ordered and
// within the schema's pattern.
func newInitiativeID() string {
	return "T-" + strings.ReplaceAll(policies.NewDecisionID(), "-", "")[:20]
}

// handleInitiativeCreate serves POST /api/v1/initiatives: check and, when no
// unwaived error, store version 1 with its decision in one transaction (201);
// else 422 with the result and nothing stored. Honours Idempotency-Key.
func (s *Server) handleInitiativeCreate(c *gin.Context) {
	s.submit(c, "")
}

// handleInitiativeUpdate serves PUT /api/v1/initiatives/:id: a new version,
// checked the same way; If-Match with the ETag guards against lost updates (412).
func (s *Server) handleInitiativeUpdate(c *gin.Context) {
	s.submit(c, c.Param("id"))
}

// submit is the shared path of create (id "") and update.
func (s *Server) submit(c *gin.Context, id string) {
	p, err := parseCheckParams(c)
	if err != nil {
		s.writeError(c, err)
		return
	}
	ifVersion := 0
	if id != "" {
		if !validID.MatchString(id) {
			s.writeError(c, models.Errorf(models.ENOTFOUND, "initiative %q not found", id))
			return
		}
		if ifVersion, err = parseIfMatch(c.GetHeader("If-Match")); err != nil {
			s.writeError(c, err)
			return
		}
	}
	if err := s.checkUpdatable(c, id, ifVersion); err != nil {
		s.writeError(c, err)
		return
	}
	raw, _, err := s.readBody(c, s.cfg.MaxBodyBytes, mediaJSON)
	if err != nil {
		s.writeError(c, err)
		return
	}
	caller := callerOf(c)
	idem, replayed, err := s.idempotency(c, caller, raw)
	if err != nil || replayed {
		if err != nil {
			s.writeError(c, err)
		}
		return
	}
	parsed, err := policies.ParseDocument(raw)
	if err != nil {
		s.writeError(c, err)
		return
	}
	doc, ok := parsed.(map[string]any)
	if !ok {
		s.writeError(c, models.Errorf(models.EINVALID, "the initiative must be a JSON object"))
		return
	}
	kind := models.DecisionSubmit
	if id == "" {
		if docID, ok := doc["id"].(string); ok && docID != "" {
			id = docID
		} else if _, present := doc["id"]; !present {
			id = newInitiativeID()
			doc["id"] = id
		}
	} else {
		kind = models.DecisionUpdate
		if docID, present := doc["id"]; present && docID != id {
			s.writeError(c, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("id in the body (%v) differs from the id in the path (%s)", docID, id), Details: map[string]string{"field": "id"}})
			return
		}
		doc["id"] = id
	}
	stored, err := json.Marshal(doc)
	if err != nil {
		s.writeError(c, err)
		return
	}
	rev := s.engine.Active()
	var waivers []models.Waiver // an update is checked with the initiative's waivers
	if kind == models.DecisionUpdate {
		if waivers, err = s.updateWaivers(c, id); err != nil {
			s.writeError(c, err)
			return
		}
	}
	res, err := s.evaluate(c.Request.Context(), rev, doc, p, kind, waivers)
	if err != nil {
		s.writeError(c, err)
		return
	}
	decision := decisionFor(kind, stored, res, caller, res.EvaluatedAt)
	if !res.Allowed {
		// Refused: nothing is stored but the decision, so the refusal can be looked up.
		s.decisions.Enqueue(decision)
		s.respond(c, idem, http.StatusUnprocessableEntity, submission{Result: res})
		return
	}
	in := &models.Initiative{
		ID: id, Title: str(doc["title"]), Sector: str(doc["sector"]), Status: str(doc["status"]), Type: str(doc["type"]),
		SubmittedAt: str(doc["submitted_at"]), Allowed: res.Allowed, DecisionID: res.DecisionID, Document: stored,
	}
	if in.Status == "" {
		in.Status = "forslag"
	}
	status := http.StatusCreated
	if kind == models.DecisionUpdate {
		status = http.StatusOK
	}
	body := submission{Initiative: in, Result: res}
	if idem != nil {
		// The answer is stored with the submission, in its transaction, once the
		// store has set the version and times it reports.
		idem.StatusCode = status
		idem.BodyFunc = func() ([]byte, error) { return json.Marshal(body) }
	}
	ctx, cancel := s.storeContext(c)
	defer cancel()
	if kind == models.DecisionSubmit {
		err = s.store.CreateInitiative(ctx, in, &decision, idem)
	} else {
		err = s.store.UpdateInitiative(ctx, in, ifVersion, &decision, idem)
	}
	if err != nil {
		if idem != nil && models.ErrorCode(err) == models.ECONFLICT {
			// Maybe a concurrent retry with the same key won the race: answer as it did.
			if rec, gerr := s.store.GetIdempotency(ctx, idem.Scope, idem.Key); gerr == nil {
				s.replay(c, rec, idem.RequestHash)
				return
			}
		}
		s.writeError(c, err)
		return
	}
	c.Header("ETag", etag(in.Version))
	c.Header("Location", "/api/v1/initiatives/"+in.ID)
	c.JSON(status, body)
}

// respond writes an answer that is not stored with a submission, remembering it
// under the idempotency key when there is one.
func (s *Server) respond(c *gin.Context, idem *models.IdempotencyRecord, status int, body any) {
	if idem != nil {
		raw, err := json.Marshal(body)
		if err == nil {
			idem.StatusCode, idem.Body = status, raw
			ctx, cancel := s.storeContext(c)
			if perr := s.store.PutIdempotency(ctx, *idem); perr != nil && models.ErrorCode(perr) != models.ECONFLICT {
				s.log.Warn("idempotency record not stored", "request_id", requestIDOf(c), "error", perr.Error())
			}
			cancel()
		}
	}
	c.JSON(status, body)
}

// idempotency handles the Idempotency-Key header: a retry with the same key and
// body gets the first answer (replayed=true); the same key with another body is a
// conflict. Without the header it returns nil.
func (s *Server) idempotency(c *gin.Context, caller string, raw []byte) (*models.IdempotencyRecord, bool, error) {
	key := c.GetHeader("Idempotency-Key")
	if key == "" {
		return nil, false, nil
	}
	if len(key) > 200 {
		return nil, false, &models.Error{Code: models.EINVALID, Message: "Idempotency-Key is longer than 200 characters", Details: map[string]string{"header": "Idempotency-Key"}}
	}
	h := sha256.New()
	// The query (as_of, lang) changes the answer, so it is part of the request.
	_, _ = fmt.Fprintf(h, "%s %s?%s\n", c.Request.Method, c.Request.URL.Path, c.Request.URL.RawQuery) // a hash.Hash never fails a write
	h.Write(raw)
	hash := hex.EncodeToString(h.Sum(nil))
	ctx, cancel := s.storeContext(c)
	defer cancel()
	rec, err := s.store.GetIdempotency(ctx, caller, key)
	switch {
	case err == nil:
		s.replay(c, rec, hash)
		return nil, true, nil
	case models.ErrorCode(err) != models.ENOTFOUND:
		return nil, false, err
	}
	return &models.IdempotencyRecord{Key: key, Scope: caller, RequestHash: hash, CreatedAt: time.Now().UTC()}, false, nil
}

// replay answers with a remembered response, or 409 when the key was used for another request.
func (s *Server) replay(c *gin.Context, rec models.IdempotencyRecord, hash string) {
	if rec.RequestHash != hash {
		s.writeError(c, &models.Error{Code: models.ECONFLICT, Message: "Idempotency-Key was already used for a different request", Details: map[string]string{"header": "Idempotency-Key"}})
		return
	}
	var body submission
	if json.Unmarshal(rec.Body, &body) == nil && body.Initiative != nil {
		c.Header("ETag", etag(body.Initiative.Version))
		c.Header("Location", "/api/v1/initiatives/"+body.Initiative.ID)
	}
	c.Header("Idempotent-Replayed", "true")
	c.Data(rec.StatusCode, "application/json; charset=utf-8", rec.Body)
}

// checkUpdatable answers an update of an unknown initiative (404) or with a stale
// If-Match (412) before the proposal is evaluated; the store checks again in the
// write's transaction, so a concurrent update is still caught there.
func (s *Server) checkUpdatable(c *gin.Context, id string, ifVersion int) error {
	if id == "" {
		return nil
	}
	ctx, cancel := s.storeContext(c)
	defer cancel()
	in, err := s.store.GetInitiative(ctx, id)
	if err != nil {
		return err
	}
	if ifVersion > 0 && in.Version != ifVersion {
		return &models.Error{Code: models.EPRECONDITION,
			Message: fmt.Sprintf("If-Match names version %d, but the latest version of %s is %d", ifVersion, id, in.Version),
			Details: map[string]int{"current_version": in.Version}}
	}
	return nil
}

func etag(version int) string { return `"` + strconv.Itoa(version) + `"` }

// parseIfMatch reads an If-Match header holding a version ETag ("3", W/"3" or 3); "" and "*" mean any.
func parseIfMatch(h string) (int, error) {
	h = strings.TrimSpace(h)
	if h == "" || h == "*" {
		return 0, nil
	}
	v := strings.Trim(strings.TrimPrefix(h, "W/"), `"`)
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("If-Match %q is not a version ETag such as \"3\"", h), Details: map[string]string{"header": "If-Match"}}
	}
	return n, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// handleInitiativeGet serves GET /api/v1/initiatives/:id: the latest version with its latest result.
func (s *Server) handleInitiativeGet(c *gin.Context) {
	ctx, cancel := s.storeContext(c)
	defer cancel()
	in, err := s.store.GetInitiative(ctx, c.Param("id"))
	if err != nil {
		s.writeError(c, err)
		return
	}
	view := initiativeView{Initiative: in}
	if d, err := s.store.GetDecision(ctx, in.DecisionID); err == nil {
		view.Result = d.Result
	} else if models.ErrorCode(err) != models.ENOTFOUND {
		s.writeError(c, err)
		return
	}
	if view.Result, err = s.withCurrentWaivers(ctx, in.ID, view.Result); err != nil {
		s.writeError(c, err)
		return
	}
	c.Header("ETag", etag(in.Version))
	c.JSON(http.StatusOK, view)
}

var (
	validSectors  = []string{"OSK", "OBH", "POM", "HSO", "PMK", "TEK", "VAR", "OSU"}
	validStatuses = []string{"forslag", "utredning", "vedtatt", "i_gjennomforing", "gjennomfort", "evaluert", "avvist"}
	validTypes    = []string{"omstilling", "effektivisering", "innsparing", "nytt_tiltak", "investering"}
)

// handleInitiativeList serves GET /api/v1/initiatives: latest versions filtered by
// sector, status, type, allowed and a text search in the title (q), paged by cursor or page.
func (s *Server) handleInitiativeList(c *gin.Context) {
	f := models.InitiativeFilter{Sector: c.Query("sector"), Status: c.Query("status"), Type: c.Query("type"), Query: c.Query("q"), Cursor: c.Query("cursor")}
	for _, chk := range []struct {
		name, value string
		valid       []string
	}{{"sector", f.Sector, validSectors}, {"status", f.Status, validStatuses}, {"type", f.Type, validTypes}} {
		if chk.value != "" && !contains(chk.valid, chk.value) {
			s.writeError(c, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("%s: «%s» is not one of %s", chk.name, chk.value, strings.Join(chk.valid, ", ")), Details: map[string]string{"field": chk.name}})
			return
		}
	}
	if v, ok := c.GetQuery("allowed"); ok {
		b, err := strconv.ParseBool(v)
		if err != nil {
			s.writeError(c, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("allowed: «%s» is not true or false", v), Details: map[string]string{"field": "allowed"}})
			return
		}
		f.Allowed = &b
	}
	for _, q := range []struct {
		name string
		dst  *int
		max  int
	}{{"page", &f.Page, 1 << 30}, {"limit", &f.Limit, 500}} {
		if v, ok := c.GetQuery(q.name); ok {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > q.max {
				s.writeError(c, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("%s: «%s» must be a whole number from 1 to %d", q.name, v, q.max), Details: map[string]string{"field": q.name}})
				return
			}
			*q.dst = n
		}
	}
	if f.Page > 0 && f.Cursor != "" {
		s.writeError(c, models.Errorf(models.EINVALID, "use either cursor or page, not both"))
		return
	}
	ctx, cancel := s.storeContext(c)
	defer cancel()
	page, err := s.store.ListInitiatives(ctx, f)
	if err != nil {
		s.writeError(c, err)
		return
	}
	if page.Items == nil {
		page.Items = []models.Initiative{}
	}
	c.JSON(http.StatusOK, page)
}

// handleInitiativeVersions serves GET /api/v1/initiatives/:id/versions: every
// version, oldest first, with the decision that accepted it.
func (s *Server) handleInitiativeVersions(c *gin.Context) {
	ctx, cancel := s.storeContext(c)
	defer cancel()
	vs, err := s.store.ListVersions(ctx, c.Param("id"))
	if err != nil {
		s.writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"id": c.Param("id"), "versions": vs})
}
