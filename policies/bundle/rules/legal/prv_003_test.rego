package styring.rules.legal.prv_003_test

import data.styring.rules.legal.prv_003
import data.styring.test.fixtures

brief_prv_003 := {{"rule_id": "PRV-003", "severity": "warning", "path": "/personal_data/dpia_status"}}

# proposal: the digital example as a proposal with two indicators and no DPIA status.
proposal := json.patch(fixtures.digital, [
	{"op": "replace", "path": "/status", "value": "forslag"},
	{"op": "remove", "path": "/personal_data/dpia_status"},
])

with_status(doc, s) := json.patch(doc, [{"op": "replace", "path": "/status", "value": s}])

with_dpia(doc, s) := json.patch(doc, [{"op": "add", "path": "/personal_data/dpia_status", "value": s}])

test_fail_dpia_missing_for_proposal if {
	vs := prv_003.violation with input as fixtures.input_for(proposal)
	fixtures.brief(vs) == brief_prv_003
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket behandler personopplysninger med 2 indikatorer for høy risiko (special_categories, large_scale;",
			"grensen for DPIA er 2) og har status «forslag», men personal_data.dpia_status mangler.",
			"Start vurderingen av personvernkonsekvenser (DPIA) nå; den må være godkjent før status «vedtatt».",
		]),
		"en": concat(" ", [
			"The initiative processes personal data with 2 high-risk indicators (special_categories, large_scale;",
			"the DPIA limit is 2) and has status «forslag», but personal_data.dpia_status is missing.",
			"Start the data protection impact assessment (DPIA) now; it must be approved before status «vedtatt».",
		]),
	}}
}

test_fail_dpia_not_started_under_study if {
	doc := with_status(with_dpia(proposal, "ikke_startet"), "utredning")
	vs := prv_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_prv_003
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket behandler personopplysninger med 2 indikatorer for høy risiko (special_categories, large_scale;",
			"grensen for DPIA er 2) og har status «utredning», men personal_data.dpia_status er «ikke_startet».",
			"Start vurderingen av personvernkonsekvenser (DPIA) nå; den må være godkjent før status «vedtatt».",
		]),
		"en": concat(" ", [
			"The initiative processes personal data with 2 high-risk indicators (special_categories, large_scale;",
			"the DPIA limit is 2) and has status «utredning», but personal_data.dpia_status is «ikke_startet».",
			"Start the data protection impact assessment (DPIA) now; it must be approved before status «vedtatt».",
		]),
	}}
}

test_fail_status_missing_counts_as_forslag if {
	doc := json.remove(proposal, ["status"])
	fixtures.brief(prv_003.violation) == brief_prv_003 with input as fixtures.input_for(doc)
}

test_success_dpia_started if {
	every s in ["pagaende", "godkjent"] {
		count(prv_003.violation) == 0 with input as fixtures.input_for(with_dpia(proposal, s))
	}
}

test_success_vedtatt_is_prv_002 if {
	count(prv_003.violation) == 0 with input as fixtures.input_for(with_status(proposal, "vedtatt"))
}

test_success_avvist if {
	count(prv_003.violation) == 0 with input as fixtures.input_for(with_status(proposal, "avvist"))
}

test_success_one_indicator if {
	doc := json.remove(proposal, ["personal_data/large_scale"])
	count(prv_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_processing if {
	doc := json.patch(proposal, [{"op": "replace", "path": "/personal_data/processes", "value": false}])
	count(prv_003.violation) == 0 with input as fixtures.input_for(doc)
}
