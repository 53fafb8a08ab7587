package styring.rules.budget.bud_001_test

import data.styring.rules.budget.bud_001
import data.styring.test.fixtures

test_fail_three_year_plan_period if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/plan_period/end_year", "value": 2023}])
	vs := bud_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-001", "severity": "error", "path": "/plan_period"}}
	fixtures.messages(vs) == {{
		"nb": "Økonomiplanperioden 2021–2023 omfatter 3 budsjettår; økonomiplanen skal omfatte minst 4 budsjettår.",
		"en": "The plan period 2021–2023 covers 3 budget years; the financial plan must cover at least 4 budget years.",
	}}
}

test_fail_one_year_plan_period if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/plan_period/end_year", "value": 2021}])
	vs := bud_001.violation with input as fixtures.input_for(doc)
	fixtures.messages(vs) == {{
		"nb": "Økonomiplanperioden 2021–2021 omfatter 1 budsjettår; økonomiplanen skal omfatte minst 4 budsjettår.",
		"en": "The plan period 2021–2021 covers 1 budget years; the financial plan must cover at least 4 budget years.",
	}}
}

test_success_exactly_min_years if {
	count(bud_001.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_more_than_min_years if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/plan_period/end_year", "value": 2027}])
	count(bud_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_missing_plan_period_uses_default_years if {
	doc := json.remove(fixtures.omstilling, ["plan_period"])
	count(bud_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_backwards_plan_period_uses_default_years if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/plan_period/end_year", "value": 2020}])
	count(bud_001.violation) == 0 with input as fixtures.input_for(doc)
}
