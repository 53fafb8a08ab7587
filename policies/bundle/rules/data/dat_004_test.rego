package styring.rules.data.dat_004_test

import data.styring.rules.data.dat_004
import data.styring.test.fixtures

test_fail_line_after_plan_period if {
	doc := json.patch(fixtures.omstilling, [{"op": "add", "path": "/budget_effects/-", "value": {
		"year": 2025, "account": "drift", "amount_knok": -3000, "bucket": "omstilling",
		"calc_basis": "Helårseffekt",
	}}])
	vs := dat_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "DAT-004", "severity": "error", "path": "/budget_effects/4/year"}}
	fixtures.messages(vs) == {{
		"nb": "Budsjettlinje nr. 5 gjelder 2025 (drift, -3000 kNOK), som ligger utenfor økonomiplanperioden 2021–2024.",
		"en": "Budget line no. 5 is for 2025 (drift, -3000 kNOK), which is outside the plan period 2021–2024.",
	}}
}

test_fail_line_before_plan_period_one_per_line if {
	doc := json.patch(fixtures.investering, [
		{"op": "replace", "path": "/budget_effects/0/year", "value": 2020},
		{"op": "replace", "path": "/budget_effects/3/year", "value": 2020},
	])
	fixtures.brief(dat_004.violation) == {
		{"rule_id": "DAT-004", "severity": "error", "path": "/budget_effects/0/year"},
		{"rule_id": "DAT-004", "severity": "error", "path": "/budget_effects/3/year"},
	} with input as fixtures.input_for(doc)
}

test_success_lines_on_first_and_last_plan_year if {
	# omstilling has lines for 2021 (start_year) and 2024 (end_year).
	count(dat_004.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_fail_default_period_when_plan_period_missing if {
	# effektivisering runs 2022–2025; without plan_period P is parameters.plan.plan_years (2021–2024).
	doc := json.remove(fixtures.effektivisering, ["plan_period"])
	vs := dat_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "DAT-004", "severity": "error", "path": "/budget_effects/3/year"}}
	fixtures.messages(vs) == {{
		"nb": "Budsjettlinje nr. 4 gjelder 2025 (drift, -2700 kNOK), som ligger utenfor økonomiplanperioden 2021–2024.",
		"en": "Budget line no. 4 is for 2025 (drift, -2700 kNOK), which is outside the plan period 2021–2024.",
	}}
}

test_fail_default_period_when_plan_period_runs_backwards if {
	doc := json.patch(fixtures.effektivisering, [{"op": "replace", "path": "/plan_period/end_year", "value": 2021}])
	vs := dat_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "DAT-004", "severity": "error", "path": "/budget_effects/3/year"}}
}

test_success_valid_initiative if {
	count(dat_004.violation) == 0 with input as fixtures.input_for(fixtures.effektivisering)
}
