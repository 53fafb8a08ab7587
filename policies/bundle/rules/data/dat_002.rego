# METADATA
# title: Sluttdato eller sluttår ligger før start
# description: |
#   The initiative's dates must run forwards: end_date may not be before start_date
#   (path /end_date), and plan_period.end_year may not be before start_year (path
#   /plan_period/end_year). Each inconsistency is its own violation. When the plan
#   period runs backwards, the other rules use parameters.plan.plan_years as P; the
#   message says so. A missing date or year is GOV-004's business, not this rule's.
# scope: package
# custom:
#   id: DAT-002
#   severity: error
#   category: data
#   reference: "—"
#   waivable: false
#   title_en: The end date or end year is before the start
#   remedy:
#     nb: Rett start- og sluttdato (start_date, end_date) eller start- og sluttår for økonomiplanperioden (plan_period)
#       slik at slutten ikke ligger før starten.
#     en: Correct the start and end date (start_date, end_date) or the start and end year of the plan period
#       (plan_period) so that the end is not before the start.
package styring.rules.data.dat_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/end_date",
	"message": result.msg(
		sprintf(
			"Sluttdatoen %s (end_date) er før startdatoen %s (start_date).",
			[tiltak.doc.end_date, tiltak.doc.start_date],
		),
		sprintf(
			"The end date %s (end_date) is before the start date %s (start_date).",
			[tiltak.doc.end_date, tiltak.doc.start_date],
		),
	),
}) if {
	tiltak.doc.end_date < tiltak.doc.start_date
}

violation contains result.fail(_meta, {
	"path": "/plan_period/end_year",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Økonomiplanperioden slutter i %d (end_year), før den starter i %d (start_year).",
				"Til dette er rettet, vurderes tiltaket mot standardperioden %s.",
			]),
			[pp.end_year, pp.start_year, tiltak.default_period],
		),
		sprintf(
			concat(" ", [
				"The plan period ends in %d (end_year), before it starts in %d (start_year).",
				"Until this is corrected, the initiative is checked against the default period %s.",
			]),
			[pp.end_year, pp.start_year, tiltak.default_period],
		),
	),
}) if {
	pp := tiltak.doc.plan_period
	pp.end_year < pp.start_year
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
