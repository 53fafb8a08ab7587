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

violation contains result.fail(_meta, {
	"path": "/risk",
	"severity": _severity,
	"message": result.msg(
		sprintf(
			"Tiltaket (type %s) mangler risikovurdering: %s er ikke fylt ut.",
			[tiltak.doc.type, concat(" og ", _missing)],
		),
		sprintf(
			"The initiative (type %s) has no risk assessment: %s %s not filled in.",
			[tiltak.doc.type, concat(" and ", _missing), _verb_en],
		),
	),
}) if {
	not _assessed
	count(_missing) > 0
}

# _assessed: risk.assessment_ref and risk.date are both set (non-empty strings). A
# cheap test before _missing, which is built only for the message.
_assessed if {
	tiltak.doc.risk.assessment_ref != ""
	tiltak.doc.risk.date != ""
}

_missing := [field |
	some field in ["risk.assessment_ref", "risk.date"]
	not tiltak.set_at(split(field, "."))
]

_verb_en := "is" if count(_missing) == 1

_verb_en := "are" if count(_missing) > 1

_error_types := {"omstilling", "innsparing", "investering"}

default _severity := "warning"

_severity := "error" if tiltak.doc.type in _error_types

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
