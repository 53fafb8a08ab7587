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
#     nb: Finansier varige driftsutgifter med varige midler (omprioritering, innsparing eller økt inntekt), eller marker
#       utgiften som engangs (one_off) hvis den bare gjelder dette året.
#     en: Finance permanent operating costs with permanent means (reprioritisation, savings or increased income), or
#       mark the cost as one-off (one_off) if it applies to this year only.
package styring.rules.budget.bud_005

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/financing/%d", [i]),
	"message": _message(f, sum(costs)),
}) if {
	fs := tiltak.financing_entries
	some i
	fs[i].source in {"disposisjonsfond", "bufferfond", "salgsinntekt"} # one-time money
	f := fs[i]
	object.get(f, "account", "drift") == "drift"
	y := f.year
	y in tiltak.plan_year_set

	# The permanent (one_off false, the default) drift lines with amount > 0 in year y.
	costs := [l.amount_knok |
		ls := tiltak.budget_effects
		ls[j].year == y
		l := ls[j]
		l.account == "drift"
		object.get(l, "one_off", false) == false
		l.amount_knok > 0
	]
	count(costs) > 0
}

# _message names the year, the amount and source of the one-time money and the permanent costs.
_message(f, cost) := result.msg(
	sprintf(
		concat(" ", [
			"I %d finansieres %d kNOK fra %s, som er engangsmidler,",
			"mens tiltaket har varige driftsutgifter på %d kNOK samme år.",
		]),
		[f.year, f.amount_knok, f.source, cost],
	),
	sprintf(
		concat(" ", [
			"In %d, %d kNOK is financed from %s, which is one-time money,",
			"while the initiative has permanent operating costs of %d kNOK the same year.",
		]),
		[f.year, f.amount_knok, f.source, cost],
	),
)

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
