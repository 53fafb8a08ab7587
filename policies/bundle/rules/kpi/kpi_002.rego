# METADATA
# title: Styringsparameteren er ufullstendig
# description: |
#   Every KPI needs name, unit, baseline.value, baseline.date, target.value and
#   target.year, each set (a number 0 is set, an empty string is not). One violation per
#   KPI, whose message lists the missing fields in that order.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024
# custom:
#   id: KPI-002
#   severity: error
#   category: kpi
#   reference: HP 2021–2024 kap. 2.3
#   waivable: true
#   title_en: The KPI is incomplete
#   remedy:
#     nb: Fyll ut navn, enhet, utgangsverdi med dato og målverdi med målår for styringsparameteren.
#     en: Fill in the KPI's name, unit, baseline value and date, and target value and year.
package styring.rules.kpi.kpi_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.kpi
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/kpis/%d", [i]),
	"message": result.msg(
		sprintf("Styringsparameter nr. %d%s mangler %s.", [i + 1, kpi.label(k), kpi.join(missing, "og")]),
		sprintf("KPI no. %d%s lacks %s.", [i + 1, kpi.label(k), kpi.join(missing, "and")]),
	),
}) if {
	not _complete
	some i, k in tiltak.doc.kpis
	missing := [concat(".", f) |
		some f in _required
		not tiltak.filled(object.get(k, f, null))
	]
	count(missing) > 0
}

# _complete holds when every KPI has every required field. Each field is
# collected in one pass over the KPIs (a KPI without it adds nothing), which is
# far cheaper than testing each field of each KPI: a valid document has as many
# values of each field as it has KPIs. The schema makes the fields strings, dates
# and numbers, so a present field is set unless it is an empty name or unit.
_complete if {
	kpis := tiltak.doc.kpis
	n := count(kpis)
	kpi_names := [x | x := kpis[_].name]
	count(kpi_names) == n
	not "" in kpi_names
	kpi_units := [x | x := kpis[_].unit]
	count(kpi_units) == n
	not "" in kpi_units
	count([x | x := kpis[_].baseline.value]) == n
	count([x | x := kpis[_].baseline.date]) == n
	count([x | x := kpis[_].target.value]) == n
	count([x | x := kpis[_].target.year]) == n
}

_required := [
	["name"],
	["unit"],
	["baseline", "value"],
	["baseline", "date"],
	["target", "value"],
	["target", "year"],
]

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
