package styring.rules.strategy.oms_006_test

import data.styring.rules.strategy.oms_006
import data.styring.test.fixtures

test_fail_program_ref_missing if {
	doc := json.remove(fixtures.omstilling, ["omstilling_program_ref"])
	vs := oms_006.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "OMS-006", "severity": "warning", "path": "/omstilling_program_ref"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltak av typen «omstilling» mangler omstilling_program_ref:",
			"oppgi hvilket delprogram i Omstilling 2024 (kommunestyret 11.12.2019, sak 145/19) tiltaket hører til.",
		]),
		"en": concat(" ", [
			"An initiative of type «omstilling» has no omstilling_program_ref:",
			"name the Omstilling 2024 sub-programme (municipal council 11.12.2019, case 145/19) it belongs to.",
		]),
	}}
}

test_fail_program_ref_empty if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/omstilling_program_ref", "value": ""}])
	vs := oms_006.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "OMS-006", "severity": "warning", "path": "/omstilling_program_ref"}}
}

test_success_program_ref_given if {
	count(oms_006.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

# effektivisering has no omstilling_program_ref and needs none.
test_success_other_types if {
	count(oms_006.violation) == 0 with input as fixtures.input_for(fixtures.effektivisering)
}
