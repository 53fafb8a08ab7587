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
#     nb: Før gevinsten på konto drift med negativt beløp, eller sett bøtten (bucket) til «ingen» for linjer som ikke er en gevinst.
#     en: Enter the gain on account drift with a negative amount, or set the bucket to «ingen» for lines that are not a gain.
package styring.rules.budget.oms_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

gain_buckets := {"omstilling", "effektivisering"}

violation contains result.fail(rego.metadata.chain(), {
	"path": sprintf("/budget_effects/%d/bucket", [i]),
	"message": result.msg(
		sprintf(
			"Budsjettlinjen for %d (budget_effects/%d, %v kNOK) ligger i bøtten «%s», men %s. En gevinst telles én gang, som en innsparing i drift (negativt beløp).",
			[l.year, i, l.amount_knok, l.bucket, concat(" og ", [x.nb | some x in found])],
		),
		sprintf(
			"The budget line for %d (budget_effects/%d, %v kNOK) is in bucket «%s», but %s. A gain counts once, as an operating saving (negative amount).",
			[l.year, i, l.amount_knok, l.bucket, concat(" and ", [x.en | some x in found])],
		),
	),
}) if {
	some i, l in tiltak.lines
	l.bucket in gain_buckets
	found := issues(l)
	count(found) > 0
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
