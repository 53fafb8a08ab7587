package styring.rules.legal.hr_004_test

import data.styring.rules.legal.hr_004
import data.styring.test.fixtures

test_fail_headcount_exactly_at_limit if {
	doc := json.patch(fixtures.effektivisering, [{"op": "add", "path": "/employees/headcount_reduction_30d", "value": 10}])
	vs := hr_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "HR-004", "severity": "error", "path": "/employees/nav_notified"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket innebærer 10 oppsigelser innen 30 dager (employees.headcount_reduction_30d),",
			"som er minst grensen for masseoppsigelse på 10 (employees.mass_layoff_headcount_30d),",
			"men NAV er ikke varslet (employees.nav_notified er ikke true).",
		]),
		"en": concat(" ", [
			"The initiative involves 10 dismissals within 30 days (employees.headcount_reduction_30d),",
			"which is at least the mass layoff limit of 10 (employees.mass_layoff_headcount_30d),",
			"but NAV has not been notified (employees.nav_notified is not true).",
		]),
	}}
}

test_fail_nav_notified_false if {
	doc := json.patch(fixtures.effektivisering, [
		{"op": "add", "path": "/employees/headcount_reduction_30d", "value": 25},
		{"op": "add", "path": "/employees/nav_notified", "value": false},
	])
	vs := hr_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "HR-004", "severity": "error", "path": "/employees/nav_notified"}}
}

test_success_headcount_just_below_limit if {
	doc := json.patch(fixtures.effektivisering, [{"op": "add", "path": "/employees/headcount_reduction_30d", "value": 9}])
	count(hr_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_nav_notified if {
	doc := json.patch(fixtures.effektivisering, [
		{"op": "add", "path": "/employees/headcount_reduction_30d", "value": 10},
		{"op": "add", "path": "/employees/nav_notified", "value": true},
	])
	count(hr_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_headcount_missing if {
	count(hr_004.violation) == 0 with input as fixtures.input_for(fixtures.effektivisering)
}
