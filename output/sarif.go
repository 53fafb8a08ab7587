package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/baerum/styring/models"
)

// InformationURI is where the tool is described, SARIF's tool.driver.informationUri.
const InformationURI = "https://github.com/baerum/styring"

// sarifSrcRoot is the uriBaseId artifact URIs are relative to: the working
// directory `styring check` ran in, declared in run.originalUriBaseIds.
const sarifSrcRoot = "%SRCROOT%"

// sarifFingerprintKey names styring's partial fingerprint (a versioned key, as
// SARIF §3.27.17 recommends, so a changed recipe is not mistaken for the old one).
const sarifFingerprintKey = "styringViolation/v1"

// SARIF 2.1.0, the subset code-scanning tools read.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                   `json:"columnKind"`
	Results            []sarifResult            `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	SemanticVer    string      `json:"semanticVersion,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name,omitempty"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      *sarifText      `json:"fullDescription,omitempty"`
	Help                 *sarifText      `json:"help,omitempty"`
	HelpURI              string          `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           map[string]any  `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    int                `json:"ruleIndex"`
	Level        string             `json:"level"`
	Message      sarifText          `json:"message"`
	Locations    []sarifLocation    `json:"locations"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	Fingerprints map[string]string  `json:"partialFingerprints,omitempty"`
	Properties   map[string]any     `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifSuppression struct {
	Kind string `json:"kind"`
}

func sarifLevel(s models.Severity) string {
	switch s {
	case models.SeverityError:
		return "error"
	case models.SeverityWarning:
		return "warning"
	}
	return "note"
}

// sarifVersion is the binary's version as SARIF's numeric driver.version
// ("v1.4.0" → "1.4.0"); a development build, whose version is no number, is
// "0.0.0" with semanticVersion "0.0.0-<its version>".
func sarifVersion(v string) (version, semantic string) {
	n := strings.TrimPrefix(v, "v")
	if n != "" && n[0] >= '0' && n[0] <= '9' {
		return n, n
	}
	tag := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '.' || r == '-' {
			return r
		}
		return '-'
	}, v)
	if tag == "" {
		tag = "dev"
	}
	return "0.0.0", "0.0.0-" + tag
}

// fileURI is the URI of an absolute path: file:///a/b.json.
func fileURI(abs string, dir bool) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/…
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// sarifArtifactFor is where a checked file is: relative to %SRCROOT% (the
// working directory) when it is under it, else an absolute file: URI, never
// "../". Standard input has no file; it is the relative "stdin".
func sarifArtifactFor(file, wd string) sarifArtifact {
	if file == Stdin {
		return sarifArtifact{URI: "stdin"}
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return sarifArtifact{URI: (&url.URL{Path: filepath.ToSlash(file)}).String()}
	}
	if wd != "" {
		if rel, err := filepath.Rel(wd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return sarifArtifact{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: sarifSrcRoot}
		}
	}
	return sarifArtifact{URI: fileURI(abs, false)}
}

// sarifFingerprint identifies a violation across runs without its line: the
// rule, the path with array indexes taken out, the year and sector, and the
// array items it is in named by their own content (a KPI's name, a budget
// line's year and account; see itemKey). Inserting a line or an item before
// it doesn't change it.
func sarifFingerprint(v models.Violation, src []byte) string {
	shape, key := "", ""
	if v.Path != nil {
		shape, key = itemKey(src, *v.Path)
	}
	sum := sha256.Sum256([]byte(strings.Join([]string{v.RuleID, shape, strconv.Itoa(v.Year), v.Sector, key}, "\x00")))
	return hex.EncodeToString(sum[:16])
}

