package output

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/baerum/styring/internal/textout"
	"github.com/baerum/styring/models"
)

// CheckOptions shape the rendering of check results.
type CheckOptions struct {
	Format     string
	Lang       models.Lang
	FailOnWarn bool
	Rules      []models.Rule // the catalog, for SARIF's rule descriptions
	Version    string
	// WorkDir is the directory SARIF's %SRCROOT% stands for, which artifact
	// URIs are relative to (default: the working directory).
	WorkDir string
}

// WriteCheck renders the results of `styring check` in the chosen format.
func WriteCheck(w io.Writer, results []FileResult, opts CheckOptions) error {
	switch opts.Format {
	case "", FormatTable:
		return writeCheckTable(w, results, opts)
	case FormatJSON:
		return writeCheckJSON(w, results)
	case FormatJUnit:
		return writeCheckJUnit(w, results, opts)
	case FormatSARIF:
		return writeCheckSARIF(w, results, opts)
	}
	return unknownFormat(opts.Format, CheckFormats)
}

func severityLabel(lang models.Lang, s models.Severity) string {
	switch s {
	case models.SeverityError:
		return tr(lang, "FEIL", "ERROR")
	case models.SeverityWarning:
		return tr(lang, "ADVARSEL", "WARNING")
	}
	return "INFO"
}

// ruleLink is the public address of the law or source behind a rule, from the
// catalog's related resources ("" when it has none).
func ruleLinks(rules []models.Rule) map[string]string {
	links := make(map[string]string, len(rules))
	for _, r := range rules {
		if len(r.RelatedResources) > 0 {
			links[r.ID] = r.RelatedResources[0].Ref
		}
	}
	return links
}

func writeCheckTable(w io.Writer, results []FileResult, opts CheckOptions) error {
	lang := opts.Lang
	links := ruleLinks(opts.Rules)
	p := textout.New(w)
	var failed, total int
	for i, fr := range results {
		if i > 0 {
			p.Println()
		}
		total++
		if fr.Failed(opts.FailOnWarn) {
			failed++
		}
		if fr.Err != nil {
			p.Printf("%s: %s %s\n", fr.File, tr(lang, "kunne ikke sjekkes:", "could not be checked:"), fr.Err.Message)
			continue
		}
		r := fr.Result
		verdict := tr(lang, "tillatt", "allowed")
		if !r.Allowed {
			verdict = tr(lang, "IKKE TILLATT", "NOT ALLOWED")
		}
		p.Printf("%s: %s — %s\n", fr.File, verdict, summaryText(lang, r.Summary))
		if len(r.Violations) == 0 {
			continue
		}
		tw := p.Table(0, 4, 2, ' ', 0)
		for _, v := range r.Violations {
			sev := severityLabel(lang, v.Severity)
			if v.Waived {
				sev += tr(lang, " (unntak)", " (waived)")
			}
			where := v.PathOr("")
			if where == "" {
				where = "/"
			}
			if v.Year != 0 {
				where += fmt.Sprintf(" [%d]", v.Year)
			}
			at := "-"
			if pos, ok := fr.position(v); ok {
				at = fmt.Sprintf("%d:%d", pos.Line, pos.Column)
			}
			tw.Printf("  %s\t%s\t%s\t%s\t%s\n", sev, v.RuleID, at, where, v.Message)
			if v.Remedy != "" {
				tw.Printf("  \t\t\t\t%s %s\n", tr(lang, "Retting:", "Remedy:"), v.Remedy)
			}
			ref := v.Reference
			if link := links[v.RuleID]; link != "" {
				ref += " — " + link
			}
			tw.Printf("  \t\t\t\t%s %s\n", tr(lang, "Hjemmel:", "Reference:"), ref)
		}
		tw.Flush()
	}
	if total > 1 {
		p.Printf("\n%s\n", tr(lang,
			fmt.Sprintf("%d filer sjekket, %d med feil.", total, failed),
			fmt.Sprintf("%d files checked, %d failed.", total, failed)))
	}
	return p.Err()
}

// count is n with the singular or plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func summaryText(lang models.Lang, s models.Summary) string {
	parts := []string{
		tr(lang, count(s.Error, "feil", "feil"), count(s.Error, "error", "errors")),
		tr(lang, count(s.Warning, "advarsel", "advarsler"), count(s.Warning, "warning", "warnings")),
		fmt.Sprintf("%d info", s.Info),
	}
	if s.Waived > 0 {
		parts = append(parts, tr(lang, fmt.Sprintf("%d med unntak", s.Waived), fmt.Sprintf("%d waived", s.Waived)))
	}
	return strings.Join(parts, ", ")
}

// jsonViolation is a violation with its place in the checked file (none for
// standard input or a violation without a path).
type jsonViolation struct {
	models.Violation
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
}

