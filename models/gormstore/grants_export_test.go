package gormstore

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// Test hooks of the migration tests: the schema as an earlier release left it,
// and plain SQL on it.

// MigrateBefore applies the migrations older than version, as a release
// before version left the schema.
func (s *Store) MigrateBefore(ctx context.Context, version int) error {
	for _, m := range migrations {
		if m.Version >= version {
			return nil
		}
		err := s.migrationTx(ctx, "migrate", func(tx *gorm.DB) error {
			done, err := appliedVersions(tx)
			if err != nil {
				return err
			}
			if _, ok := done[m.Version]; ok {
				return nil
			}
			if err := m.Up(tx); err != nil {
				return fmt.Errorf("migration %d: %w", m.Version, err)
			}
			return tx.Create(&schemaMigration{Version: m.Version, Name: m.Name, AppliedAt: now()}).Error
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// ExecSQL runs one statement.
func (s *Store) ExecSQL(ctx context.Context, query string, args ...any) error {
	return s.run(ctx, "test exec", func(db *gorm.DB) error { return db.Exec(query, args...).Error })
}

// QueryStrings returns the one text column of a query's rows.
func (s *Store) QueryStrings(ctx context.Context, query string, args ...any) ([]string, error) {
	var out []string
	err := s.run(ctx, "test query", func(db *gorm.DB) error { return db.Raw(query, args...).Scan(&out).Error })
	return out, err
}
