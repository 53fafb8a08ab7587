package styring.rules.governance.gov_002_test

import data.styring.rules.governance.gov_002
import data.styring.test.fixtures

test_fail_adopted_without_decisions if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/status", "value": "vedtatt"}])
	vs := gov_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "GOV-002", "severity": "error", "path": "/decisions"}}
	fixtures.messages(vs) == {{
		"nb": "Tiltaket har status vedtatt, men ingen vedtak er registrert i decisions.",
		"en": "The initiative has status vedtatt, but no decision is recorded in decisions.",
	}}
}

test_fail_decision_without_case_no if {
	doc := json.remove(fixtures.digital, ["decisions/0/case_no"])
	vs := gov_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "GOV-002", "severity": "error", "path": "/decisions"}}
	fixtures.messages(vs) == {{
		"nb": "Tiltaket har status vedtatt, men det registrerte vedtaket i decisions har ikke saksnummer (case_no).",
		"en": "The initiative has status vedtatt, but the decision recorded in decisions has no case number (case_no).",
	}}
}

test_fail_case_no_empty_string if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/decisions/0/case_no", "value": ""}])
	vs := gov_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "GOV-002", "severity": "error", "path": "/decisions"}}
}

test_fail_several_decisions_none_with_case_no if {
	doc := json.patch(fixtures.digital, [
		{"op": "remove", "path": "/decisions/0/case_no"},
		{"op": "add", "path": "/decisions/-", "value": {"body": "formannskapet", "date": "2022-11-30"}},
		{"op": "replace", "path": "/status", "value": "i_gjennomforing"},
	])
	vs := gov_002.violation with input as fixtures.input_for(doc)
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket har status i_gjennomforing, men ingen av de 2",
			"registrerte vedtakene i decisions har saksnummer (case_no).",
		]),
		"en": concat(" ", [
			"The initiative has status i_gjennomforing, but none of the 2",
			"decisions recorded in decisions has a case number (case_no).",
		]),
	}}
}

test_fail_evaluated_without_decisions if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/status", "value": "evaluert"}])
	vs := gov_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "GOV-002", "severity": "error", "path": "/decisions"}}
}

test_success_one_of_several_decisions_has_case_no if {
	doc := json.patch(
		fixtures.digital,
		[{"op": "add", "path": "/decisions/0", "value": {"body": "hovedutvalg", "date": "2022-11-01"}}],
	)
	count(gov_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_adopted_with_case_no if {
	count(gov_002.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}

test_success_below_vedtatt_without_decisions if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/status", "value": "utredning"}])
	count(gov_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_missing_status_counts_as_forslag if {
	doc := json.remove(fixtures.omstilling, ["status"])
	count(gov_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_rejected_without_decisions if {
	doc := json.patch(fixtures.digital, [
		{"op": "replace", "path": "/status", "value": "avvist"},
		{"op": "remove", "path": "/decisions"},
	])
	count(gov_002.violation) == 0 with input as fixtures.input_for(doc)
}
