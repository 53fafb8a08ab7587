package gormstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/baerum/styring/models"
)

// TestClassifyConnectionErrors: every error that says the database connection
// is gone or the database cannot take the request now becomes EUNAVAILABLE
// (503 with Retry-After), whatever store method met it; a fault in the request
// or of ours does not.
func TestClassifyConnectionErrors(t *testing.T) {
	s := &Store{logger: slog.New(slog.DiscardHandler), timeout: time.Second}
	opErr := func(err error) error {
		return &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", err)}
	}
	unavailable := []struct {
		name string
		err  error
	}{
		// The 500s of issue 11: "create initiative: conn closed".
		{"pgx conn closed", fmt.Errorf("insert initiative: %w", pgconn.ErrConnClosed)},
		{"conn closed as text only", errors.New("create initiative: conn closed")},
		{"connection refused", opErr(syscall.ECONNREFUSED)},
		{"connection refused, flattened", fmt.Errorf("dial: %v", syscall.ECONNREFUSED)},
		{"connection reset", fmt.Errorf("commit: %w", syscall.ECONNRESET)},
		{"broken pipe", fmt.Errorf("write: %w", syscall.EPIPE)},
		{"broken pipe, flattened", errors.New("write tcp 127.0.0.1:1->127.0.0.1:2: write: broken pipe")},
		{"EOF", fmt.Errorf("read: %w", io.EOF)},
		{"unexpected EOF", fmt.Errorf("receive message: %w", io.ErrUnexpectedEOF)},
		{"driver bad connection", fmt.Errorf("exec: %w", driver.ErrBadConn)},
		{"sql connection done", sql.ErrConnDone},
		{"closed network connection", fmt.Errorf("read: %w", net.ErrClosed)},
		{"host unreachable", opErr(syscall.EHOSTUNREACH)},
		{"connection timed out", opErr(syscall.ETIMEDOUT)},
		{"closed sql.DB", errors.New("sql: database is closed")},
		{"context deadline", fmt.Errorf("query: %w", context.DeadlineExceeded)},
		{"PostgreSQL connection failure 08006", &pgconn.PgError{Severity: "ERROR", Code: "08006"}},
		{"PostgreSQL admin shutdown 57P01", &pgconn.PgError{Severity: "FATAL", Code: "57P01"}},
		{"PostgreSQL starting up 57P03", &pgconn.PgError{Severity: "FATAL", Code: "57P03"}},
		{"PostgreSQL too many connections 53300", &pgconn.PgError{Severity: "FATAL", Code: "53300"}},
		{"PostgreSQL idle session timeout 57P05", &pgconn.PgError{Severity: "FATAL", Code: "57P05"}},
		{"PostgreSQL I/O error 58030", &pgconn.PgError{Severity: "ERROR", Code: "58030"}},
		{"PostgreSQL statement timeout 57014", &pgconn.PgError{Severity: "ERROR", Code: "57014"}},
		{"any FATAL ends the session", &pgconn.PgError{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: "XX000"}},
	}
	for _, tt := range unavailable {
		t.Run(tt.name, func(t *testing.T) {
			for _, op := range []string{"create initiative", "log decisions", "get decision", "find token"} {
				err := s.classify(context.Background(), context.Background(), op, tt.err)
				if models.ErrorCode(err) != models.EUNAVAILABLE {
					t.Errorf("%s: %v → %v (%s), want unavailable", op, tt.err, err, models.ErrorCode(err))
				}
			}
		})
	}

	other := []struct {
		name string
		err  error
		code string
	}{
		{"a unique violation is ours to map", &pgconn.PgError{Severity: "ERROR", Code: "23505"}, models.EINTERNAL},
		{"a data exception", &pgconn.PgError{Severity: "ERROR", Code: "22021", Message: "invalid byte sequence"}, models.EINTERNAL},
		{"a syntax error (a bug of ours)", &pgconn.PgError{Severity: "ERROR", Code: "42601"}, models.EINTERNAL},
		{"an unknown error", errors.New("boom"), models.EINTERNAL},
		{"a coded error passes", models.Errorf(models.ENOTFOUND, "nope"), models.ENOTFOUND},
	}
	for _, tt := range other {
		t.Run(tt.name, func(t *testing.T) {
			if got := models.ErrorCode(s.classify(context.Background(), context.Background(), "op", tt.err)); got != tt.code {
				t.Errorf("%v → %s, want %s", tt.err, got, tt.code)
			}
		})
	}

	t.Run("the caller's own cancellation stays a cancellation", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := s.classify(ctx, ctx, "op", fmt.Errorf("read: %w", io.EOF))
		if !errors.Is(err, context.Canceled) {
			t.Errorf("got %v, want context.Canceled", err)
		}
	})
}
