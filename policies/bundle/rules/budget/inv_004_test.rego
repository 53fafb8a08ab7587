package styring.rules.budget.inv_004_test

import data.styring.rules.budget.inv_004
import data.styring.test.fixtures

test_fail_investment_underfinanced if {
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/financing/3/amount_knok", "value": 40000}])
	vs := inv_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-004", "severity": "error", "path": "/financing", "year": 2022}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"I 2022 er investeringsutgiftene 90000 kNOK, men investeringsfinansieringen er 85000 kNOK:",
			"5000 kNOK for lite (tillatt avvik er 1 kNOK).",
		]),
		"en": concat(" ", [
			"In 2022 the investment costs are 90000 kNOK, but the investment financing is 85000 kNOK:",
			"5000 kNOK too little (allowed difference 1 kNOK).",
		]),
	}}
}

test_fail_investment_overfinanced_by_two if {
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/financing/3/amount_knok", "value": 45002}])
	vs := inv_004.violation with input as fixtures.input_for(doc)
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"I 2022 er investeringsutgiftene 90000 kNOK, men investeringsfinansieringen er 90002 kNOK:",
			"2 kNOK for mye (tillatt avvik er 1 kNOK).",
		]),
		"en": concat(" ", [
			"In 2022 the investment costs are 90000 kNOK, but the investment financing is 90002 kNOK:",
			"2 kNOK too much (allowed difference 1 kNOK).",
		]),
	}}
}

test_success_difference_of_exactly_one_either_way if {
	over := json.patch(fixtures.investering, [{"op": "replace", "path": "/financing/3/amount_knok", "value": 45001}])
	count(inv_004.violation) == 0 with input as fixtures.input_for(over)
	under := json.patch(fixtures.investering, [{"op": "replace", "path": "/financing/3/amount_knok", "value": 44999}])
	count(inv_004.violation) == 0 with input as fixtures.input_for(under)
}

test_fail_underfinanced_by_two if {
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/financing/3/amount_knok", "value": 44998}])
	vs := inv_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-004", "severity": "error", "path": "/financing", "year": 2022}}
}

test_fail_one_per_year_and_drift_financing_does_not_count if {
	# Without investering financing, only the drift financing of 2023 is left; it does not count.
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/financing", "value": [
		{"year": 2023, "account": "drift", "source": "omprioritering", "amount_knok": 30000},
		{"year": 2022, "source": "egenkapital_drift", "amount_knok": 90000},
	]}])
	fixtures.brief(inv_004.violation) == {
		{"rule_id": "INV-004", "severity": "error", "path": "/financing", "year": 2021},
		{"rule_id": "INV-004", "severity": "error", "path": "/financing", "year": 2022},
		{"rule_id": "INV-004", "severity": "error", "path": "/financing", "year": 2023},
	} with input as fixtures.input_for(doc)
}

test_success_investment_lines_split_over_several_lines if {
	doc := json.patch(fixtures.investering, [
		{"op": "replace", "path": "/budget_effects/1/amount_knok", "value": 60000},
		{
			"op": "add",
			"path": "/budget_effects/-",
			"value": {"year": 2022, "account": "investering", "amount_knok": 30000, "one_off": true, "calc_basis": "Uforutsett"},
		},
	])
	count(inv_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_year_without_investment_lines_not_checked if {
	doc := json.patch(
		fixtures.investering,
		[{
			"op": "add",
			"path": "/financing/-",
			"value": {"year": 2024, "account": "investering", "source": "tilskudd", "amount_knok": 5000},
		}],
	)
	count(inv_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_year_outside_plan_period_not_checked if {
	doc := json.patch(
		fixtures.investering,
		[{
			"op": "add",
			"path": "/budget_effects/-",
			"value": {"year": 2025, "account": "investering", "amount_knok": 5000, "calc_basis": "Sluttoppgjør"},
		}],
	)
	count(inv_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_not_an_investment if {
	doc := json.patch(
		fixtures.digital,
		[{"op": "add", "path": "/budget_effects/-", "value": {"year": 2023, "account": "investering", "amount_knok": 300}}],
	)
	count(inv_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_balanced_investment if {
	count(inv_004.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}
