package styring.rules.governance.gov_003_test

import data.styring.rules.governance.gov_003
import data.styring.test.fixtures

test_fail_description_missing if {
	doc := json.remove(fixtures.omstilling, ["description"])
	vs := gov_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "GOV-003", "severity": "error", "path": "/description"}}
	fixtures.messages(vs) == {{
		"nb": "Tiltaket mangler beskrivelse: description er ikke fylt ut.",
		"en": "The initiative has no description: description is not filled in.",
	}}
}

test_fail_description_empty_string if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/description", "value": ""}])
	vs := gov_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "GOV-003", "severity": "error", "path": "/description"}}
	fixtures.messages(vs) == {{
		"nb": "Tiltaket mangler beskrivelse: description er tom.",
		"en": "The initiative has no description: description is empty.",
	}}
}

test_success_description_set if {
	count(gov_003.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
