package app

import (
	"context"
	"encoding/json"
	"regexp"
	"time"

	"github.com/baerum/styring/models"
)

// ValidID is the form of an initiative id (the schema's pattern of id).
var ValidID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// WaiverDay is the date waivers are judged at: today (UTC).
func (s *Service) WaiverDay() string { return s.now().UTC().Format(time.DateOnly) }

// WaiversOf returns the waivers of one initiative that are not revoked (nil
// for an unknown id or a store without waivers); checks apply those in force.
func (s *Service) WaiversOf(ctx context.Context, id string) ([]models.Waiver, error) {
	if s.waivers == nil || id == "" {
		return nil, nil
	}
	ctx, cancel := s.storeContext(ctx)
	defer cancel()
	ws, err := s.waivers.ActiveWaivers(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	return ws[id], nil
}

// checkWaivers returns the waivers of the stored initiative a proposal's id
// names, so a check shows what a submission would meet. A check needs no
// database: when the waivers cannot be read it goes on without them.
func (s *Service) checkWaivers(ctx context.Context, doc any) []models.Waiver {
	m, _ := doc.(map[string]any)
	id, _ := m["id"].(string)
	if s.waivers == nil || !ValidID.MatchString(id) {
		return nil
	}
	ws, err := s.waiverSnapshot(ctx)
	if err != nil {
		s.log.Warn("check without waivers: they could not be read", "initiative_id", id, "error", err.Error())
		return nil
	}
	return ws[id]
}

// waiverSnapshotTTL is how stale the waivers a plain check applies may be: a
// check is advice, and reading the waivers of every proposal from the
// database would cost more than the check. Submissions read them fresh.
const waiverSnapshotTTL = 5 * time.Second

// waiverSnapshot returns every initiative's active waivers, read at most every
// waiverSnapshotTTL (and again at once after ForgetWaiverSnapshot).
func (s *Service) waiverSnapshot(ctx context.Context) (map[string][]models.Waiver, error) {
	s.waiverMu.Lock()
	defer s.waiverMu.Unlock()
	if s.waiverCache != nil && s.now().Sub(s.waiverCacheAt) < waiverSnapshotTTL {
		return s.waiverCache, nil
	}
	ctx, cancel := s.storeContext(ctx)
	defer cancel()
	ws, err := s.waivers.ActiveWaivers(ctx, nil)
	if err != nil {
		return nil, err
	}
	s.waiverCache, s.waiverCacheAt = ws, s.now()
	return ws, nil
}

// ForgetWaiverSnapshot makes the next plain check read the waivers again
// (after a waiver was made or revoked here).
func (s *Service) ForgetWaiverSnapshot() {
	s.waiverMu.Lock()
	s.waiverCache = nil
	s.waiverMu.Unlock()
}

// WithCurrentWaivers applies the waivers in force today to a stored result, so
// a waiver made (or revoked, or expired) after the check shows. A result that
// is not a check result is returned as it is.
func (s *Service) WithCurrentWaivers(ctx context.Context, id string, result json.RawMessage) (json.RawMessage, error) {
	if s.waivers == nil || len(result) == 0 {
		return result, nil
	}
	var res models.CheckResult
	if json.Unmarshal(result, &res) != nil {
		return result, nil
	}
	ws, err := s.WaiversOf(ctx, id)
	if err != nil {
		return nil, err
	}
	models.ApplyWaivers(&res, ws, s.WaiverDay())
	return json.Marshal(res)
}
