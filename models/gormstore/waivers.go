package gormstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/baerum/styring/models"
)

var _ models.WaiverStore = (*Store)(nil)

// activeWaiversBatch is how many initiative ids one ActiveWaivers query names,
// far below PostgreSQL's 65535 parameters a statement.
const activeWaiversBatch = 1000

// waiverRow is a row of waivers (migration 3).
type waiverRow struct {
	ID           string `gorm:"primaryKey"`
	InitiativeID string
	RuleID       string
	Reason       string
	ExpiresAt    string
	CreatedBy    string
	CreatedAt    time.Time `gorm:"autoCreateTime:false"`
	RevokedBy    string
	RevokedAt    *time.Time
}

func (waiverRow) TableName() string { return "waivers" }

const waiverColumns = "id, initiative_id, rule_id, reason, expires_at, created_by, created_at, revoked_by, revoked_at"

func (r waiverRow) waiver() models.Waiver {
	w := models.Waiver{
		ID: r.ID, InitiativeID: r.InitiativeID, RuleID: r.RuleID, Reason: r.Reason, ExpiresAt: r.ExpiresAt,
		CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt.UTC(), RevokedBy: r.RevokedBy,
	}
	if r.RevokedAt != nil {
		at := r.RevokedAt.UTC()
		w.RevokedAt = &at
	}
	return w
}

// NewWaiverID returns a time-ordered waiver id ("W-" and a UUIDv7 without dashes),
// so waivers list in the order they were made.
func NewWaiverID() string {
	return "W-" + strings.ReplaceAll(uuid.Must(uuid.NewV7()).String(), "-", "")
}

// storeTime is t as the store keeps it (UTC, microseconds), or now when t is zero.
func storeTime(t time.Time) time.Time {
	if t.IsZero() {
		return now()
	}
	return t.UTC().Truncate(time.Microsecond)
}

// checkWaiver refuses a waiver the table cannot keep.
func checkWaiver(w *models.Waiver) error {
	switch {
	case w == nil:
		return models.Errorf(models.EINVALID, "no waiver")
	case w.InitiativeID == "":
		return models.Errorf(models.EINVALID, "waiver has no initiative id")
	case w.RuleID == "":
		return models.Errorf(models.EINVALID, "waiver has no rule id")
	case w.Reason == "":
		return models.Errorf(models.EINVALID, "waiver has no reason")
	case w.ExpiresAt == "":
		return models.Errorf(models.EINVALID, "waiver has no expiry date")
	case w.RevokedAt != nil:
		return models.Errorf(models.EINVALID, "a new waiver cannot be revoked already")
	}
	return nil
}

