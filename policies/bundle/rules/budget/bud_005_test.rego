package styring.rules.budget.bud_005_test

import data.styring.rules.budget.bud_005
import data.styring.test.fixtures

test_fail_permanent_cost_from_disposisjonsfond if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/financing/1/source", "value": "disposisjonsfond"}])
	vs := bud_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-005", "severity": "warning", "path": "/financing/1"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"I 2024 finansieres 1800 kNOK fra disposisjonsfond, som er engangsmidler,",
			"mens tiltaket har varige driftsutgifter på 1800 kNOK samme år.",
		]),
		"en": concat(" ", [
			"In 2024, 1800 kNOK is financed from disposisjonsfond, which is one-time money,",
			"while the initiative has permanent operating costs of 1800 kNOK the same year.",
		]),
	}}
}

test_success_one_off_cost_from_disposisjonsfond if {
	# digital finances its one-off 2023 cost from disposisjonsfond.
	count(bud_005.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}

test_fail_one_off_false_given_explicitly if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/budget_effects/0/one_off", "value": false}])
	vs := bud_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-005", "severity": "warning", "path": "/financing/0"}}
}

test_fail_one_per_financing_entry if {
	doc := json.patch(fixtures.digital, [
		{"op": "replace", "path": "/financing/2/source", "value": "bufferfond"},
		{"op": "replace", "path": "/financing/3/source", "value": "salgsinntekt"},
		{"op": "remove", "path": "/financing/3/account"},
		{
			"op": "add",
			"path": "/financing/-",
			"value": {"year": 2026, "account": "drift", "source": "bufferfond", "amount_knok": 100},
		},
	])
	vs := bud_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "BUD-005", "severity": "warning", "path": "/financing/2"},
		{"rule_id": "BUD-005", "severity": "warning", "path": "/financing/3"},
		{"rule_id": "BUD-005", "severity": "warning", "path": "/financing/4"},
	}
	some v in vs
	v.message.nb == concat(" ", [
		"I 2026 finansieres 100 kNOK fra bufferfond, som er engangsmidler,",
		"mens tiltaket har varige driftsutgifter på 1800 kNOK samme år.",
	])
}

test_success_permanent_sources_and_investment_account if {
	doc := json.patch(fixtures.digital, [
		{
			"op": "add",
			"path": "/financing/-",
			"value": {"year": 2024, "account": "investering", "source": "salgsinntekt", "amount_knok": 500},
		},
		{
			"op": "add",
			"path": "/financing/-",
			"value": {"year": 2024, "account": "drift", "source": "tilskudd", "amount_knok": 500},
		},
	])
	count(bud_005.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_positive_permanent_line if {
	# 2021 has a permanent line of 0 kNOK, 2022 one of -1500 kNOK.
	doc := json.patch(fixtures.omstilling, [
		{"op": "add", "path": "/financing", "value": [
			{"year": 2021, "source": "disposisjonsfond", "amount_knok": 100},
			{"year": 2022, "source": "bufferfond", "amount_knok": 100},
		]},
		{"op": "add", "path": "/budget_effects/-", "value": {"year": 2023, "account": "investering", "amount_knok": 200}},
		{"op": "add", "path": "/financing/-", "value": {"year": 2023, "source": "salgsinntekt", "amount_knok": 200}},
	])
	count(bud_005.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_year_outside_plan_period_not_checked if {
	doc := json.patch(fixtures.digital, [
		{
			"op": "add",
			"path": "/budget_effects/-",
			"value": {"year": 2027, "account": "drift", "amount_knok": 1800, "calc_basis": "Lisens og drift"},
		},
		{"op": "add", "path": "/financing/-", "value": {"year": 2027, "source": "disposisjonsfond", "amount_knok": 1800}},
	])
	count(bud_005.violation) == 0 with input as fixtures.input_for(doc)
}
