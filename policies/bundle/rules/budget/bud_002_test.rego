package styring.rules.budget.bud_002_test

import data.styring.rules.budget.bud_002
import data.styring.test.fixtures

test_fail_year_without_drift_line if {
	doc := json.remove(fixtures.omstilling, ["budget_effects/0"])
	vs := bud_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-002", "severity": "error", "path": "/budget_effects", "year": 2021}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Økonomiplanåret 2021 (periode 2021–2024) mangler driftslinje i budget_effects.",
			"Legg inn en linje med konto drift for 2021, med beløp 0 hvis tiltaket ikke har driftsvirkning det året.",
		]),
		"en": concat(" ", [
			"Plan year 2021 (period 2021–2024) has no operating line in budget_effects.",
			"Add a line with account drift for 2021, with amount 0 if the initiative has no operating effect that year.",
		]),
	}}
}

test_success_zero_amount_line_counts if {
	# omstilling's 2021 line has amount 0.
	count(bud_002.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_fail_investment_line_does_not_count if {
	# investering has an investering line for 2021; removing its 2021 drift line leaves the year without drift.
	doc := json.remove(fixtures.investering, ["budget_effects/3"])
	vs := bud_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-002", "severity": "error", "path": "/budget_effects", "year": 2021}}
}

test_fail_one_per_missing_year if {
	doc := json.remove(fixtures.omstilling, ["budget_effects"])
	fixtures.brief(bud_002.violation) == {
		{"rule_id": "BUD-002", "severity": "error", "path": "/budget_effects", "year": 2021},
		{"rule_id": "BUD-002", "severity": "error", "path": "/budget_effects", "year": 2022},
		{"rule_id": "BUD-002", "severity": "error", "path": "/budget_effects", "year": 2023},
		{"rule_id": "BUD-002", "severity": "error", "path": "/budget_effects", "year": 2024},
	} with input as fixtures.input_for(doc)
}

test_fail_default_period_when_plan_period_missing if {
	# effektivisering's lines cover 2022–2025; the default P 2021–2024 needs 2021.
	doc := json.remove(fixtures.effektivisering, ["plan_period"])
	vs := bud_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-002", "severity": "error", "path": "/budget_effects", "year": 2021}}
}

test_success_every_year_has_drift_line if {
	count(bud_002.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}
