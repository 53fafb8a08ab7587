package styring.rules.budget.inv_001_test

import data.styring.rules.budget.inv_001
import data.styring.test.fixtures

test_fail_economic_life_below_minimum if {
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/investment/economic_life_years", "value": 2}])
	vs := inv_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-001", "severity": "error", "path": "/investment"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket har budsjettlinjer på investeringskonto, men oppfyller ikke kravene til en investering:",
			"økonomisk levetid 2 år er under minstekravet på 3 år.",
		]),
		"en": concat(" ", [
			"The initiative has budget lines on the investment account, but does not meet the criteria for an investment:",
			"the economic life of 2 years is below the minimum of 3 years.",
		]),
	}}
}

test_success_economic_life_exactly_minimum if {
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/investment/economic_life_years", "value": 3}])
	count(inv_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_acquisition_cost_below_minimum if {
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/investment/acquisition_cost_knok", "value": 99}])
	vs := inv_001.violation with input as fixtures.input_for(doc)
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket har budsjettlinjer på investeringskonto, men oppfyller ikke kravene til en investering:",
			"anskaffelseskost 99 kNOK er under minstekravet på 100 kNOK.",
		]),
		"en": concat(" ", [
			"The initiative has budget lines on the investment account, but does not meet the criteria for an investment:",
			"the acquisition cost of 99 kNOK is below the minimum of 100 kNOK.",
		]),
	}}
}

test_success_acquisition_cost_exactly_minimum if {
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/investment/acquisition_cost_knok", "value": 100}])
	count(inv_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_both_missing_listed_in_one_violation if {
	doc := json.remove(fixtures.investering, ["investment/economic_life_years", "investment/acquisition_cost_knok"])
	vs := inv_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-001", "severity": "error", "path": "/investment"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket har budsjettlinjer på investeringskonto, men oppfyller ikke kravene til en investering:",
			"økonomisk levetid (investment.economic_life_years) mangler; minstekravet er 3 år;",
			"anskaffelseskost (investment.acquisition_cost_knok) mangler; minstekravet er 100 kNOK.",
		]),
		"en": concat(" ", [
			"The initiative has budget lines on the investment account, but does not meet the criteria for an investment:",
			"the economic life (investment.economic_life_years) is missing; the minimum is 3 years;",
			"the acquisition cost (investment.acquisition_cost_knok) is missing; the minimum is 100 kNOK.",
		]),
	}}
}

test_fail_investment_line_on_other_type_without_investment if {
	doc := json.patch(
		fixtures.digital,
		[{"op": "add", "path": "/budget_effects/-", "value": {"year": 2023, "account": "investering", "amount_knok": 300}}],
	)
	vs := inv_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-001", "severity": "error", "path": "/investment"}}
}

test_fail_low_life_and_low_cost if {
	doc := json.patch(fixtures.investering, [
		{"op": "replace", "path": "/investment/economic_life_years", "value": 0},
		{"op": "replace", "path": "/investment/acquisition_cost_knok", "value": 0},
	])
	vs := inv_001.violation with input as fixtures.input_for(doc)
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket har budsjettlinjer på investeringskonto, men oppfyller ikke kravene til en investering:",
			"økonomisk levetid 0 år er under minstekravet på 3 år; anskaffelseskost 0 kNOK er under minstekravet på 100 kNOK.",
		]),
		"en": concat(" ", [
			"The initiative has budget lines on the investment account, but does not meet the criteria for an investment:",
			"the economic life of 0 years is below the minimum of 3 years;",
			"the acquisition cost of 0 kNOK is below the minimum of 100 kNOK.",
		]),
	}}
}

test_success_no_investment_lines if {
	doc := json.patch(fixtures.omstilling, [{"op": "add", "path": "/investment", "value": {"economic_life_years": 1}}])
	count(inv_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_valid_investment if {
	count(inv_001.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}
