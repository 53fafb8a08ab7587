package styring.rules.legal.hr_003_test

import data.styring.rules.legal.hr_003
import data.styring.test.fixtures

test_fail_reduction_exactly_at_limit if {
	doc := json.patch(fixtures.effektivisering, [{"op": "replace", "path": "/employees/fte_change", "value": -5}])
	vs := hr_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "HR-003", "severity": "warning", "path": "/employees/amu_date"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket reduserer bemanningen med 5 årsverk (employees.fte_change = -5),",
			"som er minst grensen på 5 årsverk (employees.amu_fte_reduction),",
			"men datoen for behandling i arbeidsmiljøutvalget (employees.amu_date) er ikke fylt ut.",
		]),
		"en": concat(" ", [
			"The initiative reduces staffing by 5 FTE (employees.fte_change = -5),",
			"which is at least the limit of 5 FTE (employees.amu_fte_reduction),",
			"but the date the working environment committee dealt with it (employees.amu_date) is not filled in.",
		]),
	}}
}

test_fail_reduction_above_limit_amu_date_empty if {
	doc := json.patch(fixtures.effektivisering, [
		{"op": "replace", "path": "/employees/fte_change", "value": -7.5},
		{"op": "add", "path": "/employees/amu_date", "value": ""},
	])
	vs := hr_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "HR-003", "severity": "warning", "path": "/employees/amu_date"}}
	some v in vs
	startswith(v.message.nb, "Tiltaket reduserer bemanningen med 7.5 årsverk (employees.fte_change = -7.5)")
}

test_success_reduction_just_below_limit if {
	doc := json.patch(fixtures.effektivisering, [{"op": "replace", "path": "/employees/fte_change", "value": -4.9}])
	count(hr_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_amu_date_set if {
	doc := json.patch(fixtures.effektivisering, [
		{"op": "replace", "path": "/employees/fte_change", "value": -12},
		{"op": "add", "path": "/employees/amu_date", "value": "2021-09-01"},
	])
	count(hr_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_fte_change_missing if {
	doc := json.remove(fixtures.effektivisering, ["employees/fte_change"])
	count(hr_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_fte_increase if {
	doc := json.patch(fixtures.effektivisering, [{"op": "replace", "path": "/employees/fte_change", "value": 6}])
	count(hr_003.violation) == 0 with input as fixtures.input_for(doc)
}
