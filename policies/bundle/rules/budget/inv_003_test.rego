package styring.rules.budget.inv_003_test

import data.styring.rules.budget.inv_003
import data.styring.test.fixtures

test_fail_year_after_completion_without_opex if {
	doc := json.remove(fixtures.investering, ["investment/opex_consequences/1"])
	vs := inv_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{
		"rule_id": "INV-003",
		"severity": "error",
		"path": "/investment/opex_consequences",
		"year": 2024,
	}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Investeringen ferdigstilles i 2023, men driftskonsekvensene for 2024 mangler i investment.opex_consequences.",
			"Legg inn beløpet for 2024, 0 hvis det ikke er noen.",
		]),
		"en": concat(" ", [
			"The investment is completed in 2023, but the operating consequences for 2024 are",
			"missing from investment.opex_consequences. Add the amount for 2024, 0 if there are none.",
		]),
	}}
}

test_fail_completion_year_itself_needs_opex if {
	doc := json.remove(fixtures.investering, ["investment/opex_consequences/0"])
	vs := inv_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{
		"rule_id": "INV-003",
		"severity": "error",
		"path": "/investment/opex_consequences",
		"year": 2023,
	}}
}

test_success_year_before_completion_needs_no_opex if {
	doc := json.patch(fixtures.investering, [
		{"op": "replace", "path": "/investment/completion_year", "value": 2024},
		{"op": "remove", "path": "/investment/opex_consequences/0"},
	])
	count(inv_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_one_per_missing_year if {
	doc := json.remove(fixtures.investering, ["investment/opex_consequences"])
	fixtures.brief(inv_003.violation) == {
		{"rule_id": "INV-003", "severity": "error", "path": "/investment/opex_consequences", "year": 2023},
		{"rule_id": "INV-003", "severity": "error", "path": "/investment/opex_consequences", "year": 2024},
	} with input as fixtures.input_for(doc)
}

test_success_zero_opex_entry_counts if {
	doc := json.patch(
		fixtures.investering,
		[{"op": "replace", "path": "/investment/opex_consequences/1/amount_knok", "value": 0}],
	)
	count(inv_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_completion_year_missing if {
	doc := json.remove(fixtures.investering, ["investment/completion_year", "investment/opex_consequences"])
	vs := inv_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-003", "severity": "error", "path": "/investment/completion_year"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Investeringen mangler ferdigstillelsesår (investment.completion_year),",
			"så driftskonsekvensene i økonomiplanperioden kan ikke kontrolleres.",
		]),
		"en": concat(" ", [
			"The investment has no completion year (investment.completion_year),",
			"so its operating consequences in the plan period cannot be checked.",
		]),
	}}
}

test_fail_investment_missing if {
	doc := json.remove(fixtures.investering, ["investment"])
	vs := inv_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-003", "severity": "error", "path": "/investment/completion_year"}}
}

test_success_completion_after_plan_period if {
	doc := json.patch(fixtures.investering, [
		{"op": "replace", "path": "/investment/completion_year", "value": 2026},
		{"op": "remove", "path": "/investment/opex_consequences"},
	])
	count(inv_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_not_an_investment if {
	doc := json.patch(fixtures.digital, [{"op": "add", "path": "/investment", "value": {"completion_year": 2023}}])
	count(inv_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_valid_investment if {
	count(inv_003.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}
