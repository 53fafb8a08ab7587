package gormstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/baerum/styring/models"
)

var _ models.TokenStore = (*Store)(nil)

// tokenRow is a row of tokens: the hash of a token, never the token. Grants
// is the JSON of its grants; Role is the role of a token of one grant over
// every sector and empty for any other, so a binary from before grants
// (which reads only Role) refuses a scoped token rather than widen it.
type tokenRow struct {
	ID        string `gorm:"primaryKey"`
	Name      string
	Role      string
	Grants    string
	Hash      string
	CreatedAt time.Time
	ExpiresAt *time.Time
	RevokedAt *time.Time
}

func (tokenRow) TableName() string { return "tokens" }

// token reads a row. Grants that cannot be read leave the token without
// grants: it authenticates, and may call nothing.
func (r tokenRow) token() models.Token {
	t := models.Token{ID: r.ID, Name: r.Name, Hash: r.Hash, CreatedAt: r.CreatedAt.UTC(), ExpiresAt: r.ExpiresAt, RevokedAt: r.RevokedAt}
	var grants []models.Grant
	if json.Unmarshal([]byte(r.Grants), &grants) == nil {
		if gs, err := models.NormalizeGrants(grants); err == nil {
			t.Grants, t.Role = gs, gs[0].Role
		}
	}
	if t.ExpiresAt != nil {
		u := t.ExpiresAt.UTC()
		t.ExpiresAt = &u
	}
	if t.RevokedAt != nil {
		u := t.RevokedAt.UTC()
		t.RevokedAt = &u
	}
	return t
}

// CreateToken stores a token's hash, name and grants (t.Grants, or one grant
// of t.Role over every sector when it has none).
func (s *Store) CreateToken(ctx context.Context, t *models.Token) error {
	if t.ID == "" || t.Hash == "" {
		return models.Errorf(models.EINVALID, "a token needs an id and a hash")
	}
	grants := t.Grants
	if len(grants) == 0 && t.Role != "" {
		grants = []models.Grant{{Role: t.Role}}
	}
	grants, err := models.NormalizeGrants(grants)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(grants)
	if err != nil {
		return fmt.Errorf("token grants: %w", err)
	}
	t.Grants, t.Role = grants, grants[0].Role
	if t.CreatedAt.IsZero() {
		t.CreatedAt = now()
	}
	legacyRole := ""
	if len(grants) == 1 && grants[0].Unscoped() {
		legacyRole = string(grants[0].Role)
	}
	row := tokenRow{ID: t.ID, Name: t.Name, Role: legacyRole, Grants: string(raw), Hash: t.Hash, CreatedAt: t.CreatedAt, ExpiresAt: t.ExpiresAt}
	return s.run(ctx, "create token", func(db *gorm.DB) error { return db.Create(&row).Error })
}

// TokenByHash finds a token by the hash of its secret.
func (s *Store) TokenByHash(ctx context.Context, hash string) (models.Token, error) {
	var rows []tokenRow
	err := s.run(ctx, "find token", func(db *gorm.DB) error {
		return db.Where("hash = ?", hash).Limit(1).Find(&rows).Error
	})
	if err != nil {
		return models.Token{}, err
	}
	if len(rows) == 0 {
		return models.Token{}, models.Errorf(models.ENOTFOUND, "no such token")
	}
	return rows[0].token(), nil
}

// ListTokens lists every token, oldest first, without secrets.
func (s *Store) ListTokens(ctx context.Context) ([]models.Token, error) {
	var rows []tokenRow
	err := s.run(ctx, "list tokens", func(db *gorm.DB) error {
		return db.Order("created_at, id").Find(&rows).Error
	})
	out := make([]models.Token, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.token())
	}
	return out, err
}

// RevokeToken revokes the unrevoked tokens whose id or name is idOrName.
func (s *Store) RevokeToken(ctx context.Context, idOrName string, at time.Time) (int, error) {
	var n int64
	err := s.run(ctx, "revoke token", func(db *gorm.DB) error {
		res := db.Model(&tokenRow{}).Where("(id = ? OR name = ?) AND revoked_at IS NULL", idOrName, idOrName).Update("revoked_at", at.UTC())
		n = res.RowsAffected
		return res.Error
	})
	if err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, models.Errorf(models.ENOTFOUND, "no active token %q", idOrName)
	}
	return int(n), nil
}