// sarifRuleTexts are a rule's fullDescription and help in the chosen language.
// The catalog's description is the rule's English specification, so in
// Norwegian the full description is the title and its legal basis.
func sarifRuleTexts(r models.Rule, lang models.Lang) (full, help sarifText) {
	ref := tr(lang, "Hjemmel: ", "Reference: ") + r.Reference
	if lang == models.LangEN && r.Description != "" {
		full = sarifText{Text: r.Description}
	} else {
		full = sarifText{Text: r.Title.In(lang) + ". " + ref}
	}
	rem := r.Remedy.In(lang)
	help = sarifText{Text: strings.TrimSpace(rem + "\n" + ref), Markdown: strings.TrimSpace(rem + "\n\n" + ref)}
	if len(r.RelatedResources) > 0 {
		link := r.RelatedResources[0].Ref
		help.Text += " (" + link + ")"
		help.Markdown = strings.TrimSpace(rem + "\n\n" + tr(lang, "Hjemmel: ", "Reference: ") + "[" + r.Reference + "](" + link + ")")
	}
	return full, help
}

// writeCheckSARIF writes one run with the whole catalog as the tool's rules and
// a result per violation, at the file (relative to %SRCROOT%), the line and
// column of the value its JSON pointer names (none for standard input), and
// logically at the pointer.
func writeCheckSARIF(w io.Writer, results []FileResult, opts CheckOptions) error {
	ver, semver := sarifVersion(opts.Version)
	driver := sarifDriver{Name: "styring", Version: ver, SemanticVer: semver, InformationURI: InformationURI, Rules: []sarifRule{}}
	index := map[string]int{}
	addRule := func(id string, title string, sev models.Severity) int {
		if i, ok := index[id]; ok {
			return i
		}
		index[id] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{ID: id, ShortDescription: sarifText{Text: title}, DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(sev)}})
		return index[id]
	}
	for _, r := range opts.Rules {
		i := addRule(r.ID, r.Title.In(opts.Lang), r.Severity)
		rule := &driver.Rules[i]
		full, help := sarifRuleTexts(r, opts.Lang)
		rule.FullDescription, rule.Help = &full, &help
		if len(r.RelatedResources) > 0 {
			rule.HelpURI = r.RelatedResources[0].Ref
		}
		rule.Properties = map[string]any{"category": r.Category, "reference": r.Reference, "waivable": r.Waivable}
	}
	wd := opts.WorkDir
	if wd == "" {
		wd, _ = os.Getwd()
	}
	run := sarifRun{ColumnKind: "utf16CodeUnits", Results: []sarifResult{}}
	if wd != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifact{sarifSrcRoot: {URI: fileURI(wd, true)}}
	}
	for _, fr := range results {
		if fr.Result == nil {
			continue
		}
		artifact := sarifArtifactFor(fr.File, wd)
		for _, v := range fr.Result.Violations {
			phys := sarifPhysical{ArtifactLocation: artifact}
			if pos, ok := fr.position(v); ok {
				phys.Region = &sarifRegion{StartLine: pos.Line, StartColumn: pos.Column}
			}
			res := sarifResult{
				RuleID:    v.RuleID,
				RuleIndex: addRule(v.RuleID, v.Title, v.Severity),
				Level:     sarifLevel(v.Severity),
				Message:   sarifText{Text: v.Message},
				Locations: []sarifLocation{{
					PhysicalLocation: phys,
					LogicalLocations: []sarifLogical{{FullyQualifiedName: v.PathOr(""), Kind: "member"}},
				}},
				Fingerprints: map[string]string{sarifFingerprintKey: sarifFingerprint(v, fr.Source)},
				Properties:   map[string]any{"reference": v.Reference, "path": v.PathOr("")},
			}
			if v.Year != 0 {
				res.Properties["year"] = v.Year
			}
			if v.Sector != "" {
				res.Properties["sector"] = v.Sector
			}
			if v.Waived {
				res.Suppressions = []sarifSuppression{{Kind: "external"}}
			}
			run.Results = append(run.Results, res)
		}
	}
	run.Tool = sarifTool{Driver: driver}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}); err != nil {
		return fmt.Errorf("write SARIF: %w", err)
	}
	return nil
}
