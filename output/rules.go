package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/baerum/styring/internal/textout"
	"github.com/baerum/styring/models"
)

// RuleFormats lists the formats of `styring rules`, default first.
var RuleFormats = []string{FormatTable, FormatJSON, "markdown"}

// WriteRules renders the rule catalog.
func WriteRules(w io.Writer, rules []models.Rule, format string, lang models.Lang) error {
	switch format {
	case "", FormatTable:
		p := textout.New(w)
		tw := p.Table(0, 4, 2, ' ', 0)
		tw.Println(tr(lang, "ID\tALVORLIGHET\tKATEGORI\tTITTEL\tHJEMMEL", "ID\tSEVERITY\tCATEGORY\tTITLE\tREFERENCE"))
		for _, r := range rules {
			tw.Printf("%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Category, r.Title.In(lang), r.Reference)
		}
		tw.Flush()
		return p.Err()
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Rules []models.Rule `json:"rules"`
		}{rules})
	case "markdown":
		return writeRulesMarkdown(w, rules)
	}
	return unknownFormat(format, RuleFormats)
}

// writeRulesMarkdown writes the catalog page committed as docs/rules.md.
func writeRulesMarkdown(w io.Writer, rules []models.Rule) error {
	var b strings.Builder
	b.WriteString("# Rule catalog\n\n")
	b.WriteString("Generated from the policies' METADATA by `styring rules --format markdown`; do not edit by hand.\n")
	b.WriteString("The contract these rules implement is [`docs/spec/rules.md`](spec/rules.md); where the project reads it, see [`docs/readings.md`](readings.md).\n\n")
	b.WriteString("| id | severity | category | waivable | title (nb) | title (en) | reference |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, r := range rules {
		ref := r.Reference
		if len(r.RelatedResources) > 0 {
			ref = fmt.Sprintf("[%s](%s)", r.Reference, r.RelatedResources[0].Ref)
		}
		waivable := "no"
		if r.Waivable {
			waivable = "yes"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", r.ID, r.Severity, r.Category, waivable,
			cell(r.Title.NB), cell(r.Title.EN), cell(ref))
	}
	b.WriteString("\n## Remedies\n\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "### %s — %s\n\n%s\n\n", r.ID, r.Title.NB, cell(r.Description))
		if r.Remedy.NB != "" {
			fmt.Fprintf(&b, "- **Tiltak:** %s\n- **Remedy:** %s\n\n", cell(r.Remedy.NB), cell(r.Remedy.EN))
		}
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

func cell(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\n", " ")
	return strings.ReplaceAll(s, "|", "\\|")
}
