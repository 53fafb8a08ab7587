# METADATA
# title: Høy restrisiko uten forhåndsdrøfting med Datatilsynet
# description: |
#   When an initiative that processes personal data (personal_data.processes) has a
#   high residual risk after the DPIA (residual_risk_high true), Datatilsynet must be
#   consulted before the processing starts (prior_consultation true).
# scope: package
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: Personvernforordningen (GDPR) art. 36
#   - ref: https://lovdata.no/lov/2018-06-15-38
#     description: Personopplysningsloven
# custom:
#   id: PRV-005
#   severity: error
#   category: legal
#   reference: GDPR art. 36 (forhåndsdrøfting)
#   waivable: false
#   title_en: High residual risk without prior consultation of Datatilsynet
#   remedy:
#     nb: Gjennomfør forhåndsdrøfting med Datatilsynet før behandlingen starter, og sett
#       personal_data.prior_consultation = true, eller reduser risikoen og vurder den på nytt.
#     en: Consult Datatilsynet before the processing starts and set personal_data.prior_consultation = true, or reduce
#       the risk and assess it again.
package styring.rules.legal.prv_005

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/personal_data/prior_consultation",
	"message": result.msg(
		concat(" ", [
			"Restrisikoen ved behandlingen av personopplysninger er høy (personal_data.residual_risk_high),",
			"men forhåndsdrøfting med Datatilsynet er ikke gjennomført: personal_data.prior_consultation er ikke true.",
		]),
		concat(" ", [
			"The residual risk of the processing of personal data is high (personal_data.residual_risk_high),",
			"but Datatilsynet has not been consulted: personal_data.prior_consultation is not true.",
		]),
	),
}) if {
	tiltak.doc.personal_data.processes == true
	tiltak.doc.personal_data.residual_risk_high == true
	not tiltak.doc.personal_data.prior_consultation == true
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
