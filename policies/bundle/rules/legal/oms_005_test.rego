package styring.rules.legal.oms_005_test

import data.styring.rules.legal.oms_005
import data.styring.test.fixtures

test_fail_omstilling_without_legal_requirements if {
	doc := json.remove(fixtures.omstilling, ["legal_requirements"])
	vs := oms_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "OMS-005", "severity": "warning", "path": "/legal_requirements"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltak av typen «omstilling» endrer tjenester, men legal_requirements er ikke fylt ut:",
			"list opp lovkravene tiltaket må ligge innenfor.",
		]),
		"en": concat(" ", [
			"An initiative of type «omstilling» changes services, but legal_requirements is not filled in:",
			"list the legal requirements the initiative must stay within.",
		]),
	}}
	{v.waivable | some v in vs} == {false}
}

test_fail_empty_list if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/legal_requirements", "value": []}])
	vs := oms_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "OMS-005", "severity": "warning", "path": "/legal_requirements"}}
}

test_fail_innsparing if {
	doc := json.patch(
		json.remove(fixtures.omstilling, ["legal_requirements"]),
		[{"op": "replace", "path": "/type", "value": "innsparing"}],
	)
	vs := oms_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "OMS-005", "severity": "warning", "path": "/legal_requirements"}}
	some v in vs
	startswith(v.message.nb, "Tiltak av typen «innsparing» endrer tjenester")
}

test_success_legal_requirements_listed if {
	count(oms_005.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_other_types if {
	doc := json.remove(fixtures.effektivisering, ["legal_requirements"])
	count(oms_005.violation) == 0 with input as fixtures.input_for(doc)
	count(oms_005.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}
