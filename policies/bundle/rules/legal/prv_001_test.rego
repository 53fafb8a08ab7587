package styring.rules.legal.prv_001_test

import data.styring.rules.legal.prv_001
import data.styring.test.fixtures

brief_prv_001 := {{"rule_id": "PRV-001", "severity": "error", "path": "/personal_data/legal_basis"}}

test_fail_legal_basis_missing if {
	doc := json.remove(fixtures.digital, ["personal_data/legal_basis"])
	vs := prv_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_prv_001
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket behandler personopplysninger (personal_data.processes),",
			"men behandlingsgrunnlaget etter GDPR art. 6 (1) er ikke oppgitt (personal_data.legal_basis).",
		]),
		"en": concat(" ", [
			"The initiative processes personal data (personal_data.processes),",
			"but its legal basis under GDPR art. 6 (1) is not given (personal_data.legal_basis).",
		]),
	}}
}

test_fail_legal_basis_empty_string if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/personal_data/legal_basis", "value": ""}])
	fixtures.brief(prv_001.violation) == brief_prv_001 with input as fixtures.input_for(doc)
}

test_success_legal_basis_given if {
	count(prv_001.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}

test_success_no_processing if {
	doc := json.patch(fixtures.digital, [
		{"op": "replace", "path": "/personal_data/processes", "value": false},
		{"op": "remove", "path": "/personal_data/legal_basis"},
	])
	count(prv_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_processes_missing if {
	doc := json.remove(fixtures.digital, ["personal_data/processes", "personal_data/legal_basis"])
	count(prv_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_personal_data if {
	count(prv_001.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
