# METADATA
# title: Behovet for personvernkonsekvensvurdering (DPIA) er ikke vurdert
# description: |
#   An initiative that processes personal data (personal_data.processes) with exactly
#   one of the high-risk indicators true (special_categories, children, large_scale,
#   systematic_monitoring, new_technology, profiling, location_data) and no
#   dpia_status should assess, and document, whether a DPIA is needed. The catalog
#   says "exactly one", so the rule counts to one, not to dpia_indicator_count − 1.
# scope: package
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: Personvernforordningen (GDPR) art. 35
#   - ref: https://lovdata.no/lov/2018-06-15-38
#     description: Personopplysningsloven
# custom:
#   id: PRV-004
#   severity: warning
#   category: legal
#   reference: GDPR art. 35
#   waivable: false
#   title_en: The need for a data protection impact assessment (DPIA) has not been assessed
#   remedy:
#     nb: Vurder og dokumenter om behandlingen krever en vurdering av personvernkonsekvenser (DPIA), og oppgi
#       personal_data.dpia_status.
#     en: Assess and document whether the processing requires a data protection impact assessment (DPIA), and give
#       personal_data.dpia_status.
package styring.rules.legal.prv_004

import data.styring.lib.initiative as tiltak
import data.styring.lib.privacy
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/personal_data/dpia_status",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket behandler personopplysninger med én indikator for høy risiko (%s;",
				"DPIA er påkrevd fra %d indikatorer), og personal_data.dpia_status mangler.",
				"Vurder og dokumenter om det trengs en vurdering av personvernkonsekvenser (DPIA).",
			]),
			[privacy.indicators[0], privacy.dpia_limit],
		),
		sprintf(
			concat(" ", [
				"The initiative processes personal data with one high-risk indicator (%s;",
				"a DPIA is required from %d indicators), and personal_data.dpia_status is missing.",
				"Assess and document whether a data protection impact assessment (DPIA) is needed.",
			]),
			[privacy.indicators[0], privacy.dpia_limit],
		),
	),
}) if {
	tiltak.doc.personal_data.processes == true
	object.get(tiltak.doc.personal_data, "dpia_status", "") == ""
	count(privacy.indicators) == 1
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
