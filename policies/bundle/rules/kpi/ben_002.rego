# METADATA
# title: Budsjettuttrekket i gevinstplanen stemmer ikke med innsparingen
# description: |
#   For an initiative of a saving type (omstilling, effektivisering, innsparing),
#   the budget withdrawal of the benefits plan for each plan year y in P with a
#   net operating saving (net(y) < 0) must match net(y): the gap |sum of
#   benefits_plan.budget_withdrawal for y − net(y)| may be at most
#   economy.benefit_withdrawal_tolerance_pct of |net(y)| (exactly at the
#   tolerance passes). A year without withdrawal counts as 0; withdrawals for
#   years outside P are not compared. One violation per year.
# scope: package
# related_resources:
#   - ref: https://dfo.no/fagomrader/gevinstrealisering
#     description: DFØ, veileder for gevinstrealisering
# custom:
#   id: BEN-002
#   severity: warning
#   category: kpi
#   reference: DFØ, veileder for gevinstrealisering
#   waivable: true
#   title_en: The budget withdrawal in the benefits plan does not match the saving
#   remedy:
#     nb: Før budsjettuttrekket for året i benefits_plan.budget_withdrawal (negativt beløp) slik at det svarer til netto
#       innsparing i drift.
#     en: Enter the year's budget withdrawal in benefits_plan.budget_withdrawal (a negative amount) so that it matches
#       the net operating saving.
package styring.rules.kpi.ben_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/benefits_plan/budget_withdrawal",
	"year": y,
	"message": _message(y, w, n, gap, limit),
}) if {
	tiltak.is_saving_type
	nets := tiltak.net_by_year
	some y, n in nets
	n < 0
	not _withdrawal_by_year[y] == n # a withdrawal of exactly net(y) has no gap
	y in tiltak.plan_year_set
	w := object.get(_withdrawal_by_year, y, 0)
	gap := abs(w - n)
	gap * 100 > _tolerance_pct * abs(n)
	limit := round((_tolerance_pct * abs(n)) / 10) / 10
}

# _message names the year, the withdrawal, the net saving, the gap and the tolerance.
_message(y, w, n, gap, limit) := result.msg(
	sprintf(
		concat(" ", [
			"For %d er budsjettuttrekket i gevinstplanen %v kNOK, men netto innsparing i drift er %v kNOK:",
			"avviket på %v kNOK er større enn toleransen på %v %% (%v kNOK).",
		]),
		[y, w, n, gap, result.decimal_nb(_tolerance_pct), result.decimal_nb(limit)],
	),
	sprintf(
		concat(" ", [
			"For %d the budget withdrawal in the benefits plan is %v kNOK, but the net operating saving is %v kNOK:",
			"the gap of %v kNOK exceeds the tolerance of %v %% (%v kNOK).",
		]),
		[y, w, n, gap, _tolerance_pct, limit],
	),
)

_tolerance_pct := tiltak.params.economy.benefit_withdrawal_tolerance_pct

_withdrawals := object.get(tiltak.doc, ["benefits_plan", "budget_withdrawal"], [])

# _withdrawal_by_year[y] = the sum of budget withdrawals for year y. When every
# year has one withdrawal (the usual case) that is its amount; else one
# comprehension keyed by year (OPA indexes the inner one by y) sums them.
_withdrawal_by_year := {y: a | ws := _withdrawals; y := ws[j].year; a := ws[j].amount_knok} if {
	count(_withdrawal_years) == count(_withdrawals)
} else := {y: total |
	some y in _withdrawal_years
	total := sum([a | ws := _withdrawals; ws[j].year == y; a := ws[j].amount_knok])
}

_withdrawal_years contains w.year if some w in _withdrawals

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
