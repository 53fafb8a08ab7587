package styring.rules.data.dat_002_test

import data.styring.rules.data.dat_002
import data.styring.test.fixtures

test_fail_end_date_before_start_date if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/end_date", "value": "2020-12-31"}])
	vs := dat_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "DAT-002", "severity": "error", "path": "/end_date"}}
	fixtures.messages(vs) == {{
		"nb": "Sluttdatoen 2020-12-31 (end_date) er før startdatoen 2021-01-01 (start_date).",
		"en": "The end date 2020-12-31 (end_date) is before the start date 2021-01-01 (start_date).",
	}}
}

test_success_end_date_on_start_date if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/end_date", "value": "2021-01-01"}])
	count(dat_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_plan_period_runs_backwards if {
	doc := json.patch(fixtures.effektivisering, [{"op": "replace", "path": "/plan_period/end_year", "value": 2021}])
	vs := dat_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "DAT-002", "severity": "error", "path": "/plan_period/end_year"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Økonomiplanperioden slutter i 2021 (end_year), før den starter i 2022 (start_year).",
			"Til dette er rettet, vurderes tiltaket mot standardperioden 2021–2024.",
		]),
		"en": concat(" ", [
			"The plan period ends in 2021 (end_year), before it starts in 2022 (start_year).",
			"Until this is corrected, the initiative is checked against the default period 2021–2024.",
		]),
	}}
}

test_success_plan_period_of_one_year if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/plan_period/end_year", "value": 2021}])
	count(dat_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_both_dates_and_years_backwards if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/end_date", "value": "2020-06-30"},
		{"op": "replace", "path": "/plan_period/start_year", "value": 2025},
	])
	fixtures.brief(dat_002.violation) == {
		{"rule_id": "DAT-002", "severity": "error", "path": "/end_date"},
		{"rule_id": "DAT-002", "severity": "error", "path": "/plan_period/end_year"},
	} with input as fixtures.input_for(doc)
}

test_success_missing_start_date_is_not_compared if {
	doc := json.remove(fixtures.omstilling, ["start_date"])
	count(dat_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_missing_plan_period_is_not_compared if {
	doc := json.remove(fixtures.omstilling, ["plan_period"])
	count(dat_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_valid_initiative if {
	count(dat_002.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