// initiativeExists reports whether an initiative with id is stored.
func initiativeExists(db *gorm.DB, id string) (bool, error) {
	var n int64
	if err := db.Model(&initiativeRow{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return false, fmt.Errorf("find initiative: %w", err)
	}
	return n > 0, nil
}

// CreateWaiver stores w and its decision-log entry d in one transaction. It
// sets w.ID (when empty) and w.CreatedAt (when zero), and d.InitiativeID.
// ENOTFOUND for an unknown initiative, ECONFLICT when the id is taken.
func (s *Store) CreateWaiver(ctx context.Context, w *models.Waiver, d *models.Decision) error {
	if err := checkWaiver(w); err != nil {
		return err
	}
	if w.ID == "" {
		w.ID = NewWaiverID()
	}
	w.CreatedAt = storeTime(w.CreatedAt)
	if d != nil {
		d.InitiativeID = w.InitiativeID
	}
	return s.transaction(ctx, "create waiver", func(tx *gorm.DB) error {
		// Asked first rather than read off the foreign key's error, whose code
		// differs between the databases.
		exists, err := initiativeExists(tx, w.InitiativeID)
		if err != nil {
			return err
		}
		if !exists {
			return models.Errorf(models.ENOTFOUND, "initiative %q not found", w.InitiativeID)
		}
		row := waiverRow{
			ID: w.ID, InitiativeID: w.InitiativeID, RuleID: w.RuleID, Reason: w.Reason, ExpiresAt: w.ExpiresAt,
			CreatedBy: w.CreatedBy, CreatedAt: w.CreatedAt,
		}
		if err := tx.Create(&row).Error; err != nil {
			if isUniqueViolation(err) {
				return models.Errorf(models.ECONFLICT, "waiver %q already exists", w.ID)
			}
			return fmt.Errorf("insert waiver: %w", err)
		}
		return insertDecision(tx, d, w.CreatedAt)
	})
}

// ListWaivers returns every waiver of an initiative, revoked and expired ones
// too, oldest first. ENOTFOUND for an unknown initiative.
func (s *Store) ListWaivers(ctx context.Context, initiativeID string) ([]models.Waiver, error) {
	var rows []waiverRow
	err := s.run(ctx, "list waivers", func(db *gorm.DB) error {
		if err := db.Where("initiative_id = ?", initiativeID).Order("created_at, id").Find(&rows).Error; err != nil {
			return err
		}
		if len(rows) > 0 {
			return nil
		}
		exists, err := initiativeExists(db, initiativeID)
		if err != nil {
			return err
		}
		if !exists {
			return models.Errorf(models.ENOTFOUND, "initiative %q not found", initiativeID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]models.Waiver, len(rows))
	for i, r := range rows {
		out[i] = r.waiver()
	}
	return out, nil
}

// RevokeWaiver revokes one waiver of an initiative, recording by and at, and
// logs d, in one transaction. ENOTFOUND when the initiative has no such waiver,
// ECONFLICT when it was revoked before (the first revocation stands).
func (s *Store) RevokeWaiver(ctx context.Context, initiativeID, waiverID, by string, at time.Time, d *models.Decision) (models.Waiver, error) {
	at = storeTime(at)
	if d != nil {
		d.InitiativeID = initiativeID
	}
	var out models.Waiver
	err := s.transaction(ctx, "revoke waiver", func(tx *gorm.DB) error {
		// One conditional statement, so of two concurrent revocations one wins
		// and the other sees the waiver revoked.
		var rows []waiverRow
		err := tx.Raw(`UPDATE waivers SET revoked_by = ?, revoked_at = ?
WHERE id = ? AND initiative_id = ? AND revoked_at IS NULL
RETURNING `+waiverColumns, by, at, waiverID, initiativeID).Find(&rows).Error
		if err != nil {
			return fmt.Errorf("revoke waiver: %w", err)
		}
		if len(rows) == 0 {
			var current []waiverRow
			if err := tx.Where("id = ? AND initiative_id = ?", waiverID, initiativeID).Limit(1).Find(&current).Error; err != nil {
				return fmt.Errorf("read waiver: %w", err)
			}
			if len(current) == 0 {
				return models.Errorf(models.ENOTFOUND, "initiative %q has no waiver %q", initiativeID, waiverID)
			}
			w := current[0].waiver()
			return &models.Error{Code: models.ECONFLICT,
				Message: fmt.Sprintf("waiver %s was already revoked at %s by %s", waiverID, w.RevokedAt.Format(time.RFC3339), w.RevokedBy),
				Details: map[string]any{"revoked_at": w.RevokedAt, "revoked_by": w.RevokedBy}}
		}
		if err := insertDecision(tx, d, at); err != nil {
			return err
		}
		out = rows[0].waiver()
		return nil
	})
	if err != nil {
		return models.Waiver{}, err
	}
	return out, nil
}

// ActiveWaivers returns the waivers not revoked, by initiative id, oldest
// first: of the initiatives in ids, or of all when ids is nil. Expired waivers
// are included; callers test expiry with Waiver.AppliesAt. The map is never nil.
func (s *Store) ActiveWaivers(ctx context.Context, ids []string) (map[string][]models.Waiver, error) {
	out := map[string][]models.Waiver{}
	if ids != nil && len(ids) == 0 {
		return out, nil
	}
	query := func(batch []string) error {
		var rows []waiverRow
		err := s.run(ctx, "active waivers", func(db *gorm.DB) error {
			q := db.Where("revoked_at IS NULL")
			if batch != nil {
				q = q.Where("initiative_id IN ?", batch)
			}
			return q.Order("initiative_id, created_at, id").Find(&rows).Error
		})
		if err != nil {
			return err
		}
		for _, r := range rows {
			out[r.InitiativeID] = append(out[r.InitiativeID], r.waiver())
		}
		return nil
	}
	if ids == nil {
		if err := query(nil); err != nil {
			return nil, err
		}
		return out, nil
	}
	for start := 0; start < len(ids); start += activeWaiversBatch {
		if err := query(ids[start:min(start+activeWaiversBatch, len(ids))]); err != nil {
			return nil, err
		}
	}
	return out, nil
}
