package gormstore

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/jackc/pgx/v5"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/baerum/styring/models"
)

// Backend names, as Store.Backend reports them.
const (
	BackendPostgres = "postgres"
	BackendSQLite   = "sqlite"
)

// DefaultQueryTimeout bounds every query when Options.QueryTimeout is zero.
const DefaultQueryTimeout = 5 * time.Second

// Options tune a Store. The zero value is usable.
type Options struct {
	// QueryTimeout is the deadline of every query (of every transaction, for
	// writes), so that a database that stops answering fails a request with
	// EUNAVAILABLE instead of hanging it. Default DefaultQueryTimeout.
	QueryTimeout time.Duration
	// MaxOpenConns limits the connection pool. Default 10 on PostgreSQL, 4 on SQLite.
	MaxOpenConns int
	// Logger receives warnings: slow queries, failed statements (without their
	// arguments) and the causes behind EUNAVAILABLE. Nil discards them.
	Logger *slog.Logger
}

// Store keeps Styring's data on PostgreSQL or SQLite. It is each of the
// models' store interfaces: initiatives, decisions, idempotency records,
// waivers and tokens, and a Pinger.
type Store struct {
	db      *gorm.DB
	sqlDB   *sql.DB
	backend string
	timeout time.Duration
	logger  *slog.Logger
}

var (
	_ models.InitiativeStore  = (*Store)(nil)
	_ models.DecisionStore    = (*Store)(nil)
	_ models.IdempotencyStore = (*Store)(nil)
	_ models.WaiverStore      = (*Store)(nil)
	_ models.TokenStore       = (*Store)(nil)
	_ models.Pinger           = (*Store)(nil)
)

// Open connects to the database at url: a postgres:// or postgresql:// URL, or
// else the path of a SQLite file (created when missing). It pings the database
// within the query timeout and returns EUNAVAILABLE when it does not answer.
// Open does not migrate; call Migrate.
func Open(ctx context.Context, url string, opts Options) (*Store, error) {
	s := &Store{timeout: opts.QueryTimeout, logger: opts.Logger}
	if s.timeout <= 0 {
		s.timeout = DefaultQueryTimeout
	}
	if s.logger == nil {
		s.logger = slog.New(slog.DiscardHandler)
	}

	var dialector gorm.Dialector
	maxOpen := opts.MaxOpenConns
	switch {
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		s.backend = BackendPostgres
		if _, err := pgx.ParseConfig(url); err != nil {
			s.logger.Warn("parse database URL", "err", err)
			return nil, models.Errorf(models.EINVALID, "database URL is not a valid PostgreSQL connection URL")
		}
		dialector = postgres.New(postgres.Config{DSN: url})
		if maxOpen <= 0 {
			maxOpen = 10
		}
	case url == "":
		return nil, models.Errorf(models.EINVALID, "no database: give a postgres:// URL or a SQLite file path")
	default:
		s.backend = BackendSQLite
		dialector = sqlite.Open(sqliteDSN(url, s.timeout))
		if maxOpen <= 0 {
			maxOpen = 4
		}
	}

	gormLogger := logger.Discard
	if opts.Logger != nil {
		gormLogger = logger.NewSlogLogger(opts.Logger, logger.Config{
			LogLevel:                  logger.Warn,
			SlowThreshold:             time.Second,
			ParameterizedQueries:      true, // documents and bodies stay out of the log
			IgnoreRecordNotFoundError: true,
		})
	}
	db, err := gorm.Open(dialector, &gorm.Config{
		Logger:                 gormLogger,
		SkipDefaultTransaction: true, // the store opens the transactions it needs itself
		DisableAutomaticPing:   true, // Open pings below, with a deadline
		NowFunc:                now,
	})
	if err != nil {
		return nil, s.classify(ctx, ctx, "open database", err)
	}
	s.db = db
	if s.sqlDB, err = db.DB(); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	s.sqlDB.SetMaxOpenConns(maxOpen)
	s.sqlDB.SetMaxIdleConns(maxOpen)
	s.sqlDB.SetConnMaxIdleTime(5 * time.Minute)

	if err := s.Ping(ctx); err != nil {
		_ = s.sqlDB.Close() // the pool was never used: the ping's error is the one to report
		return nil, err
	}
	return s, nil
}

// sqliteDSN adds to path the settings the store relies on: WAL with
// synchronous=FULL for durable commits, foreign keys, a busy timeout as long as
// the query timeout, and BEGIN IMMEDIATE transactions (see the package doc).
func sqliteDSN(path string, timeout time.Duration) string {
	params := []string{
		fmt.Sprintf("_pragma=busy_timeout(%d)", timeout.Milliseconds()),
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(FULL)",
		"_pragma=foreign_keys(1)",
		"_txlock=immediate",
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + strings.Join(params, "&")
}

// now is the store's clock: UTC with microseconds, which both databases keep
// exactly, so a time written is the time read back.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// Backend returns BackendPostgres or BackendSQLite.
func (s *Store) Backend() string { return s.backend }

// Ping checks that the database answers within the query timeout.
func (s *Store) Ping(ctx context.Context) error {
	return s.run(ctx, "ping", func(db *gorm.DB) error {
		qctx := db.Statement.Context
		return s.sqlDB.PingContext(qctx)
	})
}

// Close releases the connections. Calls after Close return EUNAVAILABLE.
func (s *Store) Close() error {
	if err := s.sqlDB.Close(); err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	return nil
}

// run calls fn with a session bound to ctx plus the query timeout and turns
// what it returns into the store's errors (see classify).
func (s *Store) run(ctx context.Context, op string, fn func(db *gorm.DB) error) error {
	qctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	return s.classify(ctx, qctx, op, fn(s.db.WithContext(qctx)))
}

// transaction is run with fn inside one transaction, committed when fn returns nil.
func (s *Store) transaction(ctx context.Context, op string, fn func(tx *gorm.DB) error) error {
	return s.run(ctx, op, func(db *gorm.DB) error {
		return db.Transaction(fn)
	})
}
