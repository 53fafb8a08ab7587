# METADATA
# title: Gevinst i omstilling eller effektivisering er ikke ført som innsparing i drift
# description: |
#   A budget line in bucket omstilling or effektivisering must be an operating
#   saving: account drift and a negative amount (an amount of 0 is not a saving).
#   A gain counts once, as a drift saving. One violation per offending line.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024, kap. 2
# custom:
#   id: OMS-002
#   severity: error
#   category: budget
#   reference: HP 2021–2024 kap. 2 (a gain counts once, as a drift saving)
#   waivable: true
#   title_en: A restructuring or efficiency gain is not entered as an operating saving
#   remedy:
#     nb: Før gevinsten på konto drift med negativt beløp, eller sett bøtten (bucket) til «ingen» for linjer som ikke er
#       en gevinst.
#     en: Enter the gain on account drift with a negative amount, or set the bucket to «ingen» for lines that are not a
#       gain.
package styring.rules.budget.oms_002

import data.styring.lib.budget
import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/budget_effects/%d/bucket", [i]),
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Budsjettlinjen for %d (budget_effects/%d, %v kNOK) ligger i bøtten «%s», men %s.",
				"En gevinst telles én gang, som en innsparing i drift (negativt beløp).",
			]),
			[l.year, i, l.amount_knok, l.bucket, concat(" og ", [x.nb | some x in found])],
		),
		sprintf(
			concat(" ", [
				"The budget line for %d (budget_effects/%d, %v kNOK) is in bucket «%s», but %s.",
				"A gain counts once, as an operating saving (negative amount).",
			]),
			[l.year, i, l.amount_knok, l.bucket, concat(" and ", [x.en | some x in found])],
		),
	),
}) if {
	some i in _suspect_lines
	l := tiltak.budget_effects[i]
	found := _issues(l)
	count(found) > 0
}

# _suspect_lines: the lines in bucket omstilling or effektivisering that are on
# account investering or have an amount >= 0 (looked for only when some line has
# one). The violation's own test decides.
_suspect_lines contains i if {
	suspects := budget.gain_lines & budget.investering_lines
	some i in suspects
}

_suspect_lines contains i if {
	max(budget.amounts) >= 0
	ls := tiltak.budget_effects
	some i in budget.gain_lines
	ls[i].amount_knok >= 0
}

_issues(l) := array.concat(_account_issue(l), _amount_issue(l))

_account_issue(l) := [result.msg(
	sprintf("den er ført på konto «%s», ikke «drift»", [l.account]),
	sprintf("it is on account «%s», not «drift»", [l.account]),
)] if {
	l.account != "drift"
} else := []

_amount_issue(l) := [result.msg(
	sprintf("beløpet %v kNOK er ikke negativt", [l.amount_knok]),
	sprintf("the amount %v kNOK is not negative", [l.amount_knok]),
)] if {
	l.amount_knok >= 0
} else := []

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
