package gormstore

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// JSON is a JSON value in a column: jsonb on PostgreSQL, text on SQLite. An
// empty value is stored as NULL.
type JSON json.RawMessage

// GormDataType names the type for GORM's own bookkeeping.
func (JSON) GormDataType() string { return "json" }

// GormDBDataType is the column type on each database; migrations use it too,
// so the DDL and the Go type cannot disagree.
func (JSON) GormDBDataType(db *gorm.DB, _ *schema.Field) string {
	if db.Dialector.Name() == "postgres" {
		return "jsonb"
	}
	return "text"
}

// Value writes the JSON text.
func (j JSON) Value() (driver.Value, error) {
	if len(j) == 0 {
		return nil, nil
	}
	return string(j), nil
}

// Scan reads the JSON text, copying it: drivers may reuse the bytes they hand over.
func (j *JSON) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*j = nil
	case []byte:
		*j = append(JSON(nil), v...)
	case string:
		*j = JSON(v)
	default:
		return fmt.Errorf("scan json: unexpected %T", src)
	}
	return nil
}

// raw returns the value as a json.RawMessage, nil when empty.
func (j JSON) raw() json.RawMessage {
	if len(j) == 0 {
		return nil
	}
	return json.RawMessage(j)
}

// validJSON reports whether raw is JSON that both databases keep: valid, with
// no \u0000 escape and no lone UTF-16 surrogate escape. jsonb refuses those
// two; SQLite would take them, so the store refuses them on both.
func validJSON(raw []byte) bool {
	if !json.Valid(raw) {
		return false
	}
	if !bytes.Contains(raw, []byte(`\u`)) {
		return true
	}
	// json.Valid has checked the syntax, so every backslash starts an escape
	// inside a string and \u is followed by four hex digits.
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		if raw[i+1] != 'u' {
			i++ // a two-character escape, such as \\ or \"
			continue
		}
		r := hex4(raw[i+2 : i+6])
		switch {
		case r == 0:
			return false
		case r >= 0xD800 && r < 0xDC00: // high surrogate: a low one must follow
			if i+12 > len(raw) || raw[i+6] != '\\' || raw[i+7] != 'u' {
				return false
			}
			if lo := hex4(raw[i+8 : i+12]); lo < 0xDC00 || lo > 0xDFFF {
				return false
			}
			i += 11
		case r >= 0xDC00 && r <= 0xDFFF: // low surrogate without a high one
			return false
		default:
			i += 5
		}
	}
	return true
}

// hex4 reads four hex digits.
func hex4(b []byte) rune {
	var r rune
	for _, c := range b {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		}
	}
	return r
}
