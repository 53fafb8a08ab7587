// Package output renders check results and the rule catalog for people and for
// CI systems: a terminal table, JSON, JUnit XML, SARIF and Markdown. It is the CLI's
// presentation layer and knows nothing of how results are computed.
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
