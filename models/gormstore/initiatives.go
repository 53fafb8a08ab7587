package gormstore

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/baerum/styring/models"
)

// List limits.
const (
	DefaultListLimit = 50
	MaxListLimit     = 500
	// allBatchSize is how many initiatives AllInitiatives reads per query.
	allBatchSize = 500
)

// initiativeRow is a row of initiatives: the latest version's columns.
type initiativeRow struct {
	ID          string `gorm:"primaryKey"`
	Version     int
	Title       string
	TitleLower  string
	Sector      string
	Status      string
	Type        string
	SubmittedAt string
	Allowed     bool
	DecisionID  string
	CreatedAt   time.Time `gorm:"autoCreateTime:false"`
	UpdatedAt   time.Time `gorm:"autoUpdateTime:false"`
}

func (initiativeRow) TableName() string { return "initiatives" }

// versionRow is a row of initiative_versions.
type versionRow struct {
	ID          string `gorm:"primaryKey"`
	Version     int    `gorm:"primaryKey;autoIncrement:false"`
	Title       string
	Sector      string
	Status      string
	Type        string
	SubmittedAt string
	Allowed     bool
	DecisionID  string
	Document    JSON
	CreatedAt   time.Time `gorm:"autoCreateTime:false"`
}

func (versionRow) TableName() string { return "initiative_versions" }

// latestRow is what the reads of the latest version select: initiatives joined
// to the document of its latest version.
type latestRow struct {
	ID          string
	Version     int
	Title       string
	Sector      string
	Status      string
	Type        string
	SubmittedAt string
	Allowed     bool
	DecisionID  string
	Document    JSON
	CreatedAt   time.Time
	UpdatedAt   time.Time
	// Result is the result of the version's decision; only AllInitiatives selects it.
	Result JSON
}

const latestColumns = "i.id, i.version, i.title, i.sector, i.status, i.type, i.submitted_at, i.allowed, i.decision_id, v.document, i.created_at, i.updated_at"

