package bench

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// IsPostgresURL reports whether a database setting names PostgreSQL (else it is a SQLite file).
func IsPostgresURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// PostgresSchema creates a schema of the benchmark's own in the database at base
// and returns base with search_path set to it, and a function that drops it:
// the benchmark leaves the database as it found it and touches nothing else.
func PostgresSchema(ctx context.Context, base string) (string, func() error, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", nil, fmt.Errorf("database URL: %w", err)
	}
	if host := u.Hostname(); host != "localhost" && !isLoopbackIP(host) {
		return "", nil, fmt.Errorf("database %s is not on the loopback interface; the benchmark only uses 127.0.0.1", host)
	}
	cfg, err := pgx.ParseConfig(base)
	if err != nil {
		return "", nil, fmt.Errorf("database URL: %w", err)
	}
	random := make([]byte, 6)
	rand.Read(random)
	schema := "styring_bench_" + hex.EncodeToString(random)
	admin := stdlib.OpenDB(*cfg)
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(cctx, "CREATE SCHEMA "+schema); err != nil {
		return "", nil, errors.Join(fmt.Errorf("create schema %s: %w", schema, err), admin.Close())
	}
	drop := func() error {
		dctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(dctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			return errors.Join(fmt.Errorf("drop schema %s: %w", schema, err), admin.Close())
		}
		return admin.Close()
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), drop, nil
}

func isLoopbackIP(host string) bool {
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
