package gormstore

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/baerum/styring/models"
)

var _ models.SessionStore = (*Store)(nil)

// sessionRow is a row of sessions: the hash of a session id, never the id.
type sessionRow struct {
	Hash      string `gorm:"primaryKey"`
	TokenID   string
	CreatedAt time.Time
	ExpiresAt time.Time
	RevokedAt *time.Time
}

func (sessionRow) TableName() string { return "sessions" }

// sessionWithToken is a session row read together with its token's hash.
type sessionWithToken struct {
	Hash      string
	TokenID   string
	CreatedAt time.Time
	ExpiresAt time.Time
	RevokedAt *time.Time
	TokenHash string
}

func (r sessionWithToken) session() models.Session {
	s := models.Session{Hash: r.Hash, TokenID: r.TokenID, TokenHash: r.TokenHash,
		CreatedAt: r.CreatedAt.UTC(), ExpiresAt: r.ExpiresAt.UTC()}
	if r.RevokedAt != nil {
		u := r.RevokedAt.UTC()
		s.RevokedAt = &u
	}
	return s
}

// CreateSession stores a session's hash, token and times. The token must exist.
func (s *Store) CreateSession(ctx context.Context, sess *models.Session) error {
	if sess.Hash == "" || sess.TokenID == "" || sess.ExpiresAt.IsZero() {
		return models.Errorf(models.EINVALID, "a session needs a hash, a token and an expiry")
	}
	if sess.CreatedAt.IsZero() {
		sess.CreatedAt = now()
	}
	row := sessionRow{Hash: sess.Hash, TokenID: sess.TokenID, CreatedAt: sess.CreatedAt.UTC(), ExpiresAt: sess.ExpiresAt.UTC()}
	return s.run(ctx, "create session", func(db *gorm.DB) error { return db.Create(&row).Error })
}

// SessionByHash finds a session by the hash of its id, with its token's hash.
func (s *Store) SessionByHash(ctx context.Context, hash string) (models.Session, error) {
	var rows []sessionWithToken
	err := s.run(ctx, "find session", func(db *gorm.DB) error {
		return db.Table("sessions").
			Select("sessions.hash, sessions.token_id, sessions.created_at, sessions.expires_at, sessions.revoked_at, tokens.hash AS token_hash").
			Joins("JOIN tokens ON tokens.id = sessions.token_id").
			Where("sessions.hash = ?", hash).Limit(1).Scan(&rows).Error
	})
	if err != nil {
		return models.Session{}, err
	}
	if len(rows) == 0 {
		return models.Session{}, models.Errorf(models.ENOTFOUND, "no such session")
	}
	return rows[0].session(), nil
}

// RevokeSession revokes the session with this hash, if it is not revoked already.
func (s *Store) RevokeSession(ctx context.Context, hash string, at time.Time) error {
	return s.run(ctx, "revoke session", func(db *gorm.DB) error {
		return db.Model(&sessionRow{}).Where("hash = ? AND revoked_at IS NULL", hash).Update("revoked_at", at.UTC()).Error
	})
}

// DeleteSessionsExpiredBefore removes the sessions that expired before t.
func (s *Store) DeleteSessionsExpiredBefore(ctx context.Context, t time.Time) (int, error) {
	var n int64
	err := s.run(ctx, "delete expired sessions", func(db *gorm.DB) error {
		res := db.Where("expires_at < ?", t.UTC()).Delete(&sessionRow{})
		n = res.RowsAffected
		return res.Error
	})
	return int(n), err
}
