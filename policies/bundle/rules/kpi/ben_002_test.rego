package styring.rules.kpi.ben_002_test

import data.styring.rules.kpi.ben_002
import data.styring.test.fixtures

with_withdrawal_2022(amount) := json.patch(
	fixtures.omstilling,
	[{"op": "replace", "path": "/benefits_plan/budget_withdrawal/0/amount_knok", "value": amount}],
)

test_fail_no_benefits_plan_one_per_year if {
	doc := json.remove(fixtures.omstilling, ["benefits_plan"])
	vs := ben_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "BEN-002", "severity": "warning", "path": "/benefits_plan/budget_withdrawal", "year": 2022},
		{"rule_id": "BEN-002", "severity": "warning", "path": "/benefits_plan/budget_withdrawal", "year": 2023},
		{"rule_id": "BEN-002", "severity": "warning", "path": "/benefits_plan/budget_withdrawal", "year": 2024},
	}
	fixtures.messages(vs) == {
		{
			"nb": concat(" ", [
				"For 2022 er budsjettuttrekket i gevinstplanen 0 kNOK, men netto innsparing i drift er -1500 kNOK:",
				"avviket på 1500 kNOK er større enn toleransen på 5 % (75 kNOK).",
			]),
			"en": concat(" ", [
				"For 2022 the budget withdrawal in the benefits plan is 0 kNOK, but the net operating saving is -1500 kNOK:",
				"the gap of 1500 kNOK exceeds the tolerance of 5 % (75 kNOK).",
			]),
		},
		{
			"nb": concat(" ", [
				"For 2023 er budsjettuttrekket i gevinstplanen 0 kNOK, men netto innsparing i drift er -3000 kNOK:",
				"avviket på 3000 kNOK er større enn toleransen på 5 % (150 kNOK).",
			]),
			"en": concat(" ", [
				"For 2023 the budget withdrawal in the benefits plan is 0 kNOK, but the net operating saving is -3000 kNOK:",
				"the gap of 3000 kNOK exceeds the tolerance of 5 % (150 kNOK).",
			]),
		},
		{
			"nb": concat(" ", [
				"For 2024 er budsjettuttrekket i gevinstplanen 0 kNOK, men netto innsparing i drift er -3000 kNOK:",
				"avviket på 3000 kNOK er større enn toleransen på 5 % (150 kNOK).",
			]),
			"en": concat(" ", [
				"For 2024 the budget withdrawal in the benefits plan is 0 kNOK, but the net operating saving is -3000 kNOK:",
				"the gap of 3000 kNOK exceeds the tolerance of 5 % (150 kNOK).",
			]),
		},
	}
}

# 5 % of 1500 is 75: a gap of 75 passes, 76 fails, on either side.
test_success_gap_exactly_at_tolerance if {
	count(ben_002.violation) == 0 with input as fixtures.input_for(with_withdrawal_2022(-1425))
	count(ben_002.violation) == 0 with input as fixtures.input_for(with_withdrawal_2022(-1575))
}

test_fail_gap_just_above_tolerance if {
	brief := {{"rule_id": "BEN-002", "severity": "warning", "path": "/benefits_plan/budget_withdrawal", "year": 2022}}
	fixtures.brief(ben_002.violation) == brief with input as fixtures.input_for(with_withdrawal_2022(-1424))
	fixtures.brief(ben_002.violation) == brief with input as fixtures.input_for(with_withdrawal_2022(-1576))
}

test_fail_fractional_tolerance if {
	doc := json.patch(fixtures.effektivisering, [
		{"op": "replace", "path": "/budget_effects/0/amount_knok", "value": -1234},
		{"op": "replace", "path": "/benefits_plan/budget_withdrawal/0/amount_knok", "value": -1000},
	])
	vs := ben_002.violation with input as fixtures.input_for(doc)
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"For 2022 er budsjettuttrekket i gevinstplanen -1000 kNOK, men netto innsparing i drift er -1234 kNOK:",
			"avviket på 234 kNOK er større enn toleransen på 5 % (61,7 kNOK).",
		]),
		"en": concat(" ", [
			"For 2022 the budget withdrawal in the benefits plan is -1000 kNOK, but the net operating saving is -1234 kNOK:",
			"the gap of 234 kNOK exceeds the tolerance of 5 % (61.7 kNOK).",
		]),
	}}
}

test_success_withdrawals_summed_per_year if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/benefits_plan/budget_withdrawal/0/amount_knok", "value": -1000},
		{"op": "add", "path": "/benefits_plan/budget_withdrawal/-", "value": {"year": 2022, "amount_knok": -500}},
	])
	count(ben_002.violation) == 0 with input as fixtures.input_for(doc)
}

# Years without a saving (2021: net 0) and years outside P are not compared.
test_success_years_without_saving_not_compared if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "add", "path": "/benefits_plan/budget_withdrawal/-", "value": {"year": 2021, "amount_knok": -800}},
		{"op": "add", "path": "/benefits_plan/budget_withdrawal/-", "value": {"year": 2025, "amount_knok": -800}},
	])
	count(ben_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_valid_benefits_plans if {
	count(ben_002.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
	count(ben_002.violation) == 0 with input as fixtures.input_for(fixtures.effektivisering)
}

test_success_not_a_saving_type if {
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/budget_effects/6/amount_knok", "value": -900}])
	count(ben_002.violation) == 0 with input as fixtures.input_for(doc)
}
