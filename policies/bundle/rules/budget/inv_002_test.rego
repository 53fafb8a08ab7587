package styring.rules.budget.inv_002_test

import data.styring.rules.budget.inv_002
import data.styring.test.fixtures

test_fail_loan_on_drift_account if {
	doc := json.patch(
		fixtures.investering,
		[{
			"op": "add",
			"path": "/financing/-",
			"value": {"year": 2024, "account": "drift", "source": "lan", "amount_knok": 500},
		}],
	)
	vs := inv_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-002", "severity": "error", "path": "/financing/11"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Lånet på 500 kNOK i 2024 er ikke tillatt fordi det er ført på driftskonto (account drift).",
			"Lån kan bare finansiere investeringer i eiendeler kommunen eier selv.",
		]),
		"en": concat(" ", [
			"The loan of 500 kNOK in 2024 is not allowed because it is on the operating account (account drift).",
			"Loans may finance only investments in assets the municipality itself owns.",
		]),
	}}
}

test_fail_loan_without_account_defaults_to_drift if {
	doc := json.remove(fixtures.investering, ["financing/0/account"])
	vs := inv_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-002", "severity": "error", "path": "/financing/0"}}
}

test_fail_loan_for_other_type_lists_every_reason if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/financing/1/source", "value": "lan"}])
	vs := inv_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "INV-002", "severity": "error", "path": "/financing/1"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Lånet på 1800 kNOK i 2024 er ikke tillatt fordi det er ført på driftskonto (account drift),",
			"og tiltakstypen er nytt_tiltak, ikke investering, og det ikke er bekreftet at kommunen eier eiendelen",
			"(investment.owner_is_kommune er ikke true). Lån kan bare finansiere investeringer i eiendeler kommunen eier selv.",
		]),
		"en": concat(" ", [
			"The loan of 1800 kNOK in 2024 is not allowed because it is on the operating account (account drift),",
			"and the initiative type is nytt_tiltak, not investering, and it is not confirmed",
			"that the municipality owns the asset (investment.owner_is_kommune is not true).",
			"Loans may finance only investments in assets the municipality itself owns.",
		]),
	}}
}

test_fail_asset_not_owned_by_kommune_one_per_loan if {
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/investment/owner_is_kommune", "value": false}])
	vs := inv_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "INV-002", "severity": "error", "path": "/financing/0"},
		{"rule_id": "INV-002", "severity": "error", "path": "/financing/3"},
		{"rule_id": "INV-002", "severity": "error", "path": "/financing/6"},
	}
	some v in vs
	v.message.nb == concat(" ", [
		"Lånet på 20000 kNOK i 2021 er ikke tillatt fordi det ikke er bekreftet at kommunen eier eiendelen",
		"(investment.owner_is_kommune er ikke true). Lån kan bare finansiere investeringer i eiendeler kommunen eier selv.",
	])
}

test_fail_owner_is_kommune_missing if {
	doc := json.remove(fixtures.investering, ["investment/owner_is_kommune"])
	count(inv_002.violation) == 3 with input as fixtures.input_for(doc)
}

test_success_loan_for_owned_investment if {
	count(inv_002.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}

test_success_no_loans if {
	count(inv_002.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}
