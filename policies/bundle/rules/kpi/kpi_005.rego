# METADATA
# title: Målingen er datert i feil fase
# description: |
#   A for (before) measurement must not be dated after start_date (the same day is
#   accepted), and an etter (after) measurement must be dated after end_date. One
#   violation per offending measurement. A phase is not checked when its date of
#   reference (start_date, end_date) is missing; under measurements are not checked.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024
# custom:
#   id: KPI-005
#   severity: error
#   category: kpi
#   reference: HP 2021–2024 kap. 2.3
#   waivable: true
#   title_en: The measurement is dated in the wrong phase
#   remedy:
#     nb: Dater før-målinger senest på startdatoen og etter-målinger etter sluttdatoen, eller rett fasen.
#     en: Date before measurements no later than the start date and after measurements after the end date, or correct
#       the phase.
package styring.rules.kpi.kpi_005

import data.styring.lib.initiative as tiltak
import data.styring.lib.kpi
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/kpis/%d/measurements/%d/date", [i, j]),
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Styringsparameter nr. %d%s: målingen før (fase for) er datert %s, etter oppstart %s (start_date).",
				"Før-målingen må tas før tiltaket starter.",
			]),
			[i + 1, kpi.label(k), m.date, tiltak.doc.start_date],
		),
		sprintf(
			concat(" ", [
				"KPI no. %d%s: the before measurement (phase for) is dated %s, after the start %s (start_date).",
				"The before measurement must be taken before the initiative starts.",
			]),
			[i + 1, kpi.label(k), m.date, tiltak.doc.start_date],
		),
	),
}) if {
	max(_for_dates) > tiltak.doc.start_date
	some i, k in tiltak.doc.kpis
	some j, m in k.measurements
	m.phase == "for"
	m.date > tiltak.doc.start_date
}

violation contains result.fail(_meta, {
	"path": sprintf("/kpis/%d/measurements/%d/date", [i, j]),
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Styringsparameter nr. %d%s: målingen etter (fase etter) er datert %s, ikke etter slutt %s (end_date).",
				"Etter-målingen må tas etter at tiltaket er avsluttet.",
			]),
			[i + 1, kpi.label(k), m.date, tiltak.doc.end_date],
		),
		sprintf(
			concat(" ", [
				"KPI no. %d%s: the after measurement (phase etter) is dated %s, not after the end %s (end_date).",
				"The after measurement must be taken after the initiative has ended.",
			]),
			[i + 1, kpi.label(k), m.date, tiltak.doc.end_date],
		),
	),
}) if {
	min(_etter_dates) <= tiltak.doc.end_date
	some i, k in tiltak.doc.kpis
	some j, m in k.measurements
	m.phase == "etter"
	m.date <= tiltak.doc.end_date
	m.date != ""
}

# _for_dates and _etter_dates are the dates of the for and etter measurements,
# each gathered in one pass over all measurements: a valid document fails the
# rule on comparing the latest for date and the earliest etter date.
_for_dates contains d if {
	kpis := tiltak.doc.kpis
	some i, j
	kpis[i].measurements[j].phase == "for"
	d := kpis[i].measurements[j].date
}

_etter_dates := {d |
	kpis := tiltak.doc.kpis
	kpis[i].measurements[j].phase == "etter"
	d := kpis[i].measurements[j].date
} - {""}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
