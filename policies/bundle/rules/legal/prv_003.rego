# METADATA
# title: Personvernkonsekvensvurdering (DPIA) er ikke startet
# description: |
#   An initiative that processes personal data (personal_data.processes) with at least
#   privacy.dpia_indicator_count of the high-risk indicators true (special_categories,
#   children, large_scale, systematic_monitoring, new_technology, profiling,
#   location_data) and a status below vedtatt (a missing status counts as forslag)
#   should have started its DPIA: dpia_status missing or ikke_startet is a warning, so
#   the DPIA can be approved before the decision (PRV-002). The status avvist is
#   outside the order and never triggers the rule.
# scope: package
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: Personvernforordningen (GDPR) art. 35
#   - ref: https://lovdata.no/lov/2018-06-15-38
#     description: Personopplysningsloven
# custom:
#   id: PRV-003
#   severity: warning
#   category: legal
#   reference: GDPR art. 35
#   waivable: false
#   title_en: The data protection impact assessment (DPIA) has not been started
#   remedy:
#     nb: Start vurderingen av personvernkonsekvenser (DPIA) nå og oppdater personal_data.dpia_status; den må være
#       godkjent før tiltaket vedtas.
#     en: Start the data protection impact assessment (DPIA) now and update personal_data.dpia_status; it must be
#       approved before the initiative is adopted.
package styring.rules.legal.prv_003

import data.styring.lib.initiative as tiltak
import data.styring.lib.privacy
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/personal_data/dpia_status",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket behandler personopplysninger med %d indikatorer for høy risiko (%s;",
				"grensen for DPIA er %d) og har status «%s», men %s.",
				"Start vurderingen av personvernkonsekvenser (DPIA) nå; den må være godkjent før status «vedtatt».",
			]),
			[count(privacy.indicators), concat(", ", privacy.indicators), privacy.dpia_limit, tiltak.status, _dpia_nb],
		),
		sprintf(
			concat(" ", [
				"The initiative processes personal data with %d high-risk indicators (%s;",
				"the DPIA limit is %d) and has status «%s», but %s.",
				"Start the data protection impact assessment (DPIA) now; it must be approved before status «vedtatt».",
			]),
			[count(privacy.indicators), concat(", ", privacy.indicators), privacy.dpia_limit, tiltak.status, _dpia_en],
		),
	),
}) if {
	tiltak.doc.personal_data.processes == true

	# not started: dpia_status missing (or empty) or ikke_startet.
	object.get(tiltak.doc.personal_data, "dpia_status", "") in {"", "ikke_startet"}
	tiltak.status_rank[tiltak.status] < tiltak.status_rank.vedtatt
	count(privacy.indicators) >= privacy.dpia_limit
}

default _dpia_nb := "personal_data.dpia_status mangler"

_dpia_nb := "personal_data.dpia_status er «ikke_startet»" if {
	tiltak.set_at(["personal_data", "dpia_status"])
}

default _dpia_en := "personal_data.dpia_status is missing"

_dpia_en := "personal_data.dpia_status is «ikke_startet»" if {
	tiltak.set_at(["personal_data", "dpia_status"])
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
