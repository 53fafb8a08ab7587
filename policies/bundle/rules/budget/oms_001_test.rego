package styring.rules.budget.oms_001_test

import data.styring.rules.budget.oms_001
import data.styring.test.fixtures

no_savings := json.patch(fixtures.omstilling, [
	{"op": "replace", "path": "/budget_effects/1/amount_knok", "value": 0},
	{"op": "replace", "path": "/budget_effects/2/amount_knok", "value": 0},
	{"op": "replace", "path": "/budget_effects/3/amount_knok", "value": 200},
])

test_fail_omstilling_without_saving_year if {
	vs := oms_001.violation with input as fixtures.input_for(no_savings)
	fixtures.brief(vs) == {{"rule_id": "OMS-001", "severity": "error", "path": "/budget_effects"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltak av typen «omstilling» skal gi varig innsparing i drift, men ingen år i økonomiplanperioden",
			"2021–2024 har negativ netto driftseffekt (2021: 0 kNOK, 2022: 0 kNOK, 2023: 0 kNOK, 2024: 200 kNOK).",
		]),
		"en": concat(" ", [
			"An initiative of type «omstilling» must give a lasting operating saving, but no year of the plan period",
			"2021–2024 has a negative net operating effect (2021: 0 kNOK, 2022: 0 kNOK, 2023: 0 kNOK, 2024: 200 kNOK).",
		]),
	}}
}

test_fail_effektivisering_and_innsparing_without_saving if {
	doc := json.patch(no_savings, [{"op": "replace", "path": "/type", "value": "effektivisering"}])
	vs := oms_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "OMS-001", "severity": "error", "path": "/budget_effects"}}
	doc2 := json.patch(no_savings, [{"op": "replace", "path": "/type", "value": "innsparing"}])
	fixtures.brief(oms_001.violation) == {{
		"rule_id": "OMS-001",
		"severity": "error",
		"path": "/budget_effects",
	}} with input as fixtures.input_for(doc2)
}

# A saving and a cost in the same year net to exactly 0, which is not a saving.
test_fail_net_exactly_zero if {
	doc := json.patch(no_savings, [
		{"op": "replace", "path": "/budget_effects/3/amount_knok", "value": -500},
		{"op": "add", "path": "/budget_effects/-", "value": {"year": 2024, "account": "drift", "amount_knok": 500}},
	])
	vs := oms_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "OMS-001", "severity": "error", "path": "/budget_effects"}}
}

# A saving outside P or on the investment account does not count.
test_fail_saving_only_outside_plan_or_on_investment if {
	doc := json.patch(no_savings, [
		{"op": "add", "path": "/budget_effects/-", "value": {"year": 2025, "account": "drift", "amount_knok": -900}},
		{"op": "add", "path": "/budget_effects/-", "value": {"year": 2022, "account": "investering", "amount_knok": -900}},
	])
	vs := oms_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "OMS-001", "severity": "error", "path": "/budget_effects"}}
}

# Without budget_effects and plan_period, P falls back to parameters.plan.plan_years.
test_fail_no_lines_default_plan_years if {
	doc := json.remove(fixtures.omstilling, ["budget_effects", "plan_period"])
	vs := oms_001.violation with input as fixtures.input_for(doc)
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltak av typen «omstilling» skal gi varig innsparing i drift, men ingen år i økonomiplanperioden",
			"2021–2024 har negativ netto driftseffekt (2021: 0 kNOK, 2022: 0 kNOK, 2023: 0 kNOK, 2024: 0 kNOK).",
		]),
		"en": concat(" ", [
			"An initiative of type «omstilling» must give a lasting operating saving, but no year of the plan period",
			"2021–2024 has a negative net operating effect (2021: 0 kNOK, 2022: 0 kNOK, 2023: 0 kNOK, 2024: 0 kNOK).",
		]),
	}}
}

test_success_one_saving_year_is_enough if {
	doc := json.patch(no_savings, [{"op": "replace", "path": "/budget_effects/3/amount_knok", "value": -1}])
	count(oms_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_valid_saving_types if {
	count(oms_001.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
	count(oms_001.violation) == 0 with input as fixtures.input_for(fixtures.effektivisering)
}

test_success_other_types_need_no_saving if {
	count(oms_001.violation) == 0 with input as fixtures.input_for(fixtures.digital)
	count(oms_001.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}
