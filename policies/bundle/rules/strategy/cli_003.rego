# METADATA
# title: Tiltaket øker klimagassutslippene uten avbøtende tiltak
# description: |
#   An initiative that increases emissions (climate.effect_tco2e_per_year > 0)
#   should describe how the increase is mitigated (climate.mitigation). The
#   message names the 2030 reduction target of Klimastrategi 2030 in force at D
#   (climate.target_reduction_2030_pct); before the first target the warning is
#   still given, without a target.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024 (klimabudsjett)
# custom:
#   id: CLI-003
#   severity: warning
#   category: strategy
#   reference: Klimastrategi 2030
#   waivable: true
#   title_en: The initiative increases greenhouse-gas emissions without mitigation
#   remedy:
#     nb: Beskriv hvordan utslippsøkningen skal reduseres eller kompenseres (climate.mitigation).
#     en: Describe how the increase in emissions will be reduced or offset (climate.mitigation).
package styring.rules.strategy.cli_003

import data.styring.lib.initiative as tiltak
import data.styring.lib.params
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/climate/mitigation",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket øker klimagassutslippene med %v tonn CO2e per år,",
				"men climate.mitigation er ikke fylt ut: beskriv avbøtende tiltak. %s",
			]),
			[result.decimal_nb(tiltak.climate_effect), _target_nb],
		),
		sprintf(
			concat(" ", [
				"The initiative increases greenhouse-gas emissions by %v tonnes CO2e a year,",
				"but climate.mitigation is not filled in: describe the mitigation. %s",
			]),
			[tiltak.climate_effect, _target_en],
		),
	),
}) if {
	tiltak.climate_effect > 0
	object.get(tiltak.doc, ["climate", "mitigation"], "") == ""
}

_target := params.entry_at(tiltak.params.climate.target_reduction_2030_pct, tiltak.as_of)

_target_nb := sprintf(
	"Klimastrategi 2030 har som mål å redusere utslippene med %v %% innen 2030 (målet gjelder fra %s).",
	[result.decimal_nb(_target.value), _target.from],
) if {
	_target
} else := sprintf("Ingen reduksjonsmål i Klimastrategi 2030 var i kraft %s.", [tiltak.as_of])

_target_en := sprintf(
	"Klimastrategi 2030 aims to cut emissions by %v %% by 2030 (target in force from %s).",
	[_target.value, _target.from],
) if {
	_target
} else := sprintf("No Klimastrategi 2030 reduction target was in force on %s.", [tiltak.as_of])

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
