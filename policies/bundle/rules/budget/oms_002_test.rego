package styring.rules.budget.oms_002_test

import data.styring.rules.budget.oms_002
import data.styring.test.fixtures

# Amount exactly 0 is not a saving.
test_fail_gain_bucket_with_zero_amount if {
	doc := json.patch(fixtures.omstilling, [{"op": "add", "path": "/budget_effects/0/bucket", "value": "omstilling"}])
	vs := oms_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "OMS-002", "severity": "error", "path": "/budget_effects/0/bucket"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Budsjettlinjen for 2021 (budget_effects/0, 0 kNOK) ligger i bøtten «omstilling»,",
			"men beløpet 0 kNOK er ikke negativt. En gevinst telles én gang, som en innsparing i drift (negativt beløp).",
		]),
		"en": concat(" ", [
			"The budget line for 2021 (budget_effects/0, 0 kNOK) is in bucket «omstilling»,",
			"but the amount 0 kNOK is not negative. A gain counts once, as an operating saving (negative amount).",
		]),
	}}
}

test_fail_gain_on_investment_account if {
	doc := json.patch(
		fixtures.effektivisering,
		[{"op": "replace", "path": "/budget_effects/2/account", "value": "investering"}],
	)
	vs := oms_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "OMS-002", "severity": "error", "path": "/budget_effects/2/bucket"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Budsjettlinjen for 2024 (budget_effects/2, -2700 kNOK) ligger i bøtten «effektivisering», men den er ført",
			"på konto «investering», ikke «drift». En gevinst telles én gang, som en innsparing i drift (negativt beløp).",
		]),
		"en": concat(" ", [
			"The budget line for 2024 (budget_effects/2, -2700 kNOK) is in bucket «effektivisering»,",
			"but it is on account «investering», not «drift». A gain counts once, as an operating saving (negative amount).",
		]),
	}}
}

test_fail_both_problems_one_per_line if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/budget_effects/1/account", "value": "investering"},
		{"op": "replace", "path": "/budget_effects/1/amount_knok", "value": 1500},
		{"op": "replace", "path": "/budget_effects/3/amount_knok", "value": 10},
	])
	vs := oms_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "OMS-002", "severity": "error", "path": "/budget_effects/1/bucket"},
		{"rule_id": "OMS-002", "severity": "error", "path": "/budget_effects/3/bucket"},
	}
	fixtures.messages(vs) == {
		{
			"nb": concat(" ", [
				"Budsjettlinjen for 2022 (budget_effects/1, 1500 kNOK) ligger i bøtten «omstilling»,",
				"men den er ført på konto «investering», ikke «drift» og beløpet 1500 kNOK er ikke negativt.",
				"En gevinst telles én gang, som en innsparing i drift (negativt beløp).",
			]),
			"en": concat(" ", [
				"The budget line for 2022 (budget_effects/1, 1500 kNOK) is in bucket «omstilling»,",
				"but it is on account «investering», not «drift» and the amount 1500 kNOK is not negative.",
				"A gain counts once, as an operating saving (negative amount).",
			]),
		},
		{
			"nb": concat(" ", [
				"Budsjettlinjen for 2024 (budget_effects/3, 10 kNOK) ligger i bøtten «omstilling»,",
				"men beløpet 10 kNOK er ikke negativt. En gevinst telles én gang, som en innsparing i drift (negativt beløp).",
			]),
			"en": concat(" ", [
				"The budget line for 2024 (budget_effects/3, 10 kNOK) is in bucket «omstilling»,",
				"but the amount 10 kNOK is not negative. A gain counts once, as an operating saving (negative amount).",
			]),
		},
	}
}

test_success_valid_gain_lines if {
	count(oms_002.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
	count(oms_002.violation) == 0 with input as fixtures.input_for(fixtures.effektivisering)
}

test_success_smallest_saving if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/budget_effects/1/amount_knok", "value": -1}])
	count(oms_002.violation) == 0 with input as fixtures.input_for(doc)
}

# A missing bucket defaults to ingen; bucket ingen may hold costs and investments.
test_success_bucket_missing_or_ingen if {
	count(oms_002.violation) == 0 with input as fixtures.input_for(fixtures.investering)
	doc := json.patch(fixtures.investering, [{"op": "add", "path": "/budget_effects/0/bucket", "value": "ingen"}])
	count(oms_002.violation) == 0 with input as fixtures.input_for(doc)
}
