package gormstore_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
)

// TestSessions is the session suite, on each backend like TestStore.
func TestSessions(t *testing.T) {
	tests := []storeTest{
		{"create then find returns the session with its token's hash, never the id", testSessionRoundTrip},
		{"an unknown session is not found", testSessionUnknown},
		{"a session needs a token that exists", testSessionUnknownToken},
		{"revoke ends the session; again, or of an unknown session, changes nothing", testSessionRevoke},
		{"expired sessions are deleted, others kept", testSessionSweep},
	}
	runStoreSuite(t, tests)
}

// sessionToken stores a token that expires at expires (nil: never).
func sessionToken(t *testing.T, s *gormstore.Store, name string, expires *time.Time) models.Token {
	t.Helper()
	tok, _, err := models.NewToken(name, models.RoleLeder, expires)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateToken(context.Background(), &tok); err != nil {
		t.Fatal(err)
	}
	return tok
}

func testSessionRoundTrip(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	soon := time.Now().UTC().Add(2 * time.Hour).Truncate(time.Second)
	tok := sessionToken(t, s, "kari", &soon)
	sess, id, err := models.NewSession(tok, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if !sess.ExpiresAt.Equal(soon) {
		t.Errorf("a session of a token that expires in 2 h expires at %v, want the token's %v", sess.ExpiresAt, soon)
	}
	if err := s.CreateSession(ctx, &sess); err != nil {
		t.Fatal(err)
	}
	got, err := s.SessionByHash(ctx, models.HashSessionID(id))
	if err != nil {
		t.Fatal(err)
	}
	if got.Hash != sess.Hash || got.TokenID != tok.ID || got.TokenHash != tok.Hash || !got.CreatedAt.Equal(sess.CreatedAt) ||
		!got.ExpiresAt.Equal(sess.ExpiresAt) || got.RevokedAt != nil {
		t.Errorf("got %+v, want %+v with the token's hash", got, sess)
	}
	if got.Hash == id || strings.Contains(got.Hash, id) {
		t.Error("the store holds the session id")
	}
	if _, err := s.SessionByHash(ctx, id); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("looked up by the id itself: %v, want not found", err)
	}
}

func testSessionUnknown(t *testing.T, _ string, s *gormstore.Store) {
	if _, err := s.SessionByHash(context.Background(), models.HashSessionID("nobody")); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("unknown session: %v, want not found", err)
	}
}

func testSessionUnknownToken(t *testing.T, _ string, s *gormstore.Store) {
	sess, _, err := models.NewSession(models.Token{ID: "tok_missing", Hash: "x"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(context.Background(), &sess); err == nil {
		t.Error("a session of a token that does not exist was stored")
	}
	if err := s.CreateSession(context.Background(), &models.Session{}); models.ErrorCode(err) != models.EINVALID {
		t.Errorf("an empty session: %v, want invalid", err)
	}
}

func testSessionRevoke(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	tok := sessionToken(t, s, "ola", nil)
	sess, id, _ := models.NewSession(tok, time.Now())
	if err := s.CreateSession(ctx, &sess); err != nil {
		t.Fatal(err)
	}
	at := time.Now().UTC().Truncate(time.Second)
	if err := s.RevokeSession(ctx, models.HashSessionID(id), at); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeSession(ctx, models.HashSessionID(id), at.Add(time.Hour)); err != nil {
		t.Errorf("a second revoke: %v", err)
	}
	if err := s.RevokeSession(ctx, models.HashSessionID("unknown"), at); err != nil {
		t.Errorf("revoke of an unknown session: %v", err)
	}
	got, err := s.SessionByHash(ctx, sess.Hash)
	if err != nil {
		t.Fatal(err)
	}
	if got.RevokedAt == nil || !got.RevokedAt.Equal(at) || got.ValidAt(time.Now()) {
		t.Errorf("revoked at %v (valid %v), want %v and not valid", got.RevokedAt, got.ValidAt(time.Now()), at)
	}
}

func testSessionSweep(t *testing.T, _ string, s *gormstore.Store) {
	ctx := context.Background()
	tok := sessionToken(t, s, "per", nil)
	old, _, _ := models.NewSession(tok, time.Now().Add(-10*time.Hour))
	fresh, _, _ := models.NewSession(tok, time.Now())
	for _, sess := range []*models.Session{&old, &fresh} {
		if err := s.CreateSession(ctx, sess); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.DeleteSessionsExpiredBefore(ctx, time.Now())
	if err != nil || n != 1 {
		t.Fatalf("deleted %d (%v), want the one expired session", n, err)
	}
	if _, err := s.SessionByHash(ctx, old.Hash); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("the expired session: %v, want it deleted", err)
	}
	if _, err := s.SessionByHash(ctx, fresh.Hash); err != nil {
		t.Errorf("the live session: %v", err)
	}
}
