# METADATA
# title: Tiltaket mangler en styringsparameter for kvalitet
# description: |
#   An initiative of a saving type (omstilling, effektivisering, innsparing) should have
#   at least one KPI of kind kvalitet ("omstilling med kvalitet"), so that the effect on
#   the service can be followed up. Also reported when kpis is missing (with KPI-001).
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024
# custom:
#   id: KPI-008
#   severity: warning
#   category: kpi
#   reference: HP 2021–2024 kap. 2
#   waivable: true
#   title_en: The initiative has no quality KPI
#   remedy:
#     nb: Legg inn minst én styringsparameter med kind kvalitet som viser hvordan tjenestekvaliteten følges opp.
#     en: Add at least one KPI of kind kvalitet that shows how the quality of the service is followed up.
package styring.rules.kpi.kpi_008

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/kpis",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket er av typen %s, men ingen styringsparameter har art kvalitet (kpis[].kind).",
				"Omstilling skal skje med kvalitet, og virkningen på tjenesten må kunne følges opp.",
			]),
			[tiltak.doc.type],
		),
		sprintf(
			concat(" ", [
				"The initiative is of type %s, but no KPI is of kind kvalitet (kpis[].kind).",
				"Restructuring must maintain quality, and the effect on the service must be possible to follow up.",
			]),
			[tiltak.doc.type],
		),
	),
}) if {
	tiltak.is_saving_type
	not _has_quality_kpi
}

_has_quality_kpi if {
	kpis := tiltak.doc.kpis
	kpis[_].kind == "kvalitet"
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
