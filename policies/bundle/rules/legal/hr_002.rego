# METADATA
# title: Risikovurderingen omfatter ikke arbeidsmiljø
# description: |
#   When the initiative affects employees (employees.affected), its risk assessment must
#   cover the working environment: risk.covers must contain arbeidsmiljo. A missing
#   risk or risk.covers counts as not containing it.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2005-06-17-62/§4-2
#     description: Arbeidsmiljøloven § 4-2
# custom:
#   id: HR-002
#   severity: error
#   category: legal
#   reference: Arbeidsmiljøloven § 4-2
#   waivable: false
#   title_en: The risk assessment does not cover the working environment
#   remedy:
#     nb: Vurder konsekvensene for arbeidsmiljøet i risikovurderingen og legg til arbeidsmiljo i risk.covers.
#     en: Assess the consequences for the working environment in the risk assessment and add arbeidsmiljo to
#       risk.covers.
package styring.rules.legal.hr_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/risk/covers",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket berører ansatte (employees.affected), men risikovurderingen",
				"(risk.covers) omfatter ikke arbeidsmiljø (arbeidsmiljo). Den omfatter nå: %s.",
			]),
			[_covers_text("ingen")],
		),
		sprintf(
			concat(" ", [
				"The initiative affects employees (employees.affected), but the risk assessment",
				"(risk.covers) does not cover the working environment (arbeidsmiljo). It now covers: %s.",
			]),
			[_covers_text("none")],
		),
	),
}) if {
	tiltak.doc.employees.affected == true
	not "arbeidsmiljo" in _covers
}

_covers := object.get(tiltak.doc, ["risk", "covers"], [])

_covers_text(none) := none if count(_covers) == 0

_covers_text(_) := concat(", ", _covers) if count(_covers) > 0

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
