// Package gormtest gives tests a store of their own: a migrated
// gormstore.Store on a SQLite file in the test's temporary directory or on a
// fresh PostgreSQL schema, closed and dropped when the test ends. It imports
// "testing", so only tests import it; the production binary does not link it.
package gormtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/baerum/styring/models/gormstore"
)

// TestDatabaseEnv names the variable with the PostgreSQL URL the tests use,
// e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable.
const TestDatabaseEnv = "STYRING_TEST_DATABASE_URL"

// RequirePostgresEnv names the variable that, when set (as .ci/run does), turns
// a PostgreSQL test that would skip into a failure, so CI can't pass on SQLite alone.
const RequirePostgresEnv = "STYRING_REQUIRE_POSTGRES"

// TestBackends lists the backends a suite runs against: SQLite always,
// PostgreSQL too (OpenTest skips it when TestDatabaseEnv is not set, so the
// skip shows in the test output).
func TestBackends() []string { return []string{gormstore.BackendSQLite, gormstore.BackendPostgres} }

// OpenTest returns a migrated Store of its own for one test and closes it when
// the test ends: on SQLite a file in the test's temporary directory, on
// PostgreSQL a fresh schema (dropped with CASCADE afterwards) of the database at
// TestDatabaseEnv. It skips the test for "postgres" when that is not set.
func OpenTest(t testing.TB, backend string) *gormstore.Store {
	t.Helper()
	return OpenTestOptions(t, backend, gormstore.Options{})
}

// testQueryTimeout is OpenTest's query timeout: far above what a query needs,
// so a slow machine or the race detector (which slows the pure Go SQLite many
// times over) fails no test on time.
const testQueryTimeout = 30 * time.Second

// OpenTestOptions is OpenTest with options (a short query timeout, a logger).
// A zero QueryTimeout is 30s rather than the default.
func OpenTestOptions(t testing.TB, backend string, opts gormstore.Options) *gormstore.Store {
	t.Helper()
	if opts.QueryTimeout == 0 {
		opts.QueryTimeout = testQueryTimeout
	}
	dsn := TestURL(t, backend)
	s, err := gormstore.Open(context.Background(), dsn, opts)
	if err != nil {
		t.Fatalf("open %s test store: %v", backend, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close %s test store: %v", backend, err)
		}
	})
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate %s test store: %v", backend, err)
	}
	return s
}

// TestURL returns a URL or path for Open that is the test's own and empty: a
// SQLite file in t.TempDir, or a PostgreSQL URL whose search_path is a new
// schema, dropped when the test ends. Opening it twice reaches the same
// database, so a test can reopen or run two instances.
func TestURL(t testing.TB, backend string) string {
	t.Helper()
	switch backend {
	case gormstore.BackendSQLite:
		return filepath.Join(t.TempDir(), "styring.db")
	case gormstore.BackendPostgres:
		SkipUnlessConfigured(t, backend)
		return testSchema(t, os.Getenv(TestDatabaseEnv))
	default:
		t.Fatalf("unknown test backend %q (want %q or %q)", backend, gormstore.BackendSQLite, gormstore.BackendPostgres)
		return ""
	}
}

// SkipUnlessConfigured skips the test when backend cannot run here: PostgreSQL
// without TestDatabaseEnv. A suite calls it once per backend, so the skip is
// reported once rather than for every test.
func SkipUnlessConfigured(t testing.TB, backend string) {
	t.Helper()
	if backend == gormstore.BackendPostgres && os.Getenv(TestDatabaseEnv) == "" {
		if os.Getenv(RequirePostgresEnv) != "" {
			t.Fatal(TestDatabaseEnv + " not set but " + RequirePostgresEnv + " is: the PostgreSQL tests must run")
		}
		t.Skip(TestDatabaseEnv + " not set: PostgreSQL tests skipped")
	}
}

// testSchema creates a schema with a random name in the database at base and
// returns base with search_path set to it.
func testSchema(t testing.TB, base string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", TestDatabaseEnv, err)
	}
	random := make([]byte, 6)
	if _, err := rand.Read(random); err != nil {
		t.Fatalf("random schema name: %v", err)
	}
	schema := "styring_test_" + hex.EncodeToString(random)

	cfg, err := pgx.ParseConfig(base)
	if err != nil {
		t.Fatalf("%s: %v", TestDatabaseEnv, err)
	}
	admin := stdlib.OpenDB(*cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		_ = admin.Close() // the failure to report is the one below
		t.Fatalf("create test schema (is PostgreSQL running at %s?): %v", TestDatabaseEnv, err)
	}
	// Registered before the store's Close, so it runs after it (cleanups run last first).
	t.Cleanup(func() { dropSchema(t, admin, schema) })

	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func dropSchema(t testing.TB, admin *sql.DB, schema string) {
	defer func() {
		if err := admin.Close(); err != nil {
			t.Errorf("close the connection that dropped %s: %v", schema, err)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil && !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("drop test schema %s: %v", schema, err)
	}
}
