package styring.rules.governance.gov_004_test

import data.styring.rules.governance.gov_004
import data.styring.test.fixtures

test_fail_start_date_missing if {
	doc := json.remove(fixtures.omstilling, ["start_date"])
	vs := gov_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "GOV-004", "severity": "error", "path": "/start_date"}}
	fixtures.messages(vs) == {{
		"nb": "Tiltaket mangler startdato: start_date er ikke fylt ut.",
		"en": "The initiative has no start date: start_date is not filled in.",
	}}
}

test_fail_end_date_empty_string if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/end_date", "value": ""}])
	vs := gov_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "GOV-004", "severity": "error", "path": "/end_date"}}
	fixtures.messages(vs) == {{
		"nb": "Tiltaket mangler sluttdato: end_date er ikke fylt ut.",
		"en": "The initiative has no end date: end_date is not filled in.",
	}}
}

test_fail_plan_period_missing if {
	doc := json.remove(fixtures.effektivisering, ["plan_period"])
	vs := gov_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "GOV-004", "severity": "error", "path": "/plan_period"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket mangler økonomiplanperiode: plan_period er ikke fylt ut.",
			"Til den er fylt ut, vurderes tiltaket mot standardperioden 2021–2024.",
		]),
		"en": concat(" ", [
			"The initiative has no plan period: plan_period is not filled in.",
			"Until it is, the initiative is checked against the default period 2021–2024.",
		]),
	}}
}

test_fail_plan_period_empty_object if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/plan_period", "value": {}}])
	vs := gov_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "GOV-004", "severity": "error", "path": "/plan_period"}}
}

test_fail_one_violation_per_missing_field if {
	doc := json.remove(fixtures.omstilling, ["start_date", "end_date", "plan_period"])
	fixtures.brief(gov_004.violation) == {
		{"rule_id": "GOV-004", "severity": "error", "path": "/start_date"},
		{"rule_id": "GOV-004", "severity": "error", "path": "/end_date"},
		{"rule_id": "GOV-004", "severity": "error", "path": "/plan_period"},
	} with input as fixtures.input_for(doc)
}

test_success_all_set if {
	count(gov_004.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
