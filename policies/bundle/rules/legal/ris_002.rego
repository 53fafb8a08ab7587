# METADATA
# title: Risikovurderingen er for gammel
# description: |
#   The risk assessment must be recent: risk.date may be at most
#   economy.risk_assessment_max_age_days days before D (exactly that many days is
#   accepted, one more is not). Days are calendar days, so a span over 29 February
#   counts that day. A missing risk.date is RIS-001's concern; a risk.date after D
#   is not too old.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§25-1
#     description: Kommuneloven § 25-1
# custom:
#   id: RIS-002
#   severity: warning
#   category: legal
#   reference: Kommuneloven § 25-1
#   waivable: false
#   title_en: The risk assessment is out of date
#   remedy:
#     nb: Oppdater risikovurderingen og før inn den nye datoen i risk.date.
#     en: Update the risk assessment and enter its new date in risk.date.
package styring.rules.legal.ris_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/risk/date",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Risikovurderingen (risk.date) er datert %s, %d dager før vurderingsdatoen %s.",
				"Den kan være høyst %d dager gammel (economy.risk_assessment_max_age_days).",
			]),
			[risk_date, age_ns / _ns_per_day, tiltak.as_of, max_age],
		),
		sprintf(
			concat(" ", [
				"The risk assessment (risk.date) is dated %s, %d days before the as-of date %s.",
				"It may be at most %d days old (economy.risk_assessment_max_age_days).",
			]),
			[risk_date, age_ns / _ns_per_day, tiltak.as_of, max_age],
		),
	),
}) if {
	risk_date := tiltak.doc.risk.date
	risk_date != ""
	max_age := tiltak.params.economy.risk_assessment_max_age_days
	age_ns := time.parse_ns("2006-01-02", tiltak.as_of) - time.parse_ns("2006-01-02", risk_date)
	age_ns > max_age * _ns_per_day
}

# _ns_per_day: 24 h × 60 min × 60 s × 10⁹ ns.
_ns_per_day := 86400000000000

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
