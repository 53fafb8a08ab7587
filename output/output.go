// Package output renders check results, the rule catalog and the compliance
// report for people and for other programs: a terminal table or text, JSON,
// JUnit XML, SARIF, Markdown and CSV. It is the presentation layer of the CLI
// and of the server's CSV, and knows nothing of how results are computed. HTML
// is the web package's.
package output

import (
	"fmt"

	"github.com/baerum/styring/models"
)

// Formats of `styring check`.
const (
	FormatTable = "table"
	FormatJSON  = "json"
	FormatJUnit = "junit"
	FormatSARIF = "sarif"
)

// CheckFormats lists the formats of `styring check`, default first.
var CheckFormats = []string{FormatTable, FormatJSON, FormatJUnit, FormatSARIF}

// FileResult is the check of one file: its result, or the error that kept it
// from being checked (unreadable, not JSON).
type FileResult struct {
	File   string
	Result *models.CheckResult
	Err    *models.Error
	// Source is the file's bytes, to place each violation at a line and column
	// (and to name the item it is about in SARIF's fingerprints). nil: no places.
	Source []byte
}

// Stdin is the file name of standard input.
const Stdin = "-"

// position is where v's path is in the file; ok is false for standard input,
// a violation without a path, or a file without Source.
func (f FileResult) position(v models.Violation) (Position, bool) {
	if f.File == Stdin || v.Path == nil || f.Source == nil {
		return Position{}, false
	}
	pos, _, ok := Locate(f.Source, *v.Path)
	return pos, ok
}

// Failed reports whether the file blocks: it has an unwaived error, or a warning
// when failOnWarn, or could not be checked.
func (f FileResult) Failed(failOnWarn bool) bool {
	if f.Err != nil {
		return true
	}
	return f.Result.Summary.Error > 0 || (failOnWarn && f.Result.Summary.Warning > 0)
}

func tr(lang models.Lang, nb, en string) string {
	if lang == models.LangEN {
		return en
	}
	return nb
}

func unknownFormat(format string, valid []string) error {
	return fmt.Errorf("unknown format %q (valid: %v)", format, valid)
}
