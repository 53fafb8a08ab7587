package styring.rules.budget.inv_007_test

import data.styring.rules.budget.inv_007
import data.styring.test.fixtures

test_fail_large_project_without_phase if {
	doc := json.remove(fixtures.investering, ["investment/project_phase"])
	vs := inv_007.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-007", "severity": "warning", "path": "/investment/project_phase"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Investeringen har anskaffelseskost 160000 kNOK, over grensen for store prosjekter",
			"på 50000 kNOK, men prosjektfasen (investment.project_phase) er ikke oppgitt.",
		]),
		"en": concat(" ", [
			"The investment has an acquisition cost of 160000 kNOK, above the large-project",
			"limit of 50000 kNOK, but its project phase (investment.project_phase) is not given.",
		]),
	}}
}

test_fail_just_above_limit if {
	doc := json.patch(fixtures.investering, [
		{"op": "remove", "path": "/investment/project_phase"},
		{"op": "replace", "path": "/investment/acquisition_cost_knok", "value": 50001},
	])
	vs := inv_007.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-007", "severity": "warning", "path": "/investment/project_phase"}}
}

test_success_exactly_at_limit if {
	doc := json.patch(fixtures.investering, [
		{"op": "remove", "path": "/investment/project_phase"},
		{"op": "replace", "path": "/investment/acquisition_cost_knok", "value": 50000},
	])
	count(inv_007.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_large_project_with_phase if {
	count(inv_007.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}

test_success_acquisition_cost_missing if {
	doc := json.remove(fixtures.investering, ["investment/project_phase", "investment/acquisition_cost_knok"])
	count(inv_007.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_not_an_investment if {
	doc := json.patch(fixtures.digital, [{"op": "add", "path": "/investment", "value": {"acquisition_cost_knok": 90000}}])
	count(inv_007.violation) == 0 with input as fixtures.input_for(doc)
}
