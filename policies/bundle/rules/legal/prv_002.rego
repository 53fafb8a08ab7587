# METADATA
# title: Vedtatt tiltak mangler godkjent personvernkonsekvensvurdering (DPIA)
# description: |
#   An initiative that processes personal data (personal_data.processes) with at least
#   privacy.dpia_indicator_count of the high-risk indicators true (special_categories,
#   children, large_scale, systematic_monitoring, new_technology, profiling,
#   location_data) needs a data protection impact assessment. Once its status is at
#   least vedtatt the DPIA must be approved (dpia_status godkjent); a missing
#   dpia_status is not approved. The status avvist is outside the order and never
#   triggers the rule.
# scope: package
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: Personvernforordningen (GDPR) art. 35
#   - ref: https://lovdata.no/lov/2018-06-15-38
#     description: Personopplysningsloven
# custom:
#   id: PRV-002
#   severity: error
#   category: legal
#   reference: GDPR art. 35; Datatilsynets liste
#   waivable: false
#   title_en: An adopted initiative has no approved data protection impact assessment (DPIA)
#   remedy:
#     nb: Fullfør og godkjenn vurderingen av personvernkonsekvenser (DPIA) før tiltaket gjennomføres, og sett
#       personal_data.dpia_status = godkjent.
#     en: Complete and approve the data protection impact assessment (DPIA) before the initiative is carried out, and
#       set personal_data.dpia_status = godkjent.
package styring.rules.legal.prv_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.privacy
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/personal_data/dpia_status",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket behandler personopplysninger med %d indikatorer for høy risiko (%s; grensen for DPIA er %d) og har",
				"status «%s», men %s. Vurderingen av personvernkonsekvenser (DPIA) må være godkjent før gjennomføring.",
			]),
			[count(privacy.indicators), concat(", ", privacy.indicators), privacy.dpia_limit, tiltak.status, _dpia_nb],
		),
		sprintf(
			concat(" ", [
				"The initiative processes personal data with %d high-risk indicators (%s; the DPIA limit is %d) and has",
				"status «%s», but %s. The data protection impact assessment (DPIA) must be approved before it is carried out.",
			]),
			[count(privacy.indicators), concat(", ", privacy.indicators), privacy.dpia_limit, tiltak.status, _dpia_en],
		),
	),
}) if {
	tiltak.doc.personal_data.processes == true
	not tiltak.doc.personal_data.dpia_status == "godkjent"
	tiltak.status_rank[tiltak.status] >= tiltak.status_rank.vedtatt
	count(privacy.indicators) >= privacy.dpia_limit
}

default _dpia_nb := "personal_data.dpia_status mangler"

_dpia_nb := sprintf("personal_data.dpia_status er «%s», ikke «godkjent»", [tiltak.doc.personal_data.dpia_status]) if {
	tiltak.set_at(["personal_data", "dpia_status"])
}

default _dpia_en := "personal_data.dpia_status is missing"

_dpia_en := sprintf("personal_data.dpia_status is «%s», not «godkjent»", [tiltak.doc.personal_data.dpia_status]) if {
	tiltak.set_at(["personal_data", "dpia_status"])
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
