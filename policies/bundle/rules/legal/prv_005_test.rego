package styring.rules.legal.prv_005_test

import data.styring.rules.legal.prv_005
import data.styring.test.fixtures

brief_prv_005 := {{"rule_id": "PRV-005", "severity": "error", "path": "/personal_data/prior_consultation"}}

high_risk := json.patch(
	fixtures.digital,
	[{"op": "replace", "path": "/personal_data/residual_risk_high", "value": true}],
)

with_consultation(v) := json.patch(high_risk, [{"op": "add", "path": "/personal_data/prior_consultation", "value": v}])

test_fail_prior_consultation_missing if {
	vs := prv_005.violation with input as fixtures.input_for(high_risk)
	fixtures.brief(vs) == brief_prv_005
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Restrisikoen ved behandlingen av personopplysninger er høy (personal_data.residual_risk_high),",
			"men forhåndsdrøfting med Datatilsynet er ikke gjennomført: personal_data.prior_consultation er ikke true.",
		]),
		"en": concat(" ", [
			"The residual risk of the processing of personal data is high (personal_data.residual_risk_high),",
			"but Datatilsynet has not been consulted: personal_data.prior_consultation is not true.",
		]),
	}}
}

test_fail_prior_consultation_false if {
	fixtures.brief(prv_005.violation) == brief_prv_005 with input as fixtures.input_for(with_consultation(false))
}

test_success_prior_consultation_held if {
	count(prv_005.violation) == 0 with input as fixtures.input_for(with_consultation(true))
}

test_success_residual_risk_not_high if {
	count(prv_005.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}

test_success_no_processing if {
	doc := json.patch(high_risk, [{"op": "replace", "path": "/personal_data/processes", "value": false}])
	count(prv_005.violation) == 0 with input as fixtures.input_for(doc)
}
