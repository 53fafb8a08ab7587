package styring.rules.legal.prv_004_test

import data.styring.rules.legal.prv_004
import data.styring.test.fixtures

brief_prv_004 := {{"rule_id": "PRV-004", "severity": "warning", "path": "/personal_data/dpia_status"}}

# one_indicator: the digital example with only children true and no DPIA status.
one_indicator := json.patch(fixtures.digital, [
	{"op": "remove", "path": "/personal_data/special_categories"},
	{"op": "replace", "path": "/personal_data/large_scale", "value": false},
	{"op": "add", "path": "/personal_data/children", "value": true},
	{"op": "remove", "path": "/personal_data/dpia_status"},
])

test_fail_one_indicator_without_dpia_status if {
	vs := prv_004.violation with input as fixtures.input_for(one_indicator)
	fixtures.brief(vs) == brief_prv_004
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket behandler personopplysninger med én indikator for høy risiko (children;",
			"DPIA er påkrevd fra 2 indikatorer), og personal_data.dpia_status mangler.",
			"Vurder og dokumenter om det trengs en vurdering av personvernkonsekvenser (DPIA).",
		]),
		"en": concat(" ", [
			"The initiative processes personal data with one high-risk indicator (children;",
			"a DPIA is required from 2 indicators), and personal_data.dpia_status is missing.",
			"Assess and document whether a data protection impact assessment (DPIA) is needed.",
		]),
	}}
}

test_fail_regardless_of_status if {
	doc := json.patch(one_indicator, [{"op": "replace", "path": "/status", "value": "forslag"}])
	fixtures.brief(prv_004.violation) == brief_prv_004 with input as fixtures.input_for(doc)
}

test_success_dpia_status_given if {
	doc := json.patch(one_indicator, [{"op": "add", "path": "/personal_data/dpia_status", "value": "ikke_startet"}])
	count(prv_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_two_indicators if {
	doc := json.patch(one_indicator, [{"op": "add", "path": "/personal_data/profiling", "value": true}])
	count(prv_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_indicator if {
	doc := json.patch(one_indicator, [{"op": "replace", "path": "/personal_data/children", "value": false}])
	count(prv_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_processing if {
	doc := json.patch(one_indicator, [{"op": "replace", "path": "/personal_data/processes", "value": false}])
	count(prv_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_digital if {
	count(prv_004.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}
