package styring.rules.legal.hr_001_test

import data.styring.rules.legal.hr_001
import data.styring.test.fixtures

test_fail_drofting_date_missing if {
	doc := json.remove(fixtures.effektivisering, ["employees/drofting_date"])
	vs := hr_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "HR-001", "severity": "error", "path": "/employees/drofting_date"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket berører ansatte (employees.affected), men datoen for drøfting",
			"med de tillitsvalgte (employees.drofting_date) er ikke fylt ut.",
			"Drøfting skal skje før beslutning (arbeidsmiljøloven § 8-1, Hovedavtalen del B).",
		]),
		"en": concat(" ", [
			"The initiative affects employees (employees.affected), but the date of the discussion",
			"with the employee representatives (employees.drofting_date) is not filled in.",
			"The discussion must take place before the decision (Working Environment Act § 8-1, Basic Agreement part B).",
		]),
	}}
}

test_fail_drofting_date_empty_string if {
	doc := json.patch(fixtures.effektivisering, [{"op": "replace", "path": "/employees/drofting_date", "value": ""}])
	vs := hr_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "HR-001", "severity": "error", "path": "/employees/drofting_date"}}
}

test_fail_drofting_date_missing_names_first_decision if {
	doc := json.remove(fixtures.digital, ["employees/drofting_date"])
	vs := hr_001.violation with input as fixtures.input_for(doc)
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket berører ansatte (employees.affected), men datoen for drøfting med de tillitsvalgte",
			"(employees.drofting_date) er ikke fylt ut (første vedtak er datert 2022-12-14).",
			"Drøfting skal skje før beslutning (arbeidsmiljøloven § 8-1, Hovedavtalen del B).",
		]),
		"en": concat(" ", [
			"The initiative affects employees (employees.affected), but the date of the discussion with the employee",
			"representatives (employees.drofting_date) is not filled in (the first decision is dated 2022-12-14).",
			"The discussion must take place before the decision (Working Environment Act § 8-1, Basic Agreement part B).",
		]),
	}}
}

test_fail_drofting_day_after_decision if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/employees/drofting_date", "value": "2022-12-15"}])
	vs := hr_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "HR-001", "severity": "error", "path": "/employees/drofting_date"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Drøftingen med de tillitsvalgte (employees.drofting_date) er datert 2022-12-15, etter det første",
			"vedtaket 2022-12-14. Drøfting skal skje før beslutning (arbeidsmiljøloven § 8-1, Hovedavtalen del B).",
		]),
		"en": concat(" ", [
			"The discussion with the employee representatives (employees.drofting_date)",
			"is dated 2022-12-15, after the first decision on 2022-12-14.",
			"The discussion must take place before the decision (Working Environment Act § 8-1, Basic Agreement part B).",
		]),
	}}
}

test_fail_drofting_after_earliest_of_several_decisions if {
	doc := json.patch(fixtures.digital, [
		{"op": "replace", "path": "/employees/drofting_date", "value": "2022-11-15"},
		{"op": "add", "path": "/decisions/-", "value": {"body": "formannskapet", "date": "2022-11-01"}},
	])
	vs := hr_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "HR-001", "severity": "error", "path": "/employees/drofting_date"}}
	some v in vs
	contains(v.message.nb, "etter det første vedtaket 2022-11-01")
}

test_success_drofting_same_day_as_decision if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/employees/drofting_date", "value": "2022-12-14"}])
	count(hr_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_drofting_before_decision if {
	count(hr_001.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}

test_success_drofting_without_decisions if {
	count(hr_001.violation) == 0 with input as fixtures.input_for(fixtures.effektivisering)
}

test_success_employees_not_affected if {
	doc := json.patch(fixtures.effektivisering, [
		{"op": "replace", "path": "/employees/affected", "value": false},
		{"op": "remove", "path": "/employees/drofting_date"},
	])
	count(hr_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_affected_missing if {
	doc := json.remove(fixtures.effektivisering, ["employees/affected", "employees/drofting_date"])
	count(hr_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_employees if {
	count(hr_001.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
