package models

// Rule is one entry of the rule catalog, generated from the policies' METADATA.
type Rule struct {
	ID               string     `json:"id"`
	Severity         Severity   `json:"severity"`
	Category         string     `json:"category"`
	Scope            string     `json:"scope"` // "record" or "portfolio"
	Title            Text       `json:"title"`
	Description      string     `json:"description,omitempty"`
	Reference        string     `json:"reference"`
	Waivable         bool       `json:"waivable"`
	Remedy           Text       `json:"remedy"`
	RelatedResources []Resource `json:"related_resources,omitempty"`
	Package          string     `json:"package"`
}

// Resource is a public address where a rule's source can be read.
type Resource struct {
	Ref         string `json:"ref"`
	Description string `json:"description,omitempty"`
}
