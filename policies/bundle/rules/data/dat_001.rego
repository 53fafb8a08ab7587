# METADATA
# title: Dokumentet følger ikke skjemaet for tiltak
# description: |
#   The document must match initiative.schema.json (JSON Schema 2020-12 with format
#   asserted). The engine validates in Go and passes each schema error in
#   input.schema_errors; this rule turns each into a violation at the error's
#   instance location. When any DAT-001 exists, no other rule is evaluated. Like every
#   data rule it cannot be waived: a document that breaks the schema is never allowed.
# scope: package
# custom:
#   id: DAT-001
#   severity: error
#   category: data
#   reference: "—"
#   waivable: false
#   title_en: The document does not match the initiative schema
#   remedy:
#     nb: Rett feltet slik at det har riktig type, format eller verdi etter skjemaet.
#     en: Correct the field so that its type, format or value matches the schema.
package styring.rules.data.dat_001

import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": e.path,
	"message": e.message,
}) if {
	some e in input.schema_errors
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
