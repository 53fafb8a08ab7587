package styring.rules.governance.gov_001_test

import data.styring.rules.governance.gov_001
import data.styring.test.fixtures

test_fail_owner_name_missing if {
	doc := json.remove(fixtures.omstilling, ["owner/name"])
	vs := gov_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "GOV-001", "severity": "error", "path": "/owner"}}
	fixtures.messages(vs) == {{
		"nb": "Tiltaket mangler eier: owner.name er ikke fylt ut.",
		"en": "The initiative has no owner: owner.name is not filled in.",
	}}
}

test_fail_owner_role_empty_string if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/owner/role", "value": ""}])
	vs := gov_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "GOV-001", "severity": "error", "path": "/owner"}}
}

test_fail_owner_missing_names_both_fields if {
	doc := json.remove(fixtures.omstilling, ["owner"])
	vs := gov_001.violation with input as fixtures.input_for(doc)
	fixtures.messages(vs) == {{
		"nb": "Tiltaket mangler eier: owner.name og owner.role er ikke fylt ut.",
		"en": "The initiative has no owner: owner.name and owner.role are not filled in.",
	}}
}

test_success_owner_with_name_and_role if {
	count(gov_001.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
