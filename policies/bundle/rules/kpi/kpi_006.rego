# METADATA
# title: Målåret ligger utenfor økonomiplanperioden
# description: |
#   A KPI's target.year should lie in the plan years P, so the target can be followed
#   up in the economic plan. Not checked when target.year is missing (KPI-002 reports it).
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024
# custom:
#   id: KPI-006
#   severity: warning
#   category: kpi
#   reference: HP 2021–2024 kap. 2.3
#   waivable: true
#   title_en: The target year is outside the plan period
#   remedy:
#     nb: Velg et målår innenfor økonomiplanperioden, eller begrunn hvorfor målet ligger utenfor.
#     en: Choose a target year within the plan period, or explain why the target lies outside it.
package styring.rules.kpi.kpi_006

import data.styring.lib.initiative as tiltak
import data.styring.lib.kpi
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/kpis/%d/target/year", [i]),
	"message": result.msg(
		sprintf(
			"Målåret %v (target.year) for styringsparameter nr. %d%s ligger utenfor økonomiplanperioden %d–%d.",
			[year, i + 1, kpi.label(k), _first_year, _last_year],
		),
		sprintf(
			"The target year %v (target.year) of KPI no. %d%s is outside the plan period %d–%d.",
			[year, i + 1, kpi.label(k), _first_year, _last_year],
		),
	),
}) if {
	some year in _outside_years
	kpis := tiltak.doc.kpis
	some i
	kpis[i].target.year == year
	k := kpis[i]
}

# _outside_years are the target years of the KPIs that are not plan years: one
# pass over the KPIs, empty for a valid document.
_outside_years := {y | kpis := tiltak.doc.kpis; y := kpis[_].target.year} - tiltak.plan_year_set

_first_year := min(tiltak.plan_year_set)

_last_year := max(tiltak.plan_year_set)

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
