# METADATA
# title: Risikovurderingen dekker ikke personvern eller informasjonssikkerhet
# description: |
#   An initiative that processes personal data (personal_data.processes) must assess
#   the security of the processing: risk.covers must contain personvern or
#   informasjonssikkerhet. A missing risk or covers fails.
# scope: package
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: Personvernforordningen (GDPR) art. 32
#   - ref: https://lovdata.no/lov/2018-06-15-38
#     description: Personopplysningsloven
# custom:
#   id: PRV-008
#   severity: warning
#   category: legal
#   reference: GDPR art. 32
#   waivable: false
#   title_en: The risk assessment covers neither privacy nor information security
#   remedy:
#     nb: Utvid risikovurderingen til å omfatte personvern og/eller informasjonssikkerhet, og legg dem til i
#       risk.covers.
#     en: Extend the risk assessment to privacy and/or information security, and add them to risk.covers.
package styring.rules.legal.prv_008

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/risk/covers",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket behandler personopplysninger, men risikovurderingen",
				"dekker verken personvern eller informasjonssikkerhet (%s).",
			]),
			[_covers_nb],
		),
		sprintf(
			concat(" ", [
				"The initiative processes personal data, but the risk assessment",
				"covers neither personvern nor informasjonssikkerhet (%s).",
			]),
			[_covers_en],
		),
	),
}) if {
	tiltak.doc.personal_data.processes == true
	not "personvern" in _covers
	not "informasjonssikkerhet" in _covers
}

_covers := object.get(tiltak.doc, ["risk", "covers"], [])

default _covers_nb := "risk.covers er tom eller mangler"

_covers_nb := sprintf("risk.covers: %s", [concat(", ", _covers)]) if {
	count(_covers) > 0
}

default _covers_en := "risk.covers is empty or missing"

_covers_en := sprintf("risk.covers: %s", [concat(", ", _covers)]) if {
	count(_covers) > 0
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
