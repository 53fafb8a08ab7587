# METADATA
# title: Tiltaket mangler styringsparametere
# description: Every initiative needs at least one KPI (styringsparameter) to measure its effect; kpis must be set
#   (present and not empty).
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024
# custom:
#   id: KPI-001
#   severity: error
#   category: kpi
#   reference: HP 2021–2024 kap. 2.3 (styringsparametere)
#   waivable: true
#   title_en: The initiative has no KPIs
#   remedy:
#     nb: Legg inn minst én styringsparameter (kpis) med navn, enhet, utgangsverdi, mål og målinger før, underveis og
#       etter.
#     en: Add at least one KPI (kpis) with name, unit, baseline, target and measurements before, during and after.
package styring.rules.kpi.kpi_001

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/kpis",
	"message": result.msg(
		"Tiltaket har ingen styringsparametere (kpis er ikke fylt ut). Effekten av tiltaket må kunne måles.",
		"The initiative has no KPIs (kpis is not filled in). The effect of the initiative must be measurable.",
	),
}) if {
	count(object.get(tiltak.doc, "kpis", [])) == 0
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
