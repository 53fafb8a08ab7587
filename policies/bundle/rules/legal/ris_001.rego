# METADATA
# title: Tiltaket mangler risikovurdering
# description: |
#   Every initiative needs a documented risk assessment: risk.assessment_ref and
#   risk.date must both be set. One violation at /risk that lists what is missing. The
#   severity is error for type omstilling, innsparing and investering, else warning
#   (the default in this METADATA).
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§25-1
#     description: Kommuneloven § 25-1
# custom:
#   id: RIS-001
#   severity: warning
#   category: legal
#   reference: Kommuneloven § 25-1 (internkontroll)
#   waivable: false
#   title_en: The initiative has no risk assessment
#   remedy:
#     nb: Gjennomfør en risikovurdering og oppgi referansen (risk.assessment_ref) og datoen (risk.date).
#     en: Carry out a risk assessment and give its reference (risk.assessment_ref) and date (risk.date).
package styring.rules.legal.ris_001

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(meta, {
	"path": "/risk",
	"severity": severity,
	"message": result.msg(
		sprintf(
			"Tiltaket (type %s) mangler risikovurdering: %s er ikke fylt ut.",
			[tiltak.doc.type, concat(" og ", missing)],
		),
		sprintf(
			"The initiative (type %s) has no risk assessment: %s %s not filled in.",
			[tiltak.doc.type, concat(" and ", missing), verb_en],
		),
	),
}) if {
	not assessed
	count(missing) > 0
}

# assessed: risk.assessment_ref and risk.date are both set (non-empty strings). A
# cheap test before missing, which is built only for the message.
assessed if {
	tiltak.doc.risk.assessment_ref != ""
	tiltak.doc.risk.date != ""
}

missing := [field |
	some field in ["risk.assessment_ref", "risk.date"]
	not tiltak.set_at(split(field, "."))
]

verb_en := "is" if count(missing) == 1

verb_en := "are" if count(missing) > 1

error_types := {"omstilling", "innsparing", "investering"}

default severity := "warning"

severity := "error" if tiltak.doc.type in error_types

# meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
meta := rego.metadata.chain()
