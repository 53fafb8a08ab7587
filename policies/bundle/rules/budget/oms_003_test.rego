package styring.rules.budget.oms_003_test

import data.styring.rules.budget.oms_003
import data.styring.test.fixtures

test_fail_one_off_gain if {
	doc := json.patch(fixtures.omstilling, [{"op": "add", "path": "/budget_effects/1/one_off", "value": true}])
	vs := oms_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "OMS-003", "severity": "warning", "path": "/budget_effects/1/one_off"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Budsjettlinjen for 2022 (budget_effects/1, -1500 kNOK) i bøtten «omstilling» er en",
			"engangseffekt (one_off) og teller ikke mot målene for omstilling og effektivisering.",
		]),
		"en": concat(" ", [
			"The budget line for 2022 (budget_effects/1, -1500 kNOK) in bucket «omstilling» is a one-off",
			"effect (one_off) and does not count towards the omstilling and efficiency targets.",
		]),
	}}
}

test_fail_one_per_line if {
	doc := json.patch(fixtures.effektivisering, [
		{"op": "add", "path": "/budget_effects/0/one_off", "value": true},
		{"op": "add", "path": "/budget_effects/3/one_off", "value": true},
	])
	fixtures.brief(oms_003.violation) == {
		{"rule_id": "OMS-003", "severity": "warning", "path": "/budget_effects/0/one_off"},
		{"rule_id": "OMS-003", "severity": "warning", "path": "/budget_effects/3/one_off"},
	} with input as fixtures.input_for(doc)
}

test_success_permanent_gains if {
	count(oms_003.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
	doc := json.patch(fixtures.omstilling, [{"op": "add", "path": "/budget_effects/1/one_off", "value": false}])
	count(oms_003.violation) == 0 with input as fixtures.input_for(doc)
}

# digital has a one_off line without bucket (defaults to ingen).
test_success_one_off_without_gain_bucket if {
	count(oms_003.violation) == 0 with input as fixtures.input_for(fixtures.digital)
	doc := json.patch(fixtures.digital, [{"op": "add", "path": "/budget_effects/0/bucket", "value": "ingen"}])
	count(oms_003.violation) == 0 with input as fixtures.input_for(doc)
}
