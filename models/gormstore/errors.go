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
// cannot take the request now, as opposed to a fault in the request: a
// connection refused, reset, closed or broken (by the network, the server or
// the driver), a connection-class SQLSTATE, a server shutting down or starting,
// a busy or locked SQLite file. Each of these is answered 503 with Retry-After
// by the server, never 500.
func isUnavailable(err error) bool {
	switch {
	case errors.Is(err, sql.ErrConnDone), errors.Is(err, driver.ErrBadConn),
		errors.Is(err, pgconn.ErrConnClosed), // pgx: the connection was closed under the statement
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.ECONNABORTED), errors.Is(err, syscall.EPIPE),
		errors.Is(err, syscall.ETIMEDOUT), errors.Is(err, syscall.ENOTCONN),
		errors.Is(err, syscall.ENETDOWN), errors.Is(err, syscall.ENETUNREACH),
		errors.Is(err, syscall.EHOSTDOWN), errors.Is(err, syscall.EHOSTUNREACH),
		errors.Is(err, net.ErrClosed):
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
			strings.HasPrefix(pgErr.Code, "58"), // system error: I/O error
			pgErr.Code == "57014",               // query_canceled (statement_timeout)
			pgErr.Code == "57P01",               // admin_shutdown
			pgErr.Code == "57P02",               // crash_shutdown
			pgErr.Code == "57P03",               // cannot_connect_now (starting up)
			pgErr.Code == "57P05",               // idle_session_timeout: the server closed the connection
			pgErr.Code == "25P03",               // idle_in_transaction_session_timeout: likewise
			pgErr.SeverityUnlocalized == "FATAL" || pgErr.SeverityUnlocalized == "PANIC" ||
				pgErr.Severity == "FATAL" || pgErr.Severity == "PANIC": // the server ends the session
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
		return false
	}
	// pgx reports an error that happened before anything was sent (a
	// connection that could not be locked or written to) as safe to retry.
	if pgconn.SafeToRetry(err) {
		return true
	}
	// Last, the text: database/sql does not export the error of a closed
	// *sql.DB, and a layer that formats an error with %v instead of %w loses
	// its type but keeps these words.
	return hasConnectionText(err.Error())
}

// connectionTexts are words of errors that mean the connection is gone.
var connectionTexts = []string{
	"sql: database is closed",
	"conn closed",
	"connection refused",
	"connection reset",
	"broken pipe",
	"unexpected eof",
	"use of closed network connection",
	"bad connection",
	"server closed the connection unexpectedly",
	"no connection to the server",
	"connection timed out",
	"i/o timeout",
}

func hasConnectionText(msg string) bool {
	msg = strings.ToLower(msg)
	for _, t := range connectionTexts {
		if strings.Contains(msg, t) {
			return true
		}
	}
	return false
}

// isDataException reports a value PostgreSQL refuses (SQLSTATE class 22: a NUL
// or invalid UTF-8 in text, a bad JSON escape): a fault of one row's data.
func isDataException(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && strings.HasPrefix(pgErr.Code, "22")
}

// dataExceptionText is PostgreSQL's own message of a data exception, without
// the statement: what an operator needs to see why a row was refused.
func dataExceptionText(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Message + " (SQLSTATE " + pgErr.Code + ")"
	}
	return "the value cannot be stored"
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