type jsonFileResult struct {
	File  string        `json:"file"`
	Error *models.Error `json:"error,omitempty"`
	*models.CheckResult
	// Violations shadows the embedded result's, adding line and column; it
	// stays last, where the check result has it.
	// A pointer, so a clean file still has "violations": [] and a file that
	// could not be checked has none.
	Violations *[]jsonViolation `json:"violations,omitempty"`
}

func writeCheckJSON(w io.Writer, results []FileResult) error {
	out := struct {
		Results []jsonFileResult `json:"results"`
	}{Results: make([]jsonFileResult, len(results))}
	for i, fr := range results {
		jr := jsonFileResult{File: fr.File, Error: fr.Err, CheckResult: fr.Result}
		if fr.Result != nil {
			vs := make([]jsonViolation, len(fr.Result.Violations))
			for j, v := range fr.Result.Violations {
				vs[j].Violation = v
				if pos, ok := fr.position(v); ok {
					vs[j].Line, vs[j].Column = pos.Line, pos.Column
				}
			}
			jr.Violations = &vs
		}
		out.Results[i] = jr
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Time     string      `xml:"time,attr"`
	File     string      `xml:"file,attr,omitempty"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	Error     *junitFailure `xml:"error,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// junitTime is every time attribute: checking one proposal takes milliseconds
// and the checks run in parallel, so no duration is attributed to a file or a
// rule; readers (Jenkins, GitLab) expect the attribute, and 0 sums correctly.
const junitTime = "0"

// junitName is a violation's test name: the rule, the path, and the year and
// sector of per-year and per-sector rules, so a rule breached in several years
// is several tests.
func junitName(v models.Violation) string {
	name := v.RuleID
	if p := v.PathOr(""); p != "" {
		name += " " + p
	}
	if v.Year != 0 {
		name += fmt.Sprintf(" [%d]", v.Year)
	}
	if v.Sector != "" {
		name += " (" + v.Sector + ")"
	}
	return name
}

// writeCheckJUnit writes a testsuite per file and a testcase per violation:
//   - an unwaived error, and a warning with --fail-on-warn, is a <failure> whose
//     type is the severity ("error" or "warning");
//   - a warning without --fail-on-warn, and a waived violation, is <skipped>
//     with the message: it doesn't fail the build but is not a pass either, and
//     CI servers list skipped tests apart;
//   - an info passes, with its message as <system-out>;
//   - a file that could not be read or parsed is an <error>.
//
// Test names are unique within a suite (see junitName; a repeat gets " #2").
func writeCheckJUnit(w io.Writer, results []FileResult, opts CheckOptions) error {
	lang := opts.Lang
	doc := junitSuites{Name: "styring", Time: junitTime}
	for _, fr := range results {
		s := junitSuite{Name: fr.File, Time: junitTime}
		if fr.File != Stdin {
			s.File = fr.File
		}
		switch {
		case fr.Err != nil:
			s.Errors = 1
			s.Cases = []junitCase{{Name: "parse", Classname: fr.File, Time: junitTime, File: s.File,
				Error: &junitFailure{Message: fr.Err.Message, Type: fr.Err.Code, Text: fr.Err.Message}}}
		case len(fr.Result.Violations) == 0:
			s.Cases = []junitCase{{Name: tr(lang, "ingen brudd", "no violations"), Classname: fr.File, Time: junitTime, File: s.File}}
		default:
			seen := map[string]int{}
			for _, v := range fr.Result.Violations {
				name := junitName(v)
				seen[name]++
				if n := seen[name]; n > 1 {
					name += fmt.Sprintf(" #%d", n)
				}
				c := junitCase{Name: name, Classname: fr.File, Time: junitTime, File: s.File}
				where := ""
				if pos, ok := fr.position(v); ok {
					c.Line = pos.Line
					where = fmt.Sprintf("%s:%d:%d: ", fr.File, pos.Line, pos.Column)
				}
				text := fmt.Sprintf("%s%s\n%s: %s\n%s %s", where, v.Message, v.RuleID, v.Title, tr(lang, "Hjemmel:", "Reference:"), v.Reference)
				if v.Remedy != "" {
					text += "\n" + tr(lang, "Retting:", "Remedy:") + " " + v.Remedy
				}
				switch {
				case v.Waived:
					c.Skipped = &junitSkipped{Message: tr(lang, "unntak: ", "waived: ") + v.Message, Text: text}
					s.Skipped++
				case v.Severity == models.SeverityError || (opts.FailOnWarn && v.Severity == models.SeverityWarning):
					c.Failure = &junitFailure{Message: v.Message, Type: string(v.Severity), Text: text}
					s.Failures++
				case v.Severity == models.SeverityWarning:
					c.Skipped = &junitSkipped{Message: string(v.Severity) + ": " + v.Message, Text: text}
					s.Skipped++
				default:
					c.SystemOut = string(v.Severity) + ": " + text
				}
				s.Cases = append(s.Cases, c)
			}
		}
		s.Tests = len(s.Cases)
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Skipped += s.Skipped
		doc.Suites = append(doc.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
