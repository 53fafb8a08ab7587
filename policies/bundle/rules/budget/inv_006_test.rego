package styring.rules.budget.inv_006_test

import data.styring.rules.budget.inv_006
import data.styring.test.fixtures

test_fail_equity_share_below_minimum if {
	# 2021: loan 30000 instead of 20000, equity 2000 instead of 12000: 70000 of 160000 kNOK without loans.
	doc := json.patch(fixtures.investering, [
		{"op": "replace", "path": "/financing/0/amount_knok", "value": 30000},
		{"op": "replace", "path": "/financing/1/amount_knok", "value": 2000},
	])
	vs := inv_006.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-006", "severity": "warning", "path": "/financing"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Investeringen er ikke rentabel, men bare 43,7 % av investeringsfinansieringen",
			"(70000 av 160000 kNOK) kommer fra andre kilder enn lån; minstekravet er 50 %.",
		]),
		"en": concat(" ", [
			"The investment is not rentable, but only 43.7 % of its investment financing",
			"(70000 of 160000 kNOK) comes from sources other than loans; the minimum is 50 %.",
		]),
	}}
}

test_fail_just_below_minimum if {
	doc := json.patch(fixtures.investering, [
		{"op": "replace", "path": "/financing/0/amount_knok", "value": 20001},
		{"op": "replace", "path": "/financing/1/amount_knok", "value": 11999},
	])
	vs := inv_006.violation with input as fixtures.input_for(doc)
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Investeringen er ikke rentabel, men bare 49,9 % av investeringsfinansieringen",
			"(79999 av 160000 kNOK) kommer fra andre kilder enn lån; minstekravet er 50 %.",
		]),
		"en": concat(" ", [
			"The investment is not rentable, but only 49.9 % of its investment financing",
			"(79999 of 160000 kNOK) comes from sources other than loans; the minimum is 50 %.",
		]),
	}}
}

test_success_exactly_at_minimum if {
	# investering: loans 80000 of 160000 kNOK, exactly 50 %.
	count(inv_006.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}

test_success_drift_financing_does_not_count if {
	doc := json.patch(
		fixtures.investering,
		[{"op": "add", "path": "/financing/-", "value": {"year": 2024, "source": "lan", "amount_knok": 50000}}],
	)
	count(inv_006.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_rentable_investment if {
	doc := json.patch(fixtures.investering, [
		{"op": "replace", "path": "/investment/rentable", "value": true},
		{"op": "replace", "path": "/financing/1/source", "value": "lan"},
	])
	count(inv_006.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_rentable_not_given if {
	doc := json.patch(fixtures.investering, [
		{"op": "remove", "path": "/investment/rentable"},
		{"op": "replace", "path": "/financing/1/source", "value": "lan"},
	])
	count(inv_006.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_investment_financing if {
	doc := json.remove(fixtures.investering, ["financing"])
	count(inv_006.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_not_an_investment if {
	doc := json.patch(fixtures.digital, [
		{"op": "add", "path": "/investment", "value": {"rentable": false}},
		{
			"op": "add",
			"path": "/financing/-",
			"value": {"year": 2023, "account": "investering", "source": "lan", "amount_knok": 500},
		},
	])
	count(inv_006.violation) == 0 with input as fixtures.input_for(doc)
}
