# METADATA
# title: Endringen er ikke drøftet med de tillitsvalgte før beslutning
# description: |
#   When the initiative affects employees (employees.affected), the discussion with the
#   employee representatives (employees.drofting_date) must be dated, and not later than
#   the earliest decisions date. A discussion on the same day as the first decision is
#   accepted ("later than" is strict); decisions without a date are ignored.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2005-06-17-62/§8-1
#     description: Arbeidsmiljøloven § 8-1
# custom:
#   id: HR-001
#   severity: error
#   category: legal
#   reference: Arbeidsmiljøloven § 8-1; Hovedavtalen (KS) del B
#   waivable: false
#   title_en: The change has not been discussed with the employee representatives before the decision
#   remedy:
#     nb: Drøft tiltaket med de tillitsvalgte før første vedtak, og før inn datoen i employees.drofting_date.
#     en: Discuss the initiative with the employee representatives before the first decision and enter the date in
#       employees.drofting_date.
package styring.rules.legal.hr_001

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/employees/drofting_date",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket berører ansatte (employees.affected), men datoen for drøfting",
				"med de tillitsvalgte (employees.drofting_date) er ikke fylt ut%s.",
				"Drøfting skal skje før beslutning (arbeidsmiljøloven § 8-1, Hovedavtalen del B).",
			]),
			[_first_decision_nb],
		),
		sprintf(
			concat(" ", [
				"The initiative affects employees (employees.affected), but the date of the discussion",
				"with the employee representatives (employees.drofting_date) is not filled in%s.",
				"The discussion must take place before the decision (Working Environment Act § 8-1, Basic Agreement part B).",
			]),
			[_first_decision_en],
		),
	),
}) if {
	tiltak.doc.employees.affected == true
	object.get(tiltak.doc.employees, "drofting_date", "") == ""
}

violation contains result.fail(_meta, {
	"path": "/employees/drofting_date",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Drøftingen med de tillitsvalgte (employees.drofting_date) er datert %s, etter det første vedtaket %s.",
				"Drøfting skal skje før beslutning (arbeidsmiljøloven § 8-1, Hovedavtalen del B).",
			]),
			[drofting, _earliest_decision_date],
		),
		sprintf(
			concat(" ", [
				"The discussion with the employee representatives",
				"(employees.drofting_date) is dated %s, after the first decision on %s.",
				"The discussion must take place before the decision (Working Environment Act § 8-1, Basic Agreement part B).",
			]),
			[drofting, _earliest_decision_date],
		),
	),
}) if {
	tiltak.doc.employees.affected == true
	drofting := tiltak.doc.employees.drofting_date

	# An empty drofting_date is not after any date; dated decisions only.
	some d in tiltak.doc.decisions
	drofting > d.date
	d.date != ""
}

_decision_dates contains d.date if {
	some d in object.get(tiltak.doc, "decisions", [])
	tiltak.filled(object.get(d, "date", ""))
}

_earliest_decision_date := min(_decision_dates) if count(_decision_dates) > 0

default _first_decision_nb := ""

_first_decision_nb := sprintf(" (første vedtak er datert %s)", [_earliest_decision_date])

default _first_decision_en := ""

_first_decision_en := sprintf(" (the first decision is dated %s)", [_earliest_decision_date])

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
