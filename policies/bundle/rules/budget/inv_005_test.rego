package styring.rules.budget.inv_005_test

import data.styring.rules.budget.inv_005
import data.styring.test.fixtures

test_fail_rentable_missing if {
	doc := json.remove(fixtures.investering, ["investment/rentable"])
	vs := inv_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-005", "severity": "error", "path": "/investment/rentable"}}
	fixtures.messages(vs) == {{
		"nb": "Det er ikke oppgitt om investeringen er rentabel (investment.rentable mangler); angi true eller false.",
		"en": "It is not stated whether the investment is rentable (investment.rentable is missing); give true or false.",
	}}
}

test_fail_investment_missing if {
	doc := json.remove(fixtures.investering, ["investment"])
	vs := inv_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-005", "severity": "error", "path": "/investment/rentable"}}
}

test_success_rentable_false if {
	count(inv_005.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}

test_success_rentable_true if {
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/investment/rentable", "value": true}])
	count(inv_005.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_not_an_investment if {
	count(inv_005.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}
