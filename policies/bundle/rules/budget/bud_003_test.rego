package styring.rules.budget.bud_003_test

import data.styring.rules.budget.bud_003
import data.styring.test.fixtures

test_fail_net_cost_without_financing if {
	doc := json.remove(fixtures.digital, ["financing/1"])
	vs := bud_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-003", "severity": "error", "path": "/financing", "year": 2024}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"I 2024 er netto driftsutgift 1800 kNOK, men driftsfinansieringen uten lån er bare 0 kNOK;",
			"1800 kNOK mangler finansiering.",
		]),
		"en": concat(" ", [
			"In 2024 the net operating cost is 1800 kNOK, but the operating",
			"financing other than loans is only 0 kNOK; 1800 kNOK is not financed.",
		]),
	}}
}

test_fail_partly_financed if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/financing/2/amount_knok", "value": 1799}])
	vs := bud_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-003", "severity": "error", "path": "/financing", "year": 2025}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"I 2025 er netto driftsutgift 1800 kNOK, men driftsfinansieringen uten lån er bare 1799 kNOK;",
			"1 kNOK mangler finansiering.",
		]),
		"en": concat(" ", [
			"In 2025 the net operating cost is 1800 kNOK, but the operating",
			"financing other than loans is only 1799 kNOK; 1 kNOK is not financed.",
		]),
	}}
}

test_success_financing_exactly_covers_net if {
	count(bud_003.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}

test_success_financing_split_over_entries_and_default_account if {
	doc := json.patch(fixtures.digital, [
		{"op": "replace", "path": "/financing/1/amount_knok", "value": 1000},
		{"op": "remove", "path": "/financing/1/account"},
		{"op": "add", "path": "/financing/-", "value": {"year": 2024, "source": "okt_inntekt", "amount_knok": 800}},
	])
	count(bud_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_loan_does_not_count if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/financing/1/source", "value": "lan"}])
	vs := bud_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-003", "severity": "error", "path": "/financing", "year": 2024}}
}

test_fail_investment_financing_does_not_count if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/financing/1/account", "value": "investering"}])
	vs := bud_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-003", "severity": "error", "path": "/financing", "year": 2024}}
}

test_fail_one_per_year if {
	doc := json.remove(fixtures.digital, ["financing"])
	fixtures.brief(bud_003.violation) == {
		{"rule_id": "BUD-003", "severity": "error", "path": "/financing", "year": 2023},
		{"rule_id": "BUD-003", "severity": "error", "path": "/financing", "year": 2024},
		{"rule_id": "BUD-003", "severity": "error", "path": "/financing", "year": 2025},
		{"rule_id": "BUD-003", "severity": "error", "path": "/financing", "year": 2026},
	} with input as fixtures.input_for(doc)
}

test_success_net_zero_after_saving_line if {
	doc := json.patch(fixtures.digital, [
		{"op": "remove", "path": "/financing/1"},
		{
			"op": "add",
			"path": "/budget_effects/-",
			"value": {
				"year": 2024,
				"account": "drift",
				"amount_knok": -1800,
				"bucket": "omstilling",
				"calc_basis": "Redusert saksbehandling",
			},
		},
	])
	count(bud_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_savings_need_no_financing if {
	count(bud_003.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_year_outside_plan_period_not_checked if {
	doc := json.patch(
		fixtures.digital,
		[{
			"op": "add",
			"path": "/budget_effects/-",
			"value": {"year": 2027, "account": "drift", "amount_knok": 1800, "calc_basis": "Lisens og drift"},
		}],
	)
	count(bud_003.violation) == 0 with input as fixtures.input_for(doc)
}
