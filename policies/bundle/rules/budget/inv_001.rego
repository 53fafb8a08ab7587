# METADATA
# title: Investeringen oppfyller ikke kravene til investering
# description: |
#   A cost may be budgeted on the investment account only when the asset has an
#   economic life of at least economy.investment_min_life_years years and an
#   acquisition cost of at least economy.investment_min_cost_knok kNOK (KRS nr. 4).
#   When some budget_effects line has account investering and investment.economic_life_years
#   or investment.acquisition_cost_knok is missing or below its minimum, one violation
#   at /investment lists every shortcoming. The type of the initiative does not matter.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/forskrift/2019-06-07-714
#     description: Budsjett- og regnskapsforskriften (FOR-2019-06-07-714)
# custom:
#   id: INV-001
#   severity: error
#   category: budget
#   reference: Budsjett- og regnskapsforskriften (FOR-2019-06-07-714); KRS nr. 4
#   waivable: true
#   title_en: The investment does not meet the criteria for an investment
#   remedy:
#     nb: Oppgi økonomisk levetid (investment.economic_life_years) og anskaffelseskost
#       (investment.acquisition_cost_knok). Oppfyller eiendelen ikke minstekravene, skal utgiften føres i
#       driftsbudsjettet.
#     en: Give the economic life (investment.economic_life_years) and the acquisition cost
#       (investment.acquisition_cost_knok). If the asset does not meet the minimums, the cost belongs in the operating
#       budget.
package styring.rules.budget.inv_001

import data.styring.lib.budget
import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/investment",
	"message": result.msg(
		sprintf(
			"Tiltaket har budsjettlinjer på investeringskonto, men oppfyller ikke kravene til en investering: %s.",
			[concat("; ", [p.nb | some p in _problems])],
		),
		sprintf(
			"The initiative has budget lines on the investment account, but does not meet the criteria for an investment: %s.",
			[concat("; ", [p.en | some p in _problems])],
		),
	),
}) if {
	count(budget.investering_lines) > 0
	not _meets_criteria
}

_min_life := tiltak.params.economy.investment_min_life_years

_min_cost := tiltak.params.economy.investment_min_cost_knok

_life := object.get(tiltak.doc, ["investment", "economic_life_years"], null)

_cost := object.get(tiltak.doc, ["investment", "acquisition_cost_knok"], null)

# _meets_criteria holds exactly when _problems is empty: null sorts below every
# number, so a missing value fails >= as it fails the minimum.
_meets_criteria if {
	_life >= _min_life
	_cost >= _min_cost
}

# _problems lists the shortcomings in a fixed order: life first, then cost.
_problems := [p | some p in [_life_problem, _cost_problem]; p != null]

default _life_problem := null

_life_problem := result.msg(
	sprintf("økonomisk levetid (investment.economic_life_years) mangler; minstekravet er %d år", [_min_life]),
	sprintf("the economic life (investment.economic_life_years) is missing; the minimum is %d years", [_min_life]),
) if {
	_life == null
}

_life_problem := result.msg(
	sprintf("økonomisk levetid %d år er under minstekravet på %d år", [_life, _min_life]),
	sprintf("the economic life of %d years is below the minimum of %d years", [_life, _min_life]),
) if {
	_life != null
	_life < _min_life
}

default _cost_problem := null

_cost_problem := result.msg(
	sprintf("anskaffelseskost (investment.acquisition_cost_knok) mangler; minstekravet er %d kNOK", [_min_cost]),
	sprintf("the acquisition cost (investment.acquisition_cost_knok) is missing; the minimum is %d kNOK", [_min_cost]),
) if {
	_cost == null
}

_cost_problem := result.msg(
	sprintf("anskaffelseskost %d kNOK er under minstekravet på %d kNOK", [_cost, _min_cost]),
	sprintf("the acquisition cost of %d kNOK is below the minimum of %d kNOK", [_cost, _min_cost]),
) if {
	_cost != null
	_cost < _min_cost
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
