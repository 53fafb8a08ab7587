# METADATA
# title: Tverrsektorielt tiltak mangler gyldig fordeling mellom sektorene
# description: |
#   A cross-sector initiative (some involved sector is not the lead sector) must
#   split its costs and gains in cross_sector_split: the split covers the lead and
#   every involved sector, and the cost shares and the gain shares each sum to
#   exactly 100 (each share rounded to hundredths, the sum compared as an integer
#   number of hundredths). The test is lib/initiative's valid_split, which the
#   portfolio attribution also uses. An empty split counts as missing; a split
#   entry for a sector that is not involved is not an error.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024, kap. 2.3 (Ett Bærum)
# custom:
#   id: STR-004
#   severity: error
#   category: strategy
#   reference: HP 2021–2024 kap. 2.3 (tverrsektorielle tiltak – Ett Bærum)
#   waivable: true
#   title_en: A cross-sector initiative has no valid split between the sectors
#   remedy:
#     nb: Fyll ut cross_sector_split med én linje for hovedsektoren og hver involvert sektor, slik at kostnadsandelene
#       og gevinstandelene hver for seg summerer til 100 %.
#     en: Fill in cross_sector_split with one entry for the lead sector and each involved sector, so that the cost
#       shares and the gain shares each sum to 100 %.
package styring.rules.strategy.str_004

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/cross_sector_split",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket er tverrsektorielt (hovedsektor %s, involverte sektorer %s),",
				"men fordelingen av kostnader og gevinster (cross_sector_split) er ikke gyldig: %s.",
			]),
			[tiltak.doc.sector, tiltak.other_sectors, concat("; ", [p.nb | some p in _problems])],
		),
		sprintf(
			concat(" ", [
				"The initiative is cross-sector (lead sector %s, involved sectors %s),",
				"but the split of costs and gains (cross_sector_split) is not valid: %s.",
			]),
			[tiltak.doc.sector, tiltak.other_sectors, concat("; ", [p.en | some p in _problems])],
		),
	),
}) if {
	tiltak.is_cross_sector
	not tiltak.valid_split
}

_required := sort(tiltak.split_required_sectors)

_problems := [result.msg(
	sprintf("den mangler og må fordele kostnads- og gevinstandeler på %s", [concat(", ", _required)]),
	sprintf("it is missing and must split the cost and gain shares between %s", [concat(", ", _required)]),
)] if {
	not tiltak.set_at(["cross_sector_split"])
} else := array.concat(array.concat(_missing_problem, _sum_problem("cost")), _sum_problem("gain"))

_missing_sectors := sort(tiltak.split_required_sectors - tiltak.split_sectors)

default _missing_problem := []

_missing_problem := [result.msg(
	sprintf("den har ingen linje for %s", [concat(", ", _missing_sectors)]),
	sprintf("it has no entry for %s", [concat(", ", _missing_sectors)]),
)] if {
	count(_missing_sectors) > 0
}

_share_sum := {"cost": tiltak.split_cost_hundredths, "gain": tiltak.split_gain_hundredths}

_share_nb := {"cost": "kostnadsandelene", "gain": "gevinstandelene"}

_share_en := {"cost": "the cost shares", "gain": "the gain shares"}

_sum_problem(kind) := [result.msg(
	sprintf("%s summerer til %s %% (skal være 100 %%)", [_share_nb[kind], _pct(_share_sum[kind], ",")]),
	sprintf("%s sum to %s %% (must be 100 %%)", [_share_en[kind], _pct(_share_sum[kind], ".")]),
)] if {
	_share_sum[kind] != 10000
} else := []

# _pct formats an integer number of hundredths as a percentage with two decimals.
_pct(h, sep) := sprintf("%d%s%02d", [floor(h / 100), sep, h % 100])

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
