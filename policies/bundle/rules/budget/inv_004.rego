# METADATA
# title: Investeringsutgiftene er ikke finansiert i balanse
# description: |
#   For type investering, the investment financing of each year y in P with investering
#   lines (financing with account investering, all sources, loans included) must equal
#   the sum of that year's investering lines, within a tolerance of 1 kNOK (for
#   rounding): a difference of more than 1 kNOK either way is a violation, one per
#   year. The tolerance is read from economy.investment_balance_tolerance_knok when
#   that parameter exists, else 1 kNOK as the catalog says.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-4
#     description: Kommuneloven § 14-4
#   - ref: https://lovdata.no/forskrift/2019-06-07-714
#     description: Budsjett- og regnskapsforskriften (FOR-2019-06-07-714)
# custom:
#   id: INV-004
#   severity: error
#   category: budget
#   reference: Kommuneloven § 14-4 (balanse); budsjett- og regnskapsforskriften
#   waivable: true
#   title_en: The investment costs are not financed in balance
#   remedy:
#     nb: Juster investeringsfinansieringen (financing med konto investering) for året slik at den er lik
#       investeringsutgiftene i budget_effects.
#     en: Adjust the investment financing (financing with account investering) for the year so that it equals the
#       investment costs in budget_effects.
package styring.rules.budget.inv_004

import data.styring.lib.budget
import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/financing",
	"year": y,
	"message": _message(y, cost, funded),
}) if {
	tiltak.doc.type == "investering"
	years := budget.investering_years & tiltak.plan_year_set
	some y in years
	cost := sum([a | ls := tiltak.budget_effects; ls[i].account == "investering"; ls[i].year == y; a := ls[i].amount_knok])
	funded := sum([a |
		fs := tiltak.financing_entries
		fs[i].account == "investering"
		fs[i].year == y
		a := fs[i].amount_knok
	])
	abs(funded - cost) > _tolerance
}

# _message names the year, the investment costs, the financing and the difference.
_message(y, cost, funded) := result.msg(
	sprintf(
		concat(" ", [
			"I %d er investeringsutgiftene %d kNOK, men investeringsfinansieringen er %d kNOK:",
			"%d kNOK %s (tillatt avvik er %s kNOK).",
		]),
		[y, cost, funded, abs(funded - cost), _gap_nb(funded, cost), result.decimal_nb(_tolerance)],
	),
	sprintf(
		concat(" ", [
			"In %d the investment costs are %d kNOK, but the investment financing is %d kNOK:",
			"%d kNOK %s (allowed difference %v kNOK).",
		]),
		[y, cost, funded, abs(funded - cost), _gap_en(funded, cost), _tolerance],
	),
)

_tolerance := object.get(tiltak.params, ["economy", "investment_balance_tolerance_knok"], 1)

_gap_nb(funded, cost) := "for lite" if funded < cost

_gap_nb(funded, cost) := "for mye" if funded > cost

_gap_en(funded, cost) := "too little" if funded < cost

_gap_en(funded, cost) := "too much" if funded > cost

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
