# METADATA
# title: Klimaeffekten av tiltaket er ikke vurdert
# description: |
#   Every initiative must state its climate effect: either
#   climate.effect_tco2e_per_year (tonnes CO2e a year; 0 counts as stated) or
#   climate.none_reason. The severity is error for investments (type
#   investering) and for initiatives in Veikart area VK3 (Klimakloke Bærum),
#   warning otherwise.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024 (klimabudsjett)
# custom:
#   id: CLI-001
#   severity: warning
#   category: strategy
#   reference: Klimastrategi 2030; HP klimabudsjett
#   waivable: true
#   title_en: The climate effect of the initiative has not been assessed
#   remedy:
#     nb: Oppgi forventet endring i klimagassutslipp (climate.effect_tco2e_per_year, tonn CO2e per år, negativt for
#       reduksjon) eller begrunn hvorfor tiltaket ikke har klimaeffekt (climate.none_reason).
#     en: Give the expected change in greenhouse-gas emissions (climate.effect_tco2e_per_year, tonnes CO2e a year,
#       negative for a reduction) or explain why the initiative has no climate effect (climate.none_reason).
package styring.rules.strategy.cli_001

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/climate",
	"severity": _severity,
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Klimaeffekten er ikke vurdert:",
				"verken climate.effect_tco2e_per_year (tonn CO2e per år) eller climate.none_reason er fylt ut%s.",
			]),
			[_reason_nb],
		),
		sprintf(
			concat(" ", [
				"The climate effect has not been assessed:",
				"neither climate.effect_tco2e_per_year (tonnes CO2e a year) nor climate.none_reason is filled in%s.",
			]),
			[_reason_en],
		),
	),
}) if {
	object.get(tiltak.doc, ["climate", "none_reason"], "") == ""
	object.get(tiltak.doc, ["climate", "effect_tco2e_per_year"], null) == null
}

default _severity := "warning"

_severity := "error" if _strict

_strict if tiltak.doc.type == "investering"

_strict if tiltak.doc.veikart_area == "VK3"

default _reason_nb := ""

_reason_nb := " (påkrevd for investeringstiltak)" if {
	tiltak.doc.type == "investering"
} else := " (påkrevd i Veikart-området VK3 Klimakloke Bærum)" if {
	tiltak.doc.veikart_area == "VK3"
}

default _reason_en := ""

_reason_en := " (required for investments)" if {
	tiltak.doc.type == "investering"
} else := " (required in Veikart area VK3 Klimakloke Bærum)" if {
	tiltak.doc.veikart_area == "VK3"
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
