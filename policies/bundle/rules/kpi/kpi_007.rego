# METADATA
# title: Tiltaket mangler en økonomisk styringsparameter
# description: |
#   An initiative of a saving type (omstilling, effektivisering, innsparing) must have
#   at least one KPI of kind okonomisk, so that the financial gain can be followed up.
#   Also reported when kpis is missing (together with KPI-001).
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024
# custom:
#   id: KPI-007
#   severity: error
#   category: kpi
#   reference: HP 2021–2024 kap. 2.3
#   waivable: true
#   title_en: The initiative has no financial KPI
#   remedy:
#     nb: Legg inn minst én styringsparameter med kind okonomisk som måler den økonomiske gevinsten.
#     en: Add at least one KPI of kind okonomisk that measures the financial gain.
package styring.rules.kpi.kpi_007

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/kpis",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket er av typen %s, men ingen styringsparameter har art okonomisk (kpis[].kind).",
				"Den økonomiske gevinsten må kunne følges opp.",
			]),
			[tiltak.doc.type],
		),
		sprintf(
			concat(" ", [
				"The initiative is of type %s, but no KPI is of kind okonomisk (kpis[].kind).",
				"The financial gain must be possible to follow up.",
			]),
			[tiltak.doc.type],
		),
	),
}) if {
	tiltak.is_saving_type
	not _has_financial_kpi
}

_has_financial_kpi if {
	kpis := tiltak.doc.kpis
	kpis[_].kind == "okonomisk"
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
