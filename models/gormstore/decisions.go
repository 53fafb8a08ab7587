package gormstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/baerum/styring/models"
)

// logBatchSize is how many decisions one INSERT writes: 11 columns each stays
// far below PostgreSQL's 65535 parameters a statement.
const logBatchSize = 500

// decisionRow is a row of decisions.
type decisionRow struct {
	ID             string `gorm:"column:decision_id;primaryKey"`
	Kind           string
	InitiativeID   string
	Version        int
	PolicyRevision string
	AsOf           string
	Caller         string
	Allowed        bool
	Input          JSON
	Result         JSON
	CreatedAt      time.Time `gorm:"autoCreateTime:false"`
}

func (decisionRow) TableName() string { return "decisions" }

func newDecisionRow(d *models.Decision, at time.Time) decisionRow {
	created := d.CreatedAt.UTC().Truncate(time.Microsecond)
	if d.CreatedAt.IsZero() {
		created = at
	}
	return decisionRow{
		ID: d.ID, Kind: d.Kind, InitiativeID: d.InitiativeID, Version: d.Version,
		PolicyRevision: d.PolicyRevision, AsOf: d.AsOf, Caller: d.Caller, Allowed: d.Allowed,
		Input: JSON(d.Input), Result: JSON(d.Result), CreatedAt: created,
	}
}

func (r decisionRow) decision() models.Decision {
	return models.Decision{
		ID: r.ID, Kind: r.Kind, InitiativeID: r.InitiativeID, Version: r.Version,
		PolicyRevision: r.PolicyRevision, AsOf: r.AsOf, Caller: r.Caller, Allowed: r.Allowed,
		Input: r.Input.raw(), Result: r.Result.raw(), CreatedAt: r.CreatedAt.UTC(),
	}
}

// checkDecision refuses a decision the log cannot keep.
func checkDecision(d *models.Decision) error {
	if d.ID == "" {
		return models.Errorf(models.EINVALID, "decision has no id")
	}
	for name, v := range map[string]json.RawMessage{"input": d.Input, "result": d.Result} {
		if len(v) > 0 && !validJSON(v) {
			return models.Errorf(models.EINVALID, "%s of decision %q is not valid JSON or contains a \\u0000 character", name, d.ID)
		}
	}
	return nil
}

// insertDecision logs d (when not nil) inside a submission's transaction; an id
// already logged is left as it is, as in LogDecisions.
func insertDecision(tx *gorm.DB, d *models.Decision, at time.Time) error {
	if d == nil {
		return nil
	}
	if err := checkDecision(d); err != nil {
		return err
	}
	row := newDecisionRow(d, at)
	if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
		if isInvalidJSON(err) {
			return models.Errorf(models.EINVALID, "decision %q cannot be stored as JSON", d.ID)
		}
		return fmt.Errorf("insert decision: %w", err)
	}
	return nil
}

// LogDecisions appends ds to the decision log, logBatchSize rows a statement
// (one statement for a usual batch), all in one transaction. A decision whose id
// is already logged is skipped, so a batch retried after a lost answer does no
// harm.
func (s *Store) LogDecisions(ctx context.Context, ds []models.Decision) error {
	if len(ds) == 0 {
		return nil
	}
	at := now()
	rows := make([]decisionRow, len(ds))
	for i := range ds {
		if err := checkDecision(&ds[i]); err != nil {
			return err
		}
		rows[i] = newDecisionRow(&ds[i], at)
	}
	insert := func(db *gorm.DB) error {
		err := db.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(rows, logBatchSize).Error
		if isInvalidJSON(err) {
			return models.Errorf(models.EINVALID, "a decision of the batch cannot be stored as JSON")
		}
		return err
	}
	if len(rows) > logBatchSize {
		return s.transaction(ctx, "log decisions", insert)
	}
	return s.run(ctx, "log decisions", insert)
}

// GetDecision returns one decision log entry, or ENOTFOUND.
func (s *Store) GetDecision(ctx context.Context, id string) (models.Decision, error) {
	var rows []decisionRow
	err := s.run(ctx, "get decision", func(db *gorm.DB) error {
		return db.Where("decision_id = ?", id).Limit(1).Find(&rows).Error
	})
	if err != nil {
		return models.Decision{}, err
	}
	if len(rows) == 0 {
		return models.Decision{}, models.Errorf(models.ENOTFOUND, "decision %q not found", id)
	}
	return rows[0].decision(), nil
}
