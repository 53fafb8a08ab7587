# METADATA
# title: Tiltaket er ikke knyttet til FNs bærekraftsmål
# description: Every initiative must name the UN Sustainable Development Goals it contributes to (sdgs; missing or an
#   empty list fails).
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024, kap. 2.3
# custom:
#   id: STR-002
#   severity: error
#   category: strategy
#   reference: HP 2021–2024 kap. 2.3 (FNs bærekraftsmål i planverket)
#   waivable: true
#   title_en: The initiative is not linked to the UN Sustainable Development Goals
#   remedy:
#     nb: Oppgi hvilke av FNs 17 bærekraftsmål tiltaket bidrar til (sdgs, tall 1–17).
#     en: Give the UN Sustainable Development Goals the initiative contributes to (sdgs, numbers 1–17).
package styring.rules.strategy.str_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/sdgs",
	"message": result.msg(
		"Tiltaket mangler sdgs: oppgi minst ett av FNs bærekraftsmål (1–17) som tiltaket bidrar til.",
		"The initiative has no sdgs: give at least one UN Sustainable Development Goal (1–17) the initiative contributes to.",
	),
}) if {
	count(object.get(tiltak.doc, "sdgs", [])) == 0
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