func (r latestRow) initiative() models.Initiative {
	return models.Initiative{
		ID: r.ID, Version: r.Version, Title: r.Title, Sector: r.Sector, Status: r.Status, Type: r.Type,
		SubmittedAt: r.SubmittedAt, Allowed: r.Allowed, DecisionID: r.DecisionID, Document: r.Document.raw(),
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
}

// latest starts a query of the latest versions.
func latest(db *gorm.DB) *gorm.DB {
	return db.Table("initiatives AS i").
		Select(latestColumns).
		Joins("JOIN initiative_versions v ON v.id = i.id AND v.version = i.version")
}

// foldTitle is the form of a title and of a query that search compares:
// composed (so å typed as a + ring matches å) and lowercased in Go, the same on
// both databases.
func foldTitle(s string) string { return strings.ToLower(norm.NFC.String(s)) }

// checkInitiative refuses what the store cannot keep.
func checkInitiative(in *models.Initiative) error {
	if in == nil {
		return models.Errorf(models.EINVALID, "no initiative")
	}
	if in.ID == "" {
		return models.Errorf(models.EINVALID, "initiative has no id")
	}
	if !validJSON(in.Document) {
		return models.Errorf(models.EINVALID, "document of initiative %q is not valid JSON or contains a \\u0000 character", in.ID)
	}
	return nil
}

// CreateInitiative stores version 1 of in, its decision and (when idem is not
// nil) the idempotency record in one transaction, committed before it returns.
// It sets in.Version, in.CreatedAt and in.UpdatedAt, in.DecisionID from d when
// empty, and d.InitiativeID and d.Version. ECONFLICT when the id exists or the
// idempotency key is taken.
func (s *Store) CreateInitiative(ctx context.Context, in *models.Initiative, d *models.Decision, idem *models.IdempotencyRecord) error {
	if err := checkInitiative(in); err != nil {
		return err
	}
	at := now()
	err := s.transaction(ctx, "create initiative", func(tx *gorm.DB) error {
		if err := insertIdempotency(tx, idem, at); err != nil {
			return err
		}
		version := 1
		prepareDecision(in, d, version)
		row := initiativeRow{
			ID: in.ID, Version: version, Title: in.Title, TitleLower: foldTitle(in.Title),
			Sector: in.Sector, Status: in.Status, Type: in.Type, SubmittedAt: in.SubmittedAt,
			Allowed: in.Allowed, DecisionID: in.DecisionID, CreatedAt: at, UpdatedAt: at,
		}
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
		if res.Error != nil {
			return fmt.Errorf("insert initiative: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return models.Errorf(models.ECONFLICT, "initiative %q already exists; update it instead", in.ID)
		}
		if err := insertVersion(tx, in, version, at); err != nil {
			return err
		}
		if err := insertDecision(tx, d, at); err != nil {
			return err
		}
		in.Version, in.CreatedAt, in.UpdatedAt = version, at, at
		return finishIdempotency(tx, idem)
	})
	return err
}

// UpdateInitiative stores in as the next version of an existing initiative, with
// its decision and the idempotency record, in one transaction. When ifVersion > 0
// and the latest version differs, EPRECONDITION naming the latest; ENOTFOUND for
// an unknown id. It sets in.Version, in.CreatedAt and in.UpdatedAt, and d as
// CreateInitiative does.
func (s *Store) UpdateInitiative(ctx context.Context, in *models.Initiative, ifVersion int, d *models.Decision, idem *models.IdempotencyRecord) error {
	if err := checkInitiative(in); err != nil {
		return err
	}
	at := now()
	err := s.transaction(ctx, "update initiative", func(tx *gorm.DB) error {
		if err := insertIdempotency(tx, idem, at); err != nil {
			return err
		}
		// One conditional statement takes the row lock and the next version, so
		// concurrent updates queue on the row and never share a version.
		query := `UPDATE initiatives SET version = version + 1, title = ?, title_lower = ?, sector = ?, status = ?,
	type = ?, submitted_at = ?, allowed = ?, decision_id = ?, updated_at = ?
WHERE id = ?`
		args := []any{in.Title, foldTitle(in.Title), in.Sector, in.Status, in.Type, in.SubmittedAt, in.Allowed,
			decisionIDFor(in, d), at, in.ID}
		if ifVersion > 0 {
			query += " AND version = ?"
			args = append(args, ifVersion)
		}
		var versions []int
		if err := tx.Raw(query+" RETURNING version", args...).Find(&versions).Error; err != nil {
			return fmt.Errorf("update initiative: %w", err)
		}
		if len(versions) == 0 {
			var current []int
			if err := tx.Model(&initiativeRow{}).Where("id = ?", in.ID).Pluck("version", &current).Error; err != nil {
				return fmt.Errorf("read version: %w", err)
			}
			if len(current) == 0 {
				return models.Errorf(models.ENOTFOUND, "initiative %q not found", in.ID)
			}
			return models.Errorf(models.EPRECONDITION, "initiative %q is at version %d, not %d; read it again and reapply the change", in.ID, current[0], ifVersion)
		}
		version := versions[0]
		var created []time.Time
		if err := tx.Model(&initiativeRow{}).Where("id = ?", in.ID).Pluck("created_at", &created).Error; err != nil {
			return fmt.Errorf("read created_at: %w", err)
		}
		if len(created) == 0 {
			return fmt.Errorf("read created_at: initiative %q vanished in its own transaction", in.ID)
		}
		prepareDecision(in, d, version)
		if err := insertVersion(tx, in, version, at); err != nil {
			return err
		}
		if err := insertDecision(tx, d, at); err != nil {
			return err
		}
		in.Version, in.CreatedAt, in.UpdatedAt = version, created[0].UTC(), at
		return finishIdempotency(tx, idem)
	})
	return err
}

// decisionIDFor is the decision id a version records: its own, else d's.
func decisionIDFor(in *models.Initiative, d *models.Decision) string {
	if in.DecisionID == "" && d != nil {
		return d.ID
	}
	return in.DecisionID
}

// prepareDecision ties d and in to each other and to version.
func prepareDecision(in *models.Initiative, d *models.Decision, version int) {
	in.DecisionID = decisionIDFor(in, d)
	if d != nil {
		d.InitiativeID, d.Version = in.ID, version
	}
}

func insertVersion(tx *gorm.DB, in *models.Initiative, version int, at time.Time) error {
	row := versionRow{
		ID: in.ID, Version: version, Title: in.Title, Sector: in.Sector, Status: in.Status, Type: in.Type,
		SubmittedAt: in.SubmittedAt, Allowed: in.Allowed, DecisionID: in.DecisionID,
		Document: JSON(in.Document), CreatedAt: at,
	}
	if err := tx.Create(&row).Error; err != nil {
		if isUniqueViolation(err) {
			return models.Errorf(models.ECONFLICT, "version %d of initiative %q was stored meanwhile; try again", version, in.ID)
		}
		if isInvalidJSON(err) {
			return models.Errorf(models.EINVALID, "document of initiative %q cannot be stored as JSON", in.ID)
		}
		return fmt.Errorf("insert version: %w", err)
	}
	return nil
}

// GetInitiative returns the latest version of an initiative, or ENOTFOUND.
func (s *Store) GetInitiative(ctx context.Context, id string) (models.Initiative, error) {
	var rows []latestRow
	err := s.run(ctx, "get initiative", func(db *gorm.DB) error {
		return latest(db).Where("i.id = ?", id).Limit(1).Find(&rows).Error
	})
	if err != nil {
		return models.Initiative{}, err
	}
	if len(rows) == 0 {
		return models.Initiative{}, models.Errorf(models.ENOTFOUND, "initiative %q not found", id)
	}
	return rows[0].initiative(), nil
}

// cursorPrefix versions the cursor format.
const cursorPrefix = "after:"

func encodeCursor(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + id))
}

