# METADATA
# title: Engangseffekt teller ikke mot omstillings- og effektiviseringsmålene
# description: |
#   A budget line in a gain bucket (bucket other than ingen; a missing bucket is
#   ingen) that is one_off (a missing one_off is false) does not count towards the
#   omstilling or efficiency targets, which require lasting gains. One violation
#   per such line.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024, kap. 2
# custom:
#   id: OMS-003
#   severity: warning
#   category: budget
#   reference: HP 2021–2024 kap. 2
#   waivable: true
#   title_en: A one-off effect does not count towards the restructuring and efficiency targets
#   remedy:
#     nb: Før bare varige gevinster i bøttene omstilling og effektivisering; sett bøtten til «ingen» for
#       engangseffekter.
#     en: Enter only lasting gains in the omstilling and effektivisering buckets; set the bucket to «ingen» for one-off
#       effects.
package styring.rules.budget.oms_003

import data.styring.lib.budget
import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/budget_effects/%d/one_off", [i]),
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Budsjettlinjen for %d (budget_effects/%d, %v kNOK) i bøtten «%s» er en",
				"engangseffekt (one_off) og teller ikke mot målene for omstilling og effektivisering.",
			]),
			[l.year, i, l.amount_knok, l.bucket],
		),
		sprintf(
			concat(" ", [
				"The budget line for %d (budget_effects/%d, %v kNOK) in bucket «%s» is a one-off",
				"effect (one_off) and does not count towards the omstilling and efficiency targets.",
			]),
			[l.year, i, l.amount_knok, l.bucket],
		),
	),
}) if {
	# one_off lines in bucket omstilling or effektivisering
	one_off_gains := budget.one_off_lines & budget.gain_lines
	some i in one_off_gains
	l := tiltak.budget_effects[i]
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
