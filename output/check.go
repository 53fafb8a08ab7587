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

func writeCheckTable(w io.Writer, results []FileResult, opts CheckOptions) error {
	lang := opts.Lang
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
			tw.Printf("  %s\t%s\t%s\t%s\n", sev, v.RuleID, where, v.Message)
			tw.Printf("  \t\t\t%s %s\n", tr(lang, "Hjemmel:", "Reference:"), v.Reference)
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

func summaryText(lang models.Lang, s models.Summary) string {
	parts := []string{
		tr(lang, fmt.Sprintf("%d feil", s.Error), fmt.Sprintf("%d errors", s.Error)),
		tr(lang, fmt.Sprintf("%d advarsler", s.Warning), fmt.Sprintf("%d warnings", s.Warning)),
		fmt.Sprintf("%d info", s.Info),
	}
	if s.Waived > 0 {
		parts = append(parts, tr(lang, fmt.Sprintf("%d med unntak", s.Waived), fmt.Sprintf("%d waived", s.Waived)))
	}
	return strings.Join(parts, ", ")
}

type jsonFileResult struct {
	File  string        `json:"file"`
	Error *models.Error `json:"error,omitempty"`
	*models.CheckResult
}

func writeCheckJSON(w io.Writer, results []FileResult) error {
	out := struct {
		Results []jsonFileResult `json:"results"`
	}{Results: make([]jsonFileResult, len(results))}
	for i, fr := range results {
		out.Results[i] = jsonFileResult{File: fr.File, Error: fr.Err, CheckResult: fr.Result}
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
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Error     *junitFailure `xml:"error,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// writeCheckJUnit writes a testsuite per file and a testcase per violation;
// errors (and warnings with --fail-on-warn) are failures, the rest pass with
// their message as output, and a file that could not be read is an <error>.
func writeCheckJUnit(w io.Writer, results []FileResult, opts CheckOptions) error {
	doc := junitSuites{Name: "styring"}
	for _, fr := range results {
		s := junitSuite{Name: fr.File}
		switch {
		case fr.Err != nil:
			s.Errors = 1
			s.Cases = []junitCase{{Name: "parse", Classname: fr.File, Error: &junitFailure{Message: fr.Err.Message, Type: fr.Err.Code}}}
		case len(fr.Result.Violations) == 0:
			s.Cases = []junitCase{{Name: tr(opts.Lang, "ingen brudd", "no violations"), Classname: fr.File}}
		default:
			for _, v := range fr.Result.Violations {
				c := junitCase{Name: fmt.Sprintf("%s %s", v.RuleID, v.PathOr("")), Classname: fr.File}
				text := fmt.Sprintf("%s\n%s: %s\n%s %s", v.Message, v.RuleID, v.Title, tr(opts.Lang, "Hjemmel:", "Reference:"), v.Reference)
				blocking := !v.Waived && (v.Severity == models.SeverityError || (opts.FailOnWarn && v.Severity == models.SeverityWarning))
				if blocking {
					c.Failure = &junitFailure{Message: v.Message, Type: string(v.Severity), Text: text}
					s.Failures++
				} else {
					c.SystemOut = string(v.Severity) + ": " + text
				}
				s.Cases = append(s.Cases, c)
			}
		}
		s.Tests = len(s.Cases)
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
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