func decodeCursor(c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	// An id the database can't compare (invalid UTF-8 or a NUL) is no cursor of ours either.
	if err != nil || !strings.HasPrefix(string(b), cursorPrefix) || !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
		return "", models.Errorf(models.EINVALID, "cursor is not one this service returned; start again without it")
	}
	return strings.TrimPrefix(string(b), cursorPrefix), nil
}

// likeEscaper escapes LIKE's wildcards, so a query matches its own characters.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// filter applies f's column filters (not its paging) to a query of initiatives AS i.
func filter(q *gorm.DB, f models.InitiativeFilter) *gorm.DB {
	switch {
	case f.Sectors == nil:
	case len(f.Sectors) == 0:
		q = q.Where("1 = 0")
	default:
		q = q.Where("i.sector IN ?", f.Sectors)
	}
	if f.Sector != "" {
		q = q.Where("i.sector = ?", f.Sector)
	}
	if f.Status != "" {
		q = q.Where("i.status = ?", f.Status)
	}
	if f.Type != "" {
		q = q.Where("i.type = ?", f.Type)
	}
	if f.Allowed != nil {
		q = q.Where("i.allowed = ?", *f.Allowed)
	}
	if f.Query != "" {
		q = q.Where(`i.title_lower LIKE ? ESCAPE '\'`, "%"+likeEscaper.Replace(foldTitle(f.Query))+"%")
	}
	return q
}

