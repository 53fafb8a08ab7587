package output

import (
	"encoding/json"
	"io"

	"github.com/baerum/styring/models"
)

// SARIF 2.1.0, the subset code-scanning tools read.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
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
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    int                `json:"ruleIndex"`
	Level        string             `json:"level"`
	Message      sarifText          `json:"message"`
	Locations    []sarifLocation    `json:"locations"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	Properties   map[string]any     `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
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

// writeCheckSARIF writes one run with the whole catalog as the tool's rules and a
// result per violation, located at the file and (logically) at the JSON pointer.
func writeCheckSARIF(w io.Writer, results []FileResult, opts CheckOptions) error {
	driver := sarifDriver{Name: "styring", Version: opts.Version, Rules: []sarifRule{}}
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
		if r.Description != "" {
			rule.FullDescription = &sarifText{Text: r.Description}
		}
		if rem := r.Remedy.In(opts.Lang); rem != "" {
			rule.Help = &sarifText{Text: rem}
		}
		if len(r.RelatedResources) > 0 {
			rule.HelpURI = r.RelatedResources[0].Ref
		}
		rule.Properties = map[string]any{"category": r.Category, "reference": r.Reference, "waivable": r.Waivable}
	}
	run := sarifRun{Results: []sarifResult{}}
	for _, fr := range results {
		if fr.Result == nil {
			continue
		}
		for _, v := range fr.Result.Violations {
			res := sarifResult{
				RuleID:    v.RuleID,
				RuleIndex: addRule(v.RuleID, v.Title, v.Severity),
				Level:     sarifLevel(v.Severity),
				Message:   sarifText{Text: v.Message},
				Locations: []sarifLocation{{
					PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fr.File}},
					LogicalLocations: []sarifLogical{{FullyQualifiedName: v.PathOr(""), Kind: "member"}},
				}},
				Properties: map[string]any{"reference": v.Reference, "path": v.PathOr("")},
			}
			if v.Year != 0 {
				res.Properties["year"] = v.Year
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
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}
