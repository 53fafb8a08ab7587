package models

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// Session is a browser's login to the pages: the login form checks a token
// and starts a session bound to it. The browser holds the session's id (in a
// cookie); the store keeps only the id's SHA-256 hash, never the id and never
// the token. A session is valid while it is neither expired nor revoked, and
// while its token is valid: the server checks the token on every use.
type Session struct {
	Hash      string     `json:"-"` // HashSessionID of the id the browser holds
	TokenID   string     `json:"token_id"`
	TokenHash string     `json:"-"` // the token's hash, read with the session (not stored twice)
	CreatedAt time.Time  `json:"created_at"`
	ExpiresAt time.Time  `json:"expires_at"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// SessionLifetime is how long a session lasts at most; never past its token's expiry.
const SessionLifetime = 8 * time.Hour

// ValidAt reports whether the session itself (not its token) may be used at time t.
func (s Session) ValidAt(t time.Time) bool {
	return s.RevokedAt == nil && t.Before(s.ExpiresAt)
}

// SessionStore keeps the sessions of the pages, shared by every instance.
type SessionStore interface {
	// CreateSession stores a session (its hash, token id and times).
	CreateSession(ctx context.Context, s *Session) error
	// SessionByHash returns the session with this hash together with its
	// token's hash, or ENOTFOUND.
	SessionByHash(ctx context.Context, hash string) (Session, error)
	// RevokeSession revokes the session with this hash; revoking one that is
	// already revoked, or unknown, changes nothing and is no error.
	RevokeSession(ctx context.Context, hash string, at time.Time) error
	// DeleteSessionsExpiredBefore removes the sessions that expired before t and returns how many.
	DeleteSessionsExpiredBefore(ctx context.Context, t time.Time) (int, error)
}

// sessionIDBytes is the length of a session id's random part: 256 bits.
const sessionIDBytes = 32

// SessionIDLength is the length of a session id as the browser holds it (base64url, no padding).
var SessionIDLength = base64.RawURLEncoding.EncodedLen(sessionIDBytes)

// NewSession starts a session of tok at now: the id for the browser, once, and
// the Session (with the id's hash) to store. It lasts SessionLifetime, and
// never past the token's expiry.
func NewSession(tok Token, now time.Time) (Session, string, error) {
	var b [sessionIDBytes]byte
	if _, err := rand.Read(b[:]); err != nil {
		return Session{}, "", err
	}
	id := base64.RawURLEncoding.EncodeToString(b[:])
	now = now.UTC().Truncate(time.Microsecond)
	expires := now.Add(SessionLifetime)
	if tok.ExpiresAt != nil && tok.ExpiresAt.Before(expires) {
		expires = tok.ExpiresAt.UTC().Truncate(time.Microsecond)
	}
	return Session{Hash: HashSessionID(id), TokenID: tok.ID, TokenHash: tok.Hash, CreatedAt: now, ExpiresAt: expires}, id, nil
}

// WellFormedSessionID reports whether id has the form NewSession gives ids
// (43 characters of base64url), so that other cookie values (an old cookie
// that held a token, noise) are refused without a database lookup.
func WellFormedSessionID(id string) bool {
	if len(id) != SessionIDLength {
		return false
	}
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_':
		default:
			return false
		}
	}
	return true
}

// HashSessionID is the form a session id is stored and looked up in (SHA-256, hex).
func HashSessionID(id string) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:])
}
