package styring.rules.legal.prv_002_test

import data.styring.rules.legal.prv_002
import data.styring.test.fixtures

brief_prv_002 := {{"rule_id": "PRV-002", "severity": "error", "path": "/personal_data/dpia_status"}}

# pending: testdata/examples/digital-dpia-not-approved.json (status vedtatt, two indicators, DPIA in progress).
pending := json.patch(fixtures.digital, [{"op": "replace", "path": "/personal_data/dpia_status", "value": "pagaende"}])

with_status(doc, s) := json.patch(doc, [{"op": "replace", "path": "/status", "value": s}])

test_fail_dpia_in_progress_when_adopted if {
	vs := prv_002.violation with input as fixtures.input_for(pending)
	fixtures.brief(vs) == brief_prv_002
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket behandler personopplysninger med 2 indikatorer for høy risiko (special_categories, large_scale;",
			"grensen for DPIA er 2) og har status «vedtatt», men personal_data.dpia_status er «pagaende», ikke «godkjent».",
			"Vurderingen av personvernkonsekvenser (DPIA) må være godkjent før gjennomføring.",
		]),
		"en": concat(" ", [
			"The initiative processes personal data with 2 high-risk indicators (special_categories, large_scale;",
			"the DPIA limit is 2) and has status «vedtatt», but personal_data.dpia_status is «pagaende», not «godkjent».",
			"The data protection impact assessment (DPIA) must be approved before it is carried out.",
		]),
	}}
}

test_fail_dpia_missing_three_indicators if {
	doc := json.patch(fixtures.digital, [
		{"op": "remove", "path": "/personal_data/dpia_status"},
		{"op": "add", "path": "/personal_data/children", "value": true},
	])
	vs := prv_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_prv_002
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket behandler personopplysninger med 3 indikatorer for høy risiko (special_categories, children, large_scale;",
			"grensen for DPIA er 2) og har status «vedtatt», men personal_data.dpia_status mangler.",
			"Vurderingen av personvernkonsekvenser (DPIA) må være godkjent før gjennomføring.",
		]),
		"en": concat(" ", [
			"The initiative processes personal data with 3 high-risk indicators (special_categories, children, large_scale;",
			"the DPIA limit is 2) and has status «vedtatt», but personal_data.dpia_status is missing.",
			"The data protection impact assessment (DPIA) must be approved before it is carried out.",
		]),
	}}
}

test_fail_dpia_not_started if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/personal_data/dpia_status", "value": "ikke_startet"}])
	fixtures.brief(prv_002.violation) == brief_prv_002 with input as fixtures.input_for(doc)
}

test_fail_later_statuses if {
	every s in ["i_gjennomforing", "gjennomfort", "evaluert"] {
		fixtures.brief(prv_002.violation) == brief_prv_002 with input as fixtures.input_for(with_status(pending, s))
	}
}

test_success_below_vedtatt if {
	every s in ["forslag", "utredning"] {
		count(prv_002.violation) == 0 with input as fixtures.input_for(with_status(pending, s))
	}
}

test_success_status_missing_counts_as_forslag if {
	doc := json.remove(pending, ["status"])
	count(prv_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_avvist if {
	count(prv_002.violation) == 0 with input as fixtures.input_for(with_status(pending, "avvist"))
}

test_success_one_indicator if {
	doc := json.remove(pending, ["personal_data/large_scale"])
	count(prv_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_false_indicator_does_not_count if {
	doc := json.patch(pending, [{"op": "replace", "path": "/personal_data/large_scale", "value": false}])
	count(prv_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_processing if {
	doc := json.patch(pending, [{"op": "replace", "path": "/personal_data/processes", "value": false}])
	count(prv_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_dpia_approved if {
	count(prv_002.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}
