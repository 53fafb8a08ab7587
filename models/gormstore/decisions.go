package gormstore

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/baerum/styring/models"
)

// logBatchSize is how many decisions one INSERT writes: 12 columns each stays
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
	CallerID       string    // migration 6
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
		Input: JSON(d.Input), Result: JSON(d.Result), CreatedAt: created, CallerID: d.CallerID,
	}
}

func (r decisionRow) decision() models.Decision {
	return models.Decision{
		ID: r.ID, Kind: r.Kind, InitiativeID: r.InitiativeID, Version: r.Version,
		PolicyRevision: r.PolicyRevision, AsOf: r.AsOf, Caller: r.Caller, Allowed: r.Allowed,
		Input: r.Input.raw(), Result: r.Result.raw(), CreatedAt: r.CreatedAt.UTC(), CallerID: r.CallerID,
	}
}

// checkDecision refuses a decision the log cannot keep.
func checkDecision(d *models.Decision) error {
	if d.ID == "" {
		return models.Errorf(models.EINVALID, "decision has no id")
	}
	for name, v := range map[string]json.RawMessage{"input": d.Input, "result": d.Result} {
		// Invalid UTF-8 is refused on both databases: jsonb refuses it, and
		// SQLite would keep bytes no JSON reader could be given back.
		if len(v) > 0 && (!validJSON(v) || !utf8.Valid(v)) {
			return models.Errorf(models.EINVALID, "%s of decision %q is not valid JSON in UTF-8 or contains a \\u0000 character", name, d.ID)
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
		if isInvalidJSON(err) || isDataException(err) {
			// A value of one decision (a text column with a NUL, say): the
			// decision logger writes the batch again in parts to find it.
			return models.Errorf(models.EINVALID, "a decision of the batch cannot be stored: %s", dataExceptionText(err))
		}
		return err
	}
	if len(rows) > logBatchSize {
		return s.transaction(ctx, "log decisions", insert)
	}
	return s.run(ctx, "log decisions", insert)
}

// GetDecision returns one decision log entry, or ENOTFOUND. An entry the log
// refused and RejectDecision kept is returned from decision_rejects, with
// StoredAs set.
func (s *Store) GetDecision(ctx context.Context, id string) (models.Decision, error) {
	var rows []decisionRow
	var rejects []rejectRow
	err := s.run(ctx, "get decision", func(db *gorm.DB) error {
		if err := db.Where("decision_id = ?", id).Limit(1).Find(&rows).Error; err != nil || len(rows) > 0 {
			return err
		}
		return db.Where("decision_id = ?", id).Limit(1).Find(&rejects).Error
	})
	if err != nil {
		return models.Decision{}, err
	}
	switch {
	case len(rows) > 0:
		return rows[0].decision(), nil
	case len(rejects) > 0:
		return rejects[0].decision(), nil
	}
	return models.Decision{}, models.Errorf(models.ENOTFOUND, "decision %q not found", id)
}

// rejectRow is a row of decision_rejects (migration 5): a decision-log entry
// the database refused, kept as text that cannot be refused. The input and
// result are base64 of their exact bytes; the other text columns are made
// valid UTF-8 without NUL (the id is ours, and always is).
type rejectRow struct {
	ID             string `gorm:"column:decision_id;primaryKey"`
	Kind           string
	InitiativeID   string
	Version        int
	PolicyRevision string
	AsOf           string
	Caller         string
	CallerID       string
	Allowed        bool
	InputBase64    string `gorm:"column:input_base64"`
	ResultBase64   string `gorm:"column:result_base64"`
	Error          string
	CreatedAt      time.Time `gorm:"autoCreateTime:false"`
	RejectedAt     time.Time `gorm:"autoCreateTime:false"`
}

func (rejectRow) TableName() string { return "decision_rejects" }

// rawEncoding is how decision_rejects keeps bytes.
const rawEncoding = "base64"

// RejectDecision keeps d, which the decision log refused for reason, in
// decision_rejects, where it can be inspected and GetDecision finds it. Every
// byte of its input and result is kept (base64), so a NUL or invalid UTF-8
// cannot be refused again. An id already kept is left as it is.
func (s *Store) RejectDecision(ctx context.Context, d models.Decision, reason string) error {
	if d.ID == "" || !safeText(d.ID) {
		return models.Errorf(models.EINVALID, "decision id %q cannot be kept", d.ID)
	}
	at := now()
	created := d.CreatedAt.UTC().Truncate(time.Microsecond)
	if d.CreatedAt.IsZero() {
		created = at
	}
	row := rejectRow{
		ID: d.ID, Kind: cleanText(d.Kind), InitiativeID: cleanText(d.InitiativeID), Version: d.Version,
		PolicyRevision: cleanText(d.PolicyRevision), AsOf: cleanText(d.AsOf), Caller: cleanText(d.Caller),
		CallerID: cleanText(d.CallerID), Allowed: d.Allowed,
		InputBase64:  base64.StdEncoding.EncodeToString(d.Input),
		ResultBase64: base64.StdEncoding.EncodeToString(d.Result),
		Error:        cleanText(reason), CreatedAt: created, RejectedAt: at,
	}
	return s.run(ctx, "keep refused decision", func(db *gorm.DB) error {
		return db.Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error
	})
}

func (r rejectRow) decision() models.Decision {
	input, ierr := base64.StdEncoding.DecodeString(r.InputBase64)
	result, rerr := base64.StdEncoding.DecodeString(r.ResultBase64)
	if ierr != nil || rerr != nil { // written by RejectDecision, so never; show what is there
		input, result = nil, nil
	}
	return models.Decision{
		ID: r.ID, Kind: r.Kind, InitiativeID: r.InitiativeID, Version: r.Version,
		PolicyRevision: r.PolicyRevision, AsOf: r.AsOf, Caller: r.Caller, CallerID: r.CallerID, Allowed: r.Allowed,
		Input: closestJSON(input), Result: closestJSON(result), CreatedAt: r.CreatedAt.UTC(),
		StoredAs: models.StoredRaw,
		Raw:      &models.RawDecision{Encoding: rawEncoding, Input: r.InputBase64, Result: r.ResultBase64, Error: r.Error},
	}
}

// closestJSON is raw as JSON a reader can take: with invalid UTF-8 replaced by
// U+FFFD (as Go's decoder, and so the engine, read it), or nil when it is not
// JSON at all. A \u0000 escape is valid JSON and stays.
func closestJSON(raw []byte) json.RawMessage {
	if len(raw) == 0 {
		return nil
	}
	fixed := []byte(strings.ToValidUTF8(string(raw), "\uFFFD"))
	if !json.Valid(fixed) {
		return nil
	}
	return fixed
}

// safeText reports text any database keeps as it is: valid UTF-8 without NUL.
func safeText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}

// cleanText makes s text any database keeps: invalid UTF-8 and NUL become U+FFFD.
func cleanText(s string) string {
	if safeText(s) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}