// ListInitiatives returns a page of the latest versions that match f, in id
// order, and the count of all that match. f.Cursor (from NextCursor) pages by
// keyset, f.Page (1-based) by offset; NextCursor is set while more follow.
func (s *Store) ListInitiatives(ctx context.Context, f models.InitiativeFilter) (models.InitiativePage, error) {
	limit := f.Limit
	switch {
	case limit < 0:
		return models.InitiativePage{}, models.Errorf(models.EINVALID, "limit must not be negative")
	case limit == 0:
		limit = DefaultListLimit
	case limit > MaxListLimit:
		limit = MaxListLimit
	}
	if f.Page < 0 {
		return models.InitiativePage{}, models.Errorf(models.EINVALID, "page must be 1 or more")
	}
	if f.Cursor != "" && f.Page > 0 {
		return models.InitiativePage{}, models.Errorf(models.EINVALID, "give either a cursor or a page, not both")
	}
	var after string
	if f.Cursor != "" {
		var err error
		if after, err = decodeCursor(f.Cursor); err != nil {
			return models.InitiativePage{}, err
		}
	}

	var page models.InitiativePage
	var rows []latestRow
	err := s.run(ctx, "list initiatives", func(db *gorm.DB) error {
		if err := filter(db.Table("initiatives AS i"), f).Count(&page.Total).Error; err != nil {
			return fmt.Errorf("count: %w", err)
		}
		q := filter(latest(db), f)
		if f.Cursor != "" {
			q = q.Where("i.id > ?", after)
		}
		if f.Page > 1 {
			q = q.Offset((f.Page - 1) * limit)
		}
		// One more than the page tells whether another follows.
		return q.Order("i.id").Limit(limit + 1).Find(&rows).Error
	})
	if err != nil {
		return models.InitiativePage{}, err
	}
	if len(rows) > limit {
		rows = rows[:limit]
		page.NextCursor = encodeCursor(rows[limit-1].ID)
	}
	page.Items = make([]models.Initiative, len(rows))
	for i, r := range rows {
		page.Items[i] = r.initiative()
	}
	return page, nil
}

// ListVersions returns every version of an initiative, oldest first, each with
// the decision that accepted it (nil when the log has none). ENOTFOUND for an
// unknown id.
func (s *Store) ListVersions(ctx context.Context, id string) ([]models.InitiativeVersion, error) {
	var rows []versionRow
	var decisions []decisionRow
	err := s.run(ctx, "list versions", func(db *gorm.DB) error {
		if err := db.Where("id = ?", id).Order("version").Find(&rows).Error; err != nil {
			return err
		}
		var ids []string
		for _, r := range rows {
			if r.DecisionID != "" {
				ids = append(ids, r.DecisionID)
			}
		}
		if len(ids) == 0 {
			return nil
		}
		return db.Where("decision_id IN ?", ids).Find(&decisions).Error
	})
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, models.Errorf(models.ENOTFOUND, "initiative %q not found", id)
	}
	byID := make(map[string]models.Decision, len(decisions))
	for _, d := range decisions {
		byID[d.ID] = d.decision()
	}
	createdAt := rows[0].CreatedAt.UTC() // version 1's time is the initiative's
	out := make([]models.InitiativeVersion, len(rows))
	for i, r := range rows {
		out[i].Initiative = models.Initiative{
			ID: r.ID, Version: r.Version, Title: r.Title, Sector: r.Sector, Status: r.Status, Type: r.Type,
			SubmittedAt: r.SubmittedAt, Allowed: r.Allowed, DecisionID: r.DecisionID, Document: r.Document.raw(),
			CreatedAt: createdAt, UpdatedAt: r.CreatedAt.UTC(),
		}
		if d, ok := byID[r.DecisionID]; ok {
			out[i].Decision = &d
		}
	}
	return out, nil
}

// AllInitiatives calls fn with the latest version of every initiative whose
// status is in statuses (all when empty), in id order. It reads keyset pages of
// allBatchSize, each a query of its own, so no result set or transaction stays
// open while fn runs. An error of fn stops the pass and is returned as it is.
func (s *Store) AllInitiatives(ctx context.Context, statuses []string, fn func(models.Initiative, json.RawMessage) error) error {
	after := ""
	first := true
	for {
		var rows []latestRow
		err := s.run(ctx, "read initiatives", func(db *gorm.DB) error {
			q := latest(db).Select(latestColumns + ", d.result AS result").
				Joins("LEFT JOIN decisions d ON d.decision_id = i.decision_id")
			if len(statuses) > 0 {
				q = q.Where("i.status IN ?", statuses)
			}
			if !first {
				q = q.Where("i.id > ?", after)
			}
			return q.Order("i.id").Limit(allBatchSize).Find(&rows).Error
		})
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := fn(r.initiative(), r.Result.raw()); err != nil {
				return err
			}
		}
		if len(rows) < allBatchSize {
			return nil
		}
		after, first = rows[len(rows)-1].ID, false
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("read initiatives: %w", err)
		}
	}
}
