# METADATA
# title: Et økonomiplanår mangler driftslinje
# description: |
#   The financial plan must be complete: every year y in the plan period P needs at
#   least one budget_effects line with account drift (amount 0 is fine when the
#   initiative has no operating effect that year). Investment lines do not count.
#   One violation per missing year.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-4
#     description: Kommuneloven § 14-4
# custom:
#   id: BUD-002
#   severity: error
#   category: budget
#   reference: Kommuneloven § 14-4 (fullstendig)
#   waivable: true
#   title_en: A plan year has no operating line
#   remedy:
#     nb: Legg inn en budsjettlinje med konto drift for året, med beløp 0 hvis tiltaket ikke har driftsvirkning det
#       året.
#     en: Add a budget line with account drift for the year, with amount 0 if the initiative has no operating effect
#       that year.
package styring.rules.budget.bud_002

import data.styring.lib.budget
import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/budget_effects",
	"year": y,
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Økonomiplanåret %d (periode %s) mangler driftslinje i budget_effects.",
				"Legg inn en linje med konto drift for %d, med beløp 0 hvis tiltaket ikke har driftsvirkning det året.",
			]),
			[y, tiltak.period, y],
		),
		sprintf(
			concat(" ", [
				"Plan year %d (period %s) has no operating line in budget_effects.",
				"Add a line with account drift for %d, with amount 0 if the initiative has no operating effect that year.",
			]),
			[y, tiltak.period, y],
		),
	),
}) if {
	some y in _missing_years
}

# _missing_years: the plan years without a drift line. Without investering lines
# every line is a drift line, and the line years are the drift years.
_missing_years := tiltak.plan_year_set - budget.line_years if {
	count(budget.investering_lines) == 0
} else := tiltak.plan_year_set - tiltak.drift_years

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
