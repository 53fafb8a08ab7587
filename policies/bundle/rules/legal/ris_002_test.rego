package styring.rules.legal.ris_002_test

import data.styring.rules.legal.ris_002
import data.styring.test.fixtures

# omstilling's risk.date is 2020-08-15.

test_success_exactly_max_age if {
	# 2020-08-15 to 2021-08-15 is 365 days.
	count(ris_002.violation) == 0 with input as fixtures.input_at(fixtures.omstilling, "2021-08-15")
}

test_fail_one_day_over_max_age if {
	vs := ris_002.violation with input as fixtures.input_at(fixtures.omstilling, "2021-08-16")
	fixtures.brief(vs) == {{"rule_id": "RIS-002", "severity": "warning", "path": "/risk/date"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Risikovurderingen (risk.date) er datert 2020-08-15, 366 dager før vurderingsdatoen 2021-08-16.",
			"Den kan være høyst 365 dager gammel (economy.risk_assessment_max_age_days).",
		]),
		"en": concat(" ", [
			"The risk assessment (risk.date) is dated 2020-08-15, 366 days before the as-of date 2021-08-16.",
			"It may be at most 365 days old (economy.risk_assessment_max_age_days).",
		]),
	}}
}

test_success_exactly_max_age_over_leap_day if {
	# 2019-03-01 to 2020-02-29 is 365 days (29 February counts).
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/risk/date", "value": "2019-03-01"}])
	count(ris_002.violation) == 0 with input as fixtures.input_at(doc, "2020-02-29")
}

test_fail_one_calendar_year_over_leap_day if {
	# 2019-03-01 to 2020-03-01 is 366 days.
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/risk/date", "value": "2019-03-01"}])
	vs := ris_002.violation with input as fixtures.input_at(doc, "2020-03-01")
	fixtures.brief(vs) == {{"rule_id": "RIS-002", "severity": "warning", "path": "/risk/date"}}
}

test_fail_uses_submitted_at_as_d if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/risk/date", "value": "2018-01-10"}])
	vs := ris_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "RIS-002", "severity": "warning", "path": "/risk/date"}}
	some v in vs
	contains(v.message.en, "dated 2018-01-10, 987 days before the as-of date 2020-09-23")
}

test_success_recent_risk_date if {
	count(ris_002.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_risk_date_after_d if {
	count(ris_002.violation) == 0 with input as fixtures.input_at(fixtures.omstilling, "2020-01-01")
}

test_success_risk_date_missing if {
	doc := json.remove(fixtures.omstilling, ["risk/date"])
	count(ris_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_risk_date_empty if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/risk/date", "value": ""}])
	count(ris_002.violation) == 0 with input as fixtures.input_for(doc)
}
