# METADATA
# title: Investeringen mangler driftskonsekvenser
# description: |
#   The financial plan must show the operating consequences of an investment. For type
#   investering, investment.completion_year must be set (path
#   /investment/completion_year); once it is, every year y in P with y ≥
#   completion_year needs an investment.opex_consequences entry (amount 0 is fine),
#   one violation per missing year (path /investment/opex_consequences). A completion
#   year after P requires no entry.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-4
#     description: Kommuneloven § 14-4
# custom:
#   id: INV-003
#   severity: error
#   category: budget
#   reference: Kommuneloven § 14-4 (driftskonsekvenser i økonomiplanen)
#   waivable: true
#   title_en: The investment has no operating consequences
#   remedy:
#     nb: Oppgi ferdigstillelsesår (investment.completion_year) og driftskonsekvensene (investment.opex_consequences)
#       for hvert økonomiplanår fra og med ferdigstillelsen, med beløp 0 hvis det ikke er noen.
#     en: Give the completion year (investment.completion_year) and the operating consequences
#       (investment.opex_consequences) for every plan year from completion on, with amount 0 if there are none.
package styring.rules.budget.inv_003

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/investment/completion_year",
	"message": result.msg(
		concat(" ", [
			"Investeringen mangler ferdigstillelsesår (investment.completion_year),",
			"så driftskonsekvensene i økonomiplanperioden kan ikke kontrolleres.",
		]),
		concat(" ", [
			"The investment has no completion year (investment.completion_year),",
			"so its operating consequences in the plan period cannot be checked.",
		]),
	),
}) if {
	tiltak.doc.type == "investering"

	# completion_year is a number: not set is missing.
	object.get(tiltak.doc, ["investment", "completion_year"], null) == null
}

violation contains result.fail(_meta, {
	"path": "/investment/opex_consequences",
	"year": y,
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Investeringen ferdigstilles i %d, men driftskonsekvensene for %d mangler i investment.opex_consequences.",
				"Legg inn beløpet for %d, 0 hvis det ikke er noen.",
			]),
			[completion, y, y],
		),
		sprintf(
			concat(" ", [
				"The investment is completed in %d, but the operating consequences for %d are missing",
				"from investment.opex_consequences. Add the amount for %d, 0 if there are none.",
			]),
			[completion, y, y],
		),
	),
}) if {
	tiltak.doc.type == "investering"
	completion := tiltak.doc.investment.completion_year
	some y in tiltak.plan_years
	y >= completion
	not y in _opex_years
}

_opex_years := {y | y := tiltak.doc.investment.opex_consequences[_].year}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
