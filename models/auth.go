package models

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"slices"
	"time"
)

// Role is what a token may do.
type Role string

// The roles of rules engine users.
const (
	RoleSaksbehandler Role = "saksbehandler" // case handler: check, submit and update, read
	RoleWorkflow      Role = "workflow"      // the budget workflow: check, batch check, read
	RoleLeder         Role = "leder"         // manager: what a case handler can, plus the report and waivers
	RoleAdmin         Role = "admin"         // operations: policy reload and impact, tokens — and everything else
)

// Roles lists every role.
var Roles = []Role{RoleSaksbehandler, RoleWorkflow, RoleLeder, RoleAdmin}

// ValidRole reports whether r is a role.
func ValidRole(r Role) bool { return slices.Contains(Roles, r) }

// Token is an API token. The secret is shown once when it is created; the
// store keeps only its SHA-256 hash. What it may do is its grants: each a role
// over a set of sectors (see Grant). Role is the first grant's role, for
// what shows one role (the front page).
type Token struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Role      Role       `json:"role"`
	Grants    []Grant    `json:"grants"`
	Hash      string     `json:"-"`
	CreatedAt time.Time  `json:"created_at"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// ValidAt reports whether the token may be used at time t.
func (t Token) ValidAt(at time.Time) bool {
	return t.RevokedAt == nil && (t.ExpiresAt == nil || at.Before(*t.ExpiresAt))
}

// Caller is who presents the token: its id, name and every grant. A request
// narrows it to the grants whose role may call the route (Caller.Within).
func (t Token) Caller() Caller {
	return Caller{TokenID: t.ID, Name: t.Name, Grants: slices.Clone(t.Grants)}
}

// TokenStore keeps API tokens.
type TokenStore interface {
	CreateToken(ctx context.Context, t *Token) error
	// TokenByHash returns the token with this hash, or ENOTFOUND.
	TokenByHash(ctx context.Context, hash string) (Token, error)
	ListTokens(ctx context.Context) ([]Token, error)
	// RevokeToken revokes the tokens whose id or name is idOrName; ENOTFOUND when none.
	RevokeToken(ctx context.Context, idOrName string, at time.Time) (int, error)
}

// tokenPrefix marks Styring's tokens, so that a leaked one is easy to recognise.
const tokenPrefix = "sty_"

// NewToken makes a token of one role over every sector: the secret to show
// once, and the Token (with the secret's hash) to store.
func NewToken(name string, role Role, expires *time.Time) (Token, string, error) {
	return NewTokenGrants(name, []Grant{{Role: role}}, expires)
}

// NewTokenGrants makes a token with these grants (see NormalizeGrants): the
// secret to show once, and the Token (with the secret's hash) to store.
func NewTokenGrants(name string, grants []Grant, expires *time.Time) (Token, string, error) {
	grants, err := NormalizeGrants(grants)
	if err != nil {
		return Token{}, "", err
	}
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return Token{}, "", err
	}
	secret := tokenPrefix + base64.RawURLEncoding.EncodeToString(b[:])
	var id [8]byte
	rand.Read(id[:])
	return Token{ID: "tok_" + hex.EncodeToString(id[:]), Name: name, Role: grants[0].Role, Grants: grants, Hash: HashToken(secret),
		CreatedAt: time.Now().UTC(), ExpiresAt: expires}, secret, nil
}

// HashToken is the form a token is stored and looked up in.
func HashToken(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
