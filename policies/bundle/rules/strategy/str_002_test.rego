package styring.rules.strategy.str_002_test

import data.styring.rules.strategy.str_002
import data.styring.test.fixtures

test_fail_sdgs_missing if {
	doc := json.remove(fixtures.omstilling, ["sdgs"])
	vs := str_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "STR-002", "severity": "error", "path": "/sdgs"}}
	fixtures.messages(vs) == {{
		"nb": "Tiltaket mangler sdgs: oppgi minst ett av FNs bærekraftsmål (1–17) som tiltaket bidrar til.",
		"en": concat(" ", [
			"The initiative has no sdgs:",
			"give at least one UN Sustainable Development Goal (1–17) the initiative contributes to.",
		]),
	}}
}

test_fail_sdgs_empty if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/sdgs", "value": []}])
	vs := str_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "STR-002", "severity": "error", "path": "/sdgs"}}
}

test_success_sdgs_set if {
	count(str_002.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
