package styring.rules.strategy.str_003_test

import data.styring.rules.strategy.str_003
import data.styring.test.fixtures

test_fail_kommuneplan_ref_missing if {
	doc := json.remove(fixtures.omstilling, ["kommuneplan_ref"])
	vs := str_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "STR-003", "severity": "warning", "path": "/kommuneplan_ref"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket mangler kommuneplan_ref:",
			"oppgi hvilket mål i kommuneplanens samfunnsdel tiltaket følger opp (plan- og bygningsloven § 11-1).",
		]),
		"en": concat(" ", [
			"The initiative has no kommuneplan_ref:",
			"name the goal of the municipal master plan it follows up (Planning and Building Act section 11-1).",
		]),
	}}
}

test_fail_kommuneplan_ref_empty if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/kommuneplan_ref", "value": ""}])
	vs := str_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "STR-003", "severity": "warning", "path": "/kommuneplan_ref"}}
}

test_success_kommuneplan_ref_set if {
	count(str_003.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
