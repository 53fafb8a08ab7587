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

import data.styring.lib.initiative as tiltak
import data.styring.lib.result
import data.styring.rules.budget.bud_004
import data.styring.rules.data.dat_003

violation contains result.fail(meta, {
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
	some i in suspect_lines
	l := tiltak.budget_effects[i]
	found := issues(l)
	count(found) > 0
}

# suspect_lines: the lines in bucket omstilling or effektivisering that are on
# account investering or have an amount >= 0 (looked for only when some line has
# one). The violation's own test decides.
suspect_lines contains i if {
	suspects := dat_003.gain_lines & dat_003.investering_lines
	some i in suspects
}

suspect_lines contains i if {
	max(bud_004.amounts) >= 0
	ls := tiltak.budget_effects
	some i in dat_003.gain_lines
	ls[i].amount_knok >= 0
}

issues(l) := array.concat(account_issue(l), amount_issue(l))

account_issue(l) := [result.msg(
	sprintf("den er ført på konto «%s», ikke «drift»", [l.account]),
	sprintf("it is on account «%s», not «drift»", [l.account]),
)] if {
	l.account != "drift"
} else := []

amount_issue(l) := [result.msg(
	sprintf("beløpet %v kNOK er ikke negativt", [l.amount_knok]),
	sprintf("the amount %v kNOK is not negative", [l.amount_knok]),
)] if {
	l.amount_knok >= 0
} else := []

# meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
meta := rego.metadata.chain()
