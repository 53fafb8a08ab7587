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
#     nb: Før budsjettuttrekket for året i benefits_plan.budget_withdrawal (negativt beløp) slik at det svarer til netto innsparing i drift.
#     en: Enter the year's budget withdrawal in benefits_plan.budget_withdrawal (a negative amount) so that it matches the net operating saving.
package styring.rules.kpi.ben_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(rego.metadata.chain(), {
	"path": "/benefits_plan/budget_withdrawal",
	"year": y,
	"message": result.msg(
		sprintf(
			"For %d er budsjettuttrekket i gevinstplanen %v kNOK, men netto innsparing i drift er %v kNOK: avviket på %v kNOK er større enn toleransen på %v %% (%v kNOK).",
			[y, w, n, gap, num_nb(tolerance_pct), num_nb(limit)],
		),
		sprintf(
			"For %d the budget withdrawal in the benefits plan is %v kNOK, but the net operating saving is %v kNOK: the gap of %v kNOK exceeds the tolerance of %v %% (%v kNOK).",
			[y, w, n, gap, tolerance_pct, limit],
		),
	),
}) if {
	tiltak.is_saving_type
	some y in tiltak.plan_years
	n := tiltak.net(y)
	n < 0
	w := object.get(withdrawal_by_year, y, 0)
	gap := abs(w - n)
	gap * 100 > tolerance_pct * abs(n)
	limit := round((tolerance_pct * abs(n)) / 10) / 10
}

# num_nb writes a number with a decimal comma, as Norwegian does.
num_nb(x) := replace(sprintf("%v", [x]), ".", ",")

tolerance_pct := tiltak.params.economy.benefit_withdrawal_tolerance_pct

withdrawals := object.get(tiltak.doc, ["benefits_plan", "budget_withdrawal"], [])

# withdrawal_by_year[y] = the sum of budget withdrawals for year y.
withdrawal_by_year[y] := sum([w.amount_knok | some w in withdrawals; w.year == y]) if {
	some entry in withdrawals
	y := entry.year
}
