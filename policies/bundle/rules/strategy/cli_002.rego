# METADATA
# title: Klimaeffekten er ikke knyttet til et tema i klimastrategien
# description: |
#   An initiative with a climate effect (climate.effect_tco2e_per_year given and
#   not 0) should name the Klimastrategi 2030 theme the effect belongs to
#   (climate.theme: mobilitet, bygg or ressursbruk). A missing effect is CLI-001's
#   concern, not this rule's.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024 (klimabudsjett)
# custom:
#   id: CLI-002
#   severity: warning
#   category: strategy
#   reference: Klimastrategi 2030 (mobilitet, bygg, ressursbruk)
#   waivable: true
#   title_en: The climate effect is not linked to a theme of the climate strategy
#   remedy:
#     nb: Velg temaet i Klimastrategi 2030 som klimaeffekten hører til (climate.theme).
#     en: Choose the Klimastrategi 2030 theme the climate effect belongs to (climate.theme).
package styring.rules.strategy.cli_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/climate/theme",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket har en klimaeffekt på %v tonn CO2e per år, men climate.theme er ikke fylt ut:",
				"velg tema i Klimastrategi 2030 (mobilitet, bygg eller ressursbruk).",
			]),
			[result.decimal_nb(tiltak.climate_effect)],
		),
		sprintf(
			concat(" ", [
				"The initiative has a climate effect of %v tonnes CO2e a year, but climate.theme is not filled in:",
				"choose a Klimastrategi 2030 theme (mobilitet, bygg or ressursbruk).",
			]),
			[tiltak.climate_effect],
		),
	),
}) if {
	tiltak.climate_effect != 0
	object.get(tiltak.doc, ["climate", "theme"], "") == ""
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
