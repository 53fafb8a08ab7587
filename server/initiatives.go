package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/app"
	"github.com/baerum/styring/models"
)

func (s *Server) registerInitiativeRoutes(r *gin.RouterGroup) {
	s.handle(r, submitter, "POST", "/initiatives", s.handleInitiativeCreate)
	s.handle(r, readers, "GET", "/initiatives", s.handleInitiativeList)
	s.handle(r, readers, "GET", "/initiatives/:id", s.handleInitiativeGet)
	s.handle(r, submitter, "PUT", "/initiatives/:id", s.handleInitiativeUpdate)
	s.handle(r, readers, "GET", "/initiatives/:id/versions", s.handleInitiativeVersions)
}

// initiativeView is an initiative with the result of its latest check.
type initiativeView struct {
	models.Initiative
	Result json.RawMessage `json:"result,omitempty"`
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

// submit is the shared path of create (id "") and update: decode, call
// app.Submit, write the answer (201, 200, 422 with the result, or a replay).
func (s *Server) submit(c *gin.Context, id string) {
	p, err := parseCheckParams(c)
	if err != nil {
		s.writeError(c, err)
		return
	}
	ifVersion := 0
	if id != "" {
		if !app.ValidID.MatchString(id) {
			s.writeError(c, models.Errorf(models.ENOTFOUND, "initiative %q not found", id))
			return
		}
		if ifVersion, err = parseIfMatch(c.GetHeader("If-Match")); err != nil {
			s.writeError(c, err)
			return
		}
	}
	ctx := c.Request.Context()
	if err := s.app.CheckUpdatable(ctx, id, ifVersion, callerIn(c)); err != nil {
		s.writeError(c, err)
		return
	}
	raw, _, err := s.readBody(c, s.cfg.MaxBodyBytes, mediaJSON)
	if err != nil {
		s.writeError(c, err)
		return
	}
	out, err := s.app.Submit(ctx, app.SubmitRequest{
		ID: id, IfVersion: ifVersion, Raw: raw, Options: p, Caller: callerIn(c), Idempotency: idempotencyKey(c, raw),
		DraftID: c.Query("draft"), // the caller's draft it comes from, deleted once it is stored
	})
	if err != nil {
		s.writeError(c, err)
		return
	}
	if out.Replayed != nil {
		s.replay(c, *out.Replayed)
		return
	}
	status := http.StatusOK
	if out.Created {
		status = http.StatusCreated
	}
	c.Header("ETag", etag(out.Initiative.Version))
	c.Header("Location", "/api/v1/initiatives/"+out.Initiative.ID)
	c.JSON(status, out.Submission)
}

// idempotencyKey reads the Idempotency-Key header with a hash of the request
// it names: method, path, query (as_of and lang change the answer) and body.
// Without the header it returns nil.
func idempotencyKey(c *gin.Context, raw []byte) *app.IdempotencyKey {
	key := c.GetHeader("Idempotency-Key")
	if key == "" {
		return nil
	}
	h := sha256.New()
	_, _ = fmt.Fprintf(h, "%s %s?%s\n", c.Request.Method, c.Request.URL.Path, c.Request.URL.RawQuery) // a hash.Hash never fails a write
	h.Write(raw)
	return &app.IdempotencyKey{Key: key, RequestHash: hex.EncodeToString(h.Sum(nil))}
}

// replay answers with a remembered response.
func (s *Server) replay(c *gin.Context, rec models.IdempotencyRecord) {
	var body app.Submission
	if json.Unmarshal(rec.Body, &body) == nil && body.Initiative != nil {
		c.Header("ETag", etag(body.Initiative.Version))
		c.Header("Location", "/api/v1/initiatives/"+body.Initiative.ID)
	}
	c.Header("Idempotent-Replayed", "true")
	c.Data(rec.StatusCode, "application/json; charset=utf-8", rec.Body)
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

// handleInitiativeGet serves GET /api/v1/initiatives/:id: the latest version
// with its latest result; 404 for one of a sector the caller does not reach.
func (s *Server) handleInitiativeGet(c *gin.Context) {
	ctx, cancel := s.storeContext(c)
	defer cancel()
	in, err := s.app.ReachableInitiative(ctx, c.Param("id"), callerIn(c))
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
	if view.Result, err = s.app.WithCurrentWaivers(ctx, in.ID, view.Result); err != nil {
		s.writeError(c, err)
		return
	}
	c.Header("ETag", etag(in.Version))
	c.JSON(http.StatusOK, view)
}

// maxTitleQuery bounds the title search q in characters (a longer LIKE pattern
// is more than SQLite takes, and no title is that long).
const maxTitleQuery = 200

// handleInitiativeList serves GET /api/v1/initiatives: latest versions filtered by
// sector, status, type, allowed and a text search in the title (q), paged by
// cursor or page; only those of the sectors the caller reaches.
func (s *Server) handleInitiativeList(c *gin.Context) {
	f := models.InitiativeFilter{Sectors: callerIn(c).Sectors(), Sector: c.Query("sector"), Status: c.Query("status"), Type: c.Query("type"), Query: c.Query("q"), Cursor: c.Query("cursor")}
	for _, chk := range []struct {
		name, value string
		valid       []string
	}{{"sector", f.Sector, models.Sectors}, {"status", f.Status, models.Statuses}, {"type", f.Type, models.InitiativeTypes}} {
		if chk.value != "" && !contains(chk.valid, chk.value) {
			s.writeError(c, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("%s: «%s» is not one of %s", chk.name, chk.value, strings.Join(chk.valid, ", ")), Details: map[string]string{"field": chk.name}})
			return
		}
	}
	if n := utf8.RuneCountInString(f.Query); n > maxTitleQuery {
		s.writeError(c, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("q: is %d characters; at most %d are allowed", n, maxTitleQuery), Details: map[string]string{"field": "q"}})
		return
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
// version, oldest first, with the decision that accepted it; 404 when the
// caller does not reach the initiative's sector (its latest version's).
func (s *Server) handleInitiativeVersions(c *gin.Context) {
	ctx, cancel := s.storeContext(c)
	defer cancel()
	vs, err := s.store.ListVersions(ctx, c.Param("id"))
	if err == nil && len(vs) > 0 {
		err = callerIn(c).ReachInitiative(vs[len(vs)-1].Initiative)
	}
	if err != nil {
		s.writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"id": c.Param("id"), "versions": vs})
}
