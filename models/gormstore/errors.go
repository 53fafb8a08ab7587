package gormstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	gosqlite "github.com/glebarez/go-sqlite"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/baerum/styring/models"
)

// SQLite result codes the store tells apart (https://www.sqlite.org/rescode.html).
const (
	sqliteBusy                 = 5
	sqliteLocked               = 6
	sqliteNoMem                = 7
	sqliteInterrupt            = 9
	sqliteIOErr                = 10
	sqliteFull                 = 13
	sqliteCantOpen             = 14
	sqliteConstraintPrimaryKey = 1555
	sqliteConstraintUnique     = 2067
)

// classify turns an error of a store operation into what callers see: a
// *models.Error passes through; a database that does not answer becomes
// EUNAVAILABLE (its cause is logged, since the message must not carry driver
// text); the caller's own cancellation stays context.Canceled; anything else is
// wrapped as an internal error with op as context.
//
// ctx is the caller's context, qctx the one the query ran under (ctx plus the
// query timeout).
func (s *Store) classify(ctx, qctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	var e *models.Error
	if errors.As(err, &e) {
		return e
	}
	if errors.Is(ctx.Err(), context.Canceled) {
		return fmt.Errorf("%s: %w", op, context.Canceled)
	}
	if qctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
		s.logger.Warn("database did not answer in time", "op", op, "timeout", s.timeout, "err", err)
		return models.Errorf(models.EUNAVAILABLE, "the database did not answer within %s; try again later", s.timeout)
	}
	if isUnavailable(err) {
		s.logger.Warn("database unavailable", "op", op, "err", err)
		return models.Errorf(models.EUNAVAILABLE, "the database is unavailable; try again later")
	}
	return fmt.Errorf("%s: %w", op, err)
}

// isTimeout reports a deadline hit inside the driver or the network.
func isTimeout(err error) bool {
	if pgconn.Timeout(err) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// isUnavailable reports errors that say the database cannot be reached or
// cannot take the request now, as opposed to a fault in the request.
func isUnavailable(err error) bool {
	switch {
	case errors.Is(err, sql.ErrConnDone), errors.Is(err, driver.ErrBadConn),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.EPIPE), errors.Is(err, net.ErrClosed):
		return true
	}
	// database/sql does not export the error of a closed *sql.DB.
	if strings.Contains(err.Error(), "sql: database is closed") {
		return true
	}
	var connectErr *pgconn.ConnectError
	if errors.As(err, &connectErr) {
		return true
	}
	var netErr *net.OpError
	if errors.As(err, &netErr) {
		return true
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch {
		case strings.HasPrefix(pgErr.Code, "08"), // connection exception
			strings.HasPrefix(pgErr.Code, "53"), // insufficient resources: too many connections, disk full
			pgErr.Code == "57014",               // query_canceled (statement_timeout)
			pgErr.Code == "57P01",               // admin_shutdown
			pgErr.Code == "57P02",               // crash_shutdown
			pgErr.Code == "57P03":               // cannot_connect_now (starting up)
			return true
		}
		return false
	}
	var liteErr *gosqlite.Error
	if errors.As(err, &liteErr) {
		switch liteErr.Code() & 0xff {
		case sqliteBusy, sqliteLocked, sqliteNoMem, sqliteInterrupt, sqliteIOErr, sqliteFull, sqliteCantOpen:
			return true
		}
	}
	return false
}

// isUniqueViolation reports a duplicate primary or unique key.
func isUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "23505"
	}
	var liteErr *gosqlite.Error
	if errors.As(err, &liteErr) {
		return liteErr.Code() == sqliteConstraintPrimaryKey || liteErr.Code() == sqliteConstraintUnique
	}
	return false
}

// isInvalidJSON reports JSON that Go accepts but PostgreSQL's jsonb refuses,
// such as a lone UTF-16 surrogate escape.
func isInvalidJSON(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "22P02" || pgErr.Code == "22P05")
}
