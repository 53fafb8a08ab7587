# METADATA
# title: Omstillingsnivået er under målet på 100–150 mill. kr i året
# description: |
#   For each year, the omstilling level L(y) (minus the sum of permanent drift lines
#   with bucket omstilling across the portfolio) must reach the cumulative required
#   level (omstilling.required_cumulative_knok). Above the upper level
#   (upper_cumulative_knok) the rule gives info instead: check that the plan is realistic.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024, kap. 2
# custom:
#   id: POMS-001
#   severity: warning
#   category: budget
#   reference: HP 2021–2024 kap. 2 (100–150 mill. kr årlig)
#   waivable: false
#   title_en: The omstilling level is outside the 100–150 MNOK a year target
#   remedy:
#     nb: Fremm flere varige omstillingstiltak (bucket omstilling), eller – over øvre nivå – kontroller at gevinstene er
#       realistiske.
#     en: Propose more lasting restructuring initiatives (bucket omstilling), or – above the upper level – check that
#       the gains are realistic.
package styring.portfolio.rules.poms_001

import data.styring.lib.result
import data.styring.portfolio.figures as f

violation contains result.fail(_meta, {
	"year": y,
	"value": level,
	"limit": required,
	"message": result.msg(
		sprintf(
			"Omstillingsnivået i %d er %v kNOK, under kravet på %v kNOK (kumulativt); det mangler %v kNOK i varige gevinster.",
			[y, level, required, required - level],
		),
		sprintf(
			concat(" ", [
				"The omstilling level in %d is %v kNOK, below the required %v kNOK (cumulative);",
				"%v kNOK of lasting gains are missing.",
			]),
			[y, level, required, required - level],
		),
	),
}) if {
	some y in f.years
	required := f.params.omstilling.required_cumulative_knok[sprintf("%d", [y])]
	level := f.omstilling_level[y]
	level < required
}

violation contains result.fail(_meta, {
	"severity": "info",
	"year": y,
	"value": level,
	"limit": upper_level,
	"message": result.msg(
		sprintf(
			"Omstillingsnivået i %d er %v kNOK, over øvre nivå på %v kNOK: kontroller at gevinstene er realistiske.",
			[y, level, upper_level],
		),
		sprintf(
			"The omstilling level in %d is %v kNOK, above the upper level of %v kNOK: check that the gains are realistic.",
			[y, level, upper_level],
		),
	),
}) if {
	some y in f.years
	upper_level := f.params.omstilling.upper_cumulative_knok[sprintf("%d", [y])]
	level := f.omstilling_level[y]
	level > upper_level
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
