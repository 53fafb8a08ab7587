# METADATA
# title: Budsjettlinjen ligger utenfor økonomiplanperioden
# description: |
#   Every budget_effects line must fall in a year of the plan period P
#   (plan_period.start_year … end_year, or parameters.plan.plan_years when plan_period
#   is missing or runs backwards). One violation per line outside P.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-4
#     description: Kommuneloven § 14-4
# custom:
#   id: DAT-004
#   severity: error
#   category: data
#   reference: Kommuneloven § 14-4
#   waivable: false
#   title_en: The budget line is outside the plan period
#   remedy:
#     nb: Flytt budsjettlinjen til et år i økonomiplanperioden, eller utvid perioden (plan_period) slik at den dekker
#       året.
#     en: Move the budget line to a year in the plan period, or extend the period (plan_period) so that it covers the
#       year.
package styring.rules.data.dat_004

import data.styring.lib.budget
import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/budget_effects/%d/year", [i]),
	"message": result.msg(
		sprintf(
			"Budsjettlinje nr. %d gjelder %d (%s, %d kNOK), som ligger utenfor økonomiplanperioden %s.",
			[i + 1, l.year, l.account, l.amount_knok, tiltak.period],
		),
		sprintf(
			"Budget line no. %d is for %d (%s, %d kNOK), which is outside the plan period %s.",
			[i + 1, l.year, l.account, l.amount_knok, tiltak.period],
		),
	),
}) if {
	some y in budget.outside_years
	ls := tiltak.budget_effects
	some i
	ls[i].year == y
	l := ls[i]
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
