package gormstore

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/baerum/styring/models"
)

// idempotencyRow is a row of idempotency_keys.
type idempotencyRow struct {
	Scope       string `gorm:"primaryKey"`
	Key         string `gorm:"primaryKey"`
	RequestHash string
	StatusCode  int
	Body        []byte
	CreatedAt   time.Time `gorm:"autoCreateTime:false"`
}

func (idempotencyRow) TableName() string { return "idempotency_keys" }

// insertIdempotency stores rec (when not nil) in tx; ECONFLICT when its key is
// taken. It sets rec.CreatedAt. A submission inserts its record first, so a
// concurrent request with the same key waits for the first one's transaction
// and then gets ECONFLICT: the caller reads the record and answers from it.
// When rec.BodyFunc is set the body is written later, by finishIdempotency in
// the same transaction; no one sees the row before that commits.
func insertIdempotency(tx *gorm.DB, rec *models.IdempotencyRecord, at time.Time) error {
	if rec == nil {
		return nil
	}
	if rec.Key == "" {
		return models.Errorf(models.EINVALID, "idempotency key is empty")
	}
	body := rec.Body
	if body == nil || rec.BodyFunc != nil {
		body = []byte{}
	}
	row := idempotencyRow{Scope: rec.Scope, Key: rec.Key, RequestHash: rec.RequestHash, StatusCode: rec.StatusCode, Body: body, CreatedAt: at}
	res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
	if res.Error != nil {
		return fmt.Errorf("insert idempotency key: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return models.Errorf(models.ECONFLICT, "idempotency key %q was already used", rec.Key)
	}
	rec.CreatedAt = at
	return nil
}

// finishIdempotency writes the body rec.BodyFunc produces, once the submission
// has set the initiative's version and times, into the row insertIdempotency
// made in tx. It sets rec.Body.
func finishIdempotency(tx *gorm.DB, rec *models.IdempotencyRecord) error {
	if rec == nil || rec.BodyFunc == nil {
		return nil
	}
	body, err := rec.BodyFunc()
	if err != nil {
		return fmt.Errorf("idempotency body: %w", err)
	}
	if body == nil {
		body = []byte{}
	}
	res := tx.Model(&idempotencyRow{}).Where("scope = ? AND key = ?", rec.Scope, rec.Key).Update("body", body)
	if res.Error != nil {
		return fmt.Errorf("write idempotency body: %w", res.Error)
	}
	if res.RowsAffected != 1 {
		return fmt.Errorf("write idempotency body: %d rows for one key", res.RowsAffected)
	}
	rec.Body = body
	return nil
}

// GetIdempotency returns the record of key in scope, or ENOTFOUND.
func (s *Store) GetIdempotency(ctx context.Context, scope, key string) (models.IdempotencyRecord, error) {
	var rows []idempotencyRow
	err := s.run(ctx, "get idempotency key", func(db *gorm.DB) error {
		return db.Where("scope = ? AND key = ?", scope, key).Limit(1).Find(&rows).Error
	})
	if err != nil {
		return models.IdempotencyRecord{}, err
	}
	if len(rows) == 0 {
		return models.IdempotencyRecord{}, models.Errorf(models.ENOTFOUND, "idempotency key %q not found", key)
	}
	r := rows[0]
	return models.IdempotencyRecord{
		Key: r.Key, Scope: r.Scope, RequestHash: r.RequestHash, StatusCode: r.StatusCode,
		Body: r.Body, CreatedAt: r.CreatedAt.UTC(),
	}, nil
}

// PutIdempotency stores a record outside a submission (e.g. for a 422 answer),
// with the body rec.BodyFunc produces when it is set; ECONFLICT when the key is
// taken.
func (s *Store) PutIdempotency(ctx context.Context, rec models.IdempotencyRecord) error {
	if rec.BodyFunc != nil {
		body, err := rec.BodyFunc()
		if err != nil {
			return fmt.Errorf("idempotency body: %w", err)
		}
		rec.Body, rec.BodyFunc = body, nil
	}
	return s.run(ctx, "put idempotency key", func(db *gorm.DB) error {
		return insertIdempotency(db, &rec, now())
	})
}
