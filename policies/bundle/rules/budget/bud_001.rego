# METADATA
# title: Økonomiplanperioden er for kort
# description: |
#   The plan period P must span at least parameters.plan.min_years budget years
#   (the økonomiplan covers at least four years). P is plan_period when it is set and
#   runs forwards; a missing or backwards plan_period is GOV-004's or DAT-002's
#   business, and P then falls back to parameters.plan.plan_years.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-4
#     description: Kommuneloven § 14-4
# custom:
#   id: BUD-001
#   severity: error
#   category: budget
#   reference: Kommuneloven § 14-4 (økonomiplanen omfatter minst fire budsjettår)
#   waivable: true
#   title_en: The plan period is too short
#   remedy:
#     nb: Utvid økonomiplanperioden (plan_period) til minst det antall budsjettår loven krever, og legg inn
#       budsjettvirkningene for de nye årene.
#     en: Extend the plan period (plan_period) to at least the number of budget years the law requires, and add the
#       budget effects for the new years.
package styring.rules.budget.bud_001

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/plan_period",
	"message": result.msg(
		sprintf(
			"Økonomiplanperioden %s omfatter %d budsjettår; økonomiplanen skal omfatte minst %d budsjettår.",
			[tiltak.period, n, _min_years],
		),
		sprintf(
			"The plan period %s covers %d budget years; the financial plan must cover at least %d budget years.",
			[tiltak.period, n, _min_years],
		),
	),
}) if {
	n := count(tiltak.plan_years)
	n < _min_years
}

_min_years := tiltak.params.plan.min_years

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
