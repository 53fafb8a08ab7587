# METADATA
# title: Tiltaket mangler beskrivelse
# description: |
#   Every initiative needs a description of what it does and why (description set:
#   present and not an empty string). The message tells a missing field from an
#   empty one.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024
# custom:
#   id: GOV-003
#   severity: error
#   category: governance
#   reference: HP 2021–2024 kap. 2.3
#   waivable: true
#   title_en: The initiative has no description
#   remedy:
#     nb: Beskriv tiltaket i description – hva som skal gjøres, hvorfor og hvilken virkning det ventes å gi.
#     en: Describe the initiative in description – what is to be done, why, and which effect it is expected to have.
package styring.rules.governance.gov_003

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/description",
	"message": result.msg(
		sprintf("Tiltaket mangler beskrivelse: description %s.", [_state_nb]),
		sprintf("The initiative has no description: description %s.", [_state_en]),
	),
}) if {
	# description is a string: not set is missing or "".
	object.get(tiltak.doc, "description", "") == ""
}

_state_nb := "er tom" if tiltak.given_at(["description"])

_state_nb := "er ikke fylt ut" if not tiltak.given_at(["description"])

_state_en := "is empty" if tiltak.given_at(["description"])

_state_en := "is not filled in" if not tiltak.given_at(["description"])

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
