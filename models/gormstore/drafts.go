package gormstore

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/baerum/styring/models"
)

var _ models.DraftStore = (*Store)(nil)

// draftRow is a row of drafts (migration 8).
type draftRow struct {
	ID           string `gorm:"primaryKey"`
	AuthorID     string
	AuthorName   string
	InitiativeID string
	BaseVersion  int
	Title        string
	Revision     int
	Document     JSON
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (draftRow) TableName() string { return "drafts" }

// draftListColumns are the columns of a list: all but the document.
const draftListColumns = "id, author_id, author_name, initiative_id, base_version, title, revision, created_at, updated_at"

func (r draftRow) draft() models.Draft {
	return models.Draft{
		ID: r.ID, AuthorID: r.AuthorID, AuthorName: r.AuthorName, InitiativeID: r.InitiativeID,
		BaseVersion: r.BaseVersion, Title: r.Title, Revision: r.Revision, Document: r.Document.raw(),
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
}

// checkDraftDocument refuses a document neither database can hold.
func checkDraftDocument(d *models.Draft) error {
	if len(d.Document) == 0 || !validJSON(d.Document) {
		return models.Errorf(models.EINVALID, "the document of a draft must be JSON without a \\u0000 character")
	}
	return nil
}

// CreateDraft stores d as revision 1; its author's token must exist.
func (s *Store) CreateDraft(ctx context.Context, d *models.Draft) error {
	if d.ID == "" || d.AuthorID == "" {
		return models.Errorf(models.EINVALID, "a draft needs an id and an author")
	}
	if err := checkDraftDocument(d); err != nil {
		return err
	}
	at := now()
	row := draftRow{
		ID: d.ID, AuthorID: d.AuthorID, AuthorName: d.AuthorName, InitiativeID: d.InitiativeID,
		BaseVersion: d.BaseVersion, Title: d.Title, Revision: 1, Document: JSON(d.Document), CreatedAt: at, UpdatedAt: at,
	}
	err := s.run(ctx, "create draft", func(db *gorm.DB) error {
		err := db.Create(&row).Error
		switch {
		case isUniqueViolation(err):
			return models.Errorf(models.ECONFLICT, "draft %q exists", d.ID)
		case isInvalidJSON(err):
			return models.Errorf(models.EINVALID, "the document of the draft cannot be stored as JSON")
		}
		return err
	})
	if err != nil {
		return err
	}
	d.Revision, d.CreatedAt, d.UpdatedAt = row.Revision, at, at
	return nil
}

// GetDraft returns the author's draft, or ENOTFOUND (also for another author's).
func (s *Store) GetDraft(ctx context.Context, id, authorID string) (models.Draft, error) {
	var rows []draftRow
	err := s.run(ctx, "get draft", func(db *gorm.DB) error {
		return db.Where("id = ? AND author_id = ?", id, authorID).Limit(1).Find(&rows).Error
	})
	if err != nil {
		return models.Draft{}, err
	}
	if len(rows) == 0 {
		return models.Draft{}, models.DraftNotFound(id)
	}
	return rows[0].draft(), nil
}

// ListDrafts returns the author's drafts without documents, most recently saved first.
func (s *Store) ListDrafts(ctx context.Context, authorID string) ([]models.Draft, error) {
	var rows []draftRow
	err := s.run(ctx, "list drafts", func(db *gorm.DB) error {
		return db.Select(draftListColumns).Where("author_id = ?", authorID).
			Order("updated_at DESC, id DESC").Find(&rows).Error
	})
	if err != nil {
		return nil, err
	}
	out := make([]models.Draft, len(rows))
	for i, r := range rows {
		out[i] = r.draft()
	}
	return out, nil
}

// UpdateDraft replaces the document and title of the author's draft and
// counts its revision up, in one transaction: ENOTFOUND when the author has no
// such draft, EPRECONDITION when ifRevision > 0 is not its revision.
func (s *Store) UpdateDraft(ctx context.Context, d *models.Draft, ifRevision int) error {
	if err := checkDraftDocument(d); err != nil {
		return err
	}
	var stored draftRow
	err := s.transaction(ctx, "update draft", func(tx *gorm.DB) error {
		var rows []draftRow
		if err := tx.Select(draftListColumns).Where("id = ? AND author_id = ?", d.ID, d.AuthorID).Limit(1).Find(&rows).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return models.DraftNotFound(d.ID)
		}
		cur := rows[0]
		if ifRevision > 0 && cur.Revision != ifRevision {
			return &models.Error{Code: models.EPRECONDITION,
				Message: fmt.Sprintf("If-Match names revision %d, but draft %s is at revision %d", ifRevision, d.ID, cur.Revision),
				Details: map[string]int{"current_revision": cur.Revision}}
		}
		at := now()
		// Guarded by the revision read, so a concurrent save is not lost.
		res := tx.Model(&draftRow{}).Where("id = ? AND author_id = ? AND revision = ?", d.ID, d.AuthorID, cur.Revision).
			Updates(map[string]any{"document": JSON(d.Document), "title": d.Title, "revision": cur.Revision + 1, "updated_at": at})
		switch {
		case isInvalidJSON(res.Error):
			return models.Errorf(models.EINVALID, "the document of the draft cannot be stored as JSON")
		case res.Error != nil:
			return res.Error
		case res.RowsAffected == 0:
			return models.Errorf(models.ECONFLICT, "draft %q was saved meanwhile; read it again", d.ID)
		}
		stored = cur
		stored.Title, stored.Revision, stored.Document, stored.UpdatedAt = d.Title, cur.Revision+1, JSON(d.Document), at
		return nil
	})
	if err != nil {
		return err
	}
	*d = stored.draft()
	return nil
}

// DeleteDraft deletes the author's draft, or answers ENOTFOUND.
func (s *Store) DeleteDraft(ctx context.Context, id, authorID string) error {
	var n int64
	err := s.run(ctx, "delete draft", func(db *gorm.DB) error {
		res := db.Where("id = ? AND author_id = ?", id, authorID).Delete(&draftRow{})
		n = res.RowsAffected
		return res.Error
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return models.DraftNotFound(id)
	}
	return nil
}
