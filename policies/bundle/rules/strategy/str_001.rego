# METADATA
# title: Tiltaket er ikke knyttet til et fokusområde i Veikart 2024
# description: Every initiative must name the Veikart 2024 focus area it serves (veikart_area; missing or empty fails).
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024, kap. 2.1 (Veikart 2024)
# custom:
#   id: STR-001
#   severity: error
#   category: strategy
#   reference: HP 2021–2024 kap. 2.1 (Veikart 2024)
#   waivable: true
#   title_en: The initiative is not linked to a Veikart 2024 focus area
#   remedy:
#     nb: Velg fokusområdet i Veikart 2024 som tiltaket støtter (veikart_area, VK1–VK6).
#     en: Choose the Veikart 2024 focus area the initiative supports (veikart_area, VK1–VK6).
package styring.rules.strategy.str_001

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/veikart_area",
	"message": result.msg(
		concat(" ", [
			"Tiltaket mangler veikart_area:",
			"velg fokusområdet i Veikart 2024 det støtter (VK1 Fremtidens tjenester, VK2 Balansert samfunnsutvikling,",
			"VK3 Klimakloke Bærum, VK4 Kunnskapskommunen Bærum, VK5 Sammen om Bærum, VK6 Kommune for fremtiden).",
		]),
		concat(" ", [
			"The initiative has no veikart_area:",
			"choose the Veikart 2024 focus area it supports (VK1 Fremtidens tjenester, VK2 Balansert samfunnsutvikling,",
			"VK3 Klimakloke Bærum, VK4 Kunnskapskommunen Bærum, VK5 Sammen om Bærum, VK6 Kommune for fremtiden).",
		]),
	),
}) if {
	object.get(tiltak.doc, "veikart_area", "") == ""
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
