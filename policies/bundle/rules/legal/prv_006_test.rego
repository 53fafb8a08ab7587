package styring.rules.legal.prv_006_test

import data.styring.rules.legal.prv_006
import data.styring.test.fixtures

# unsigned: the digital example (status vedtatt) without a signed data processing agreement.
unsigned := json.patch(fixtures.digital, [{"op": "replace", "path": "/personal_data/dpa_signed", "value": false}])

with_status(doc, s) := json.patch(doc, [{"op": "replace", "path": "/status", "value": s}])

brief_at(sev) := {{"rule_id": "PRV-006", "severity": sev, "path": "/personal_data/dpa_signed"}}

test_fail_warning_when_adopted if {
	vs := prv_006.violation with input as fixtures.input_for(unsigned)
	fixtures.brief(vs) == brief_at("warning")
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket bruker databehandler (personal_data.processor_used), men databehandleravtale er ikke signert:",
			"personal_data.dpa_signed er ikke true. Status er «vedtatt»; avtalen må være på plass før status «i_gjennomforing».",
		]),
		"en": concat(" ", [
			"The initiative uses a data processor (personal_data.processor_used), but no data processing agreement is signed:",
			"personal_data.dpa_signed is not true. The status is «vedtatt»;",
			"the agreement must be in place before status «i_gjennomforing».",
		]),
	}}
}

test_fail_error_when_in_operation if {
	vs := prv_006.violation with input as fixtures.input_for(with_status(unsigned, "i_gjennomforing"))
	fixtures.brief(vs) == brief_at("error")
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket bruker databehandler (personal_data.processor_used), men databehandleravtale er ikke signert:",
			"personal_data.dpa_signed er ikke true. Status er «i_gjennomforing»;",
			"avtalen må være på plass før behandlingen fortsetter.",
		]),
		"en": concat(" ", [
			"The initiative uses a data processor (personal_data.processor_used), but no data processing agreement is signed:",
			"personal_data.dpa_signed is not true. The status is «i_gjennomforing»;",
			"the agreement must be in place before processing continues.",
		]),
	}}
}

test_fail_error_for_later_statuses if {
	every s in ["gjennomfort", "evaluert"] {
		fixtures.brief(prv_006.violation) == brief_at("error") with input as fixtures.input_for(with_status(unsigned, s))
	}
}

test_fail_warning_for_earlier_statuses if {
	every s in ["forslag", "utredning"] {
		fixtures.brief(prv_006.violation) == brief_at("warning") with input as fixtures.input_for(with_status(unsigned, s))
	}
}

test_fail_warning_when_status_missing if {
	doc := json.remove(unsigned, ["status"])
	vs := prv_006.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_at("warning")
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket bruker databehandler (personal_data.processor_used), men databehandleravtale er ikke signert:",
			"personal_data.dpa_signed er ikke true. Status er «forslag»; avtalen må være på plass før status «i_gjennomforing».",
		]),
		"en": concat(" ", [
			"The initiative uses a data processor (personal_data.processor_used), but no data processing agreement is signed:",
			"personal_data.dpa_signed is not true. The status is «forslag»;",
			"the agreement must be in place before status «i_gjennomforing».",
		]),
	}}
}

test_fail_warning_when_avvist if {
	vs := prv_006.violation with input as fixtures.input_for(with_status(unsigned, "avvist"))
	fixtures.brief(vs) == brief_at("warning")
}

test_fail_dpa_signed_missing if {
	doc := json.remove(fixtures.digital, ["personal_data/dpa_signed"])
	fixtures.brief(prv_006.violation) == brief_at("warning") with input as fixtures.input_for(doc)
}

test_success_dpa_signed if {
	count(prv_006.violation) == 0 with input as fixtures.input_for(with_status(fixtures.digital, "i_gjennomforing"))
}

test_success_no_processor if {
	doc := json.patch(unsigned, [{"op": "replace", "path": "/personal_data/processor_used", "value": false}])
	count(prv_006.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_processing if {
	doc := json.patch(unsigned, [{"op": "replace", "path": "/personal_data/processes", "value": false}])
	count(prv_006.violation) == 0 with input as fixtures.input_for(doc)
}
