# METADATA
# title: Utgangsverdien er målt etter oppstart
# description: |
#   A KPI's baseline (the "before" figure) must exist before the initiative starts:
#   baseline.date must not be after start_date (the same day is accepted). Not checked
#   when either date is missing (KPI-002 and GOV-004 report that).
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024
# custom:
#   id: KPI-003
#   severity: error
#   category: kpi
#   reference: HP 2021–2024 kap. 2.3 (måle effekter før, underveis og etter)
#   waivable: true
#   title_en: The baseline is measured after the start
#   remedy:
#     nb: Oppgi en utgangsverdi målt før tiltaket starter (baseline.date senest lik start_date).
#     en: Give a baseline measured before the initiative starts (baseline.date no later than start_date).
package styring.rules.kpi.kpi_003

import data.styring.lib.initiative as tiltak
import data.styring.lib.kpi
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/kpis/%d/baseline/date", [i]),
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Utgangsverdien for styringsparameter nr. %d%s er datert %s, etter oppstart %s (start_date).",
				"Før-tallet må finnes før tiltaket starter.",
			]),
			[i + 1, kpi.label(k), baseline_date, start],
		),
		sprintf(
			concat(" ", [
				"The baseline of KPI no. %d%s is dated %s, after the start %s (start_date).",
				"The before figure must exist before the initiative starts.",
			]),
			[i + 1, kpi.label(k), baseline_date, start],
		),
	),
}) if {
	start := tiltak.doc.start_date
	max(_baseline_dates) > start
	kpis := tiltak.doc.kpis
	some i
	baseline_date := kpis[i].baseline.date
	baseline_date > start
	k := kpis[i]
}

# _baseline_dates are the baseline dates of all KPIs, gathered in one pass: a
# valid document fails the rule on comparing the latest of them with the start.
_baseline_dates contains d if {
	kpis := tiltak.doc.kpis
	d := kpis[_].baseline.date
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
