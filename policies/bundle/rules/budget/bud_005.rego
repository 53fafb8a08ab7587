# METADATA
# title: Varig driftsutgift finansieres med engangsmidler
# description: |
#   To keep its financial capacity over time, the municipality must not finance
#   permanent costs with one-time money. For a year y in P where the initiative has a
#   permanent (one_off false) drift line with amount > 0, every drift financing entry
#   of year y from disposisjonsfond, bufferfond or salgsinntekt is flagged; one
#   violation per such financing entry. Years outside P are left to DAT-004.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-1
#     description: Kommuneloven § 14-1
# custom:
#   id: BUD-005
#   severity: warning
#   category: budget
#   reference: Kommuneloven § 14-1 (økonomisk handleevne over tid)
#   waivable: true
#   title_en: A permanent operating cost is financed with one-time money
#   remedy:
#     nb: Finansier varige driftsutgifter med varige midler (omprioritering, innsparing eller økt inntekt), eller marker utgiften som engangs (one_off) hvis den bare gjelder dette året.
#     en: Finance permanent operating costs with permanent means (reprioritisation, savings or increased income), or mark the cost as one-off (one_off) if it applies to this year only.
package styring.rules.budget.bud_005

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(rego.metadata.chain(), {
	"path": sprintf("/financing/%d", [i]),
	"message": result.msg(
		sprintf(
			"I %d finansieres %d kNOK fra %s, som er engangsmidler, mens tiltaket har varige driftsutgifter på %d kNOK samme år.",
			[f.year, f.amount_knok, f.source, cost],
		),
		sprintf(
			"In %d, %d kNOK is financed from %s, which is one-time money, while the initiative has permanent operating costs of %d kNOK the same year.",
			[f.year, f.amount_knok, f.source, cost],
		),
	),
}) if {
	some i, f in tiltak.financing
	f.account == "drift"
	f.source in one_time_sources
	f.year in tiltak.plan_year_set
	cost := permanent_cost_by_year[f.year]
}

one_time_sources := {"disposisjonsfond", "bufferfond", "salgsinntekt"}

# permanent_cost_by_year[y]: the sum of permanent drift lines with amount > 0 in year y.
permanent_cost_by_year[y] := sum([l.amount_knok | some l in permanent_costs; l.year == y]) if {
	some line in permanent_costs
	y := line.year
}

permanent_costs := [l |
	some l in tiltak.lines
	l.account == "drift"
	l.one_off == false
	l.amount_knok > 0
]
