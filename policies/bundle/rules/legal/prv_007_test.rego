package styring.rules.legal.prv_007_test

import data.styring.rules.legal.prv_007
import data.styring.test.fixtures

brief_prv_007 := {{"rule_id": "PRV-007", "severity": "error", "path": "/personal_data/transfer_mechanism"}}

transfer := json.patch(
	fixtures.digital,
	[{"op": "replace", "path": "/personal_data/third_country_transfer", "value": true}],
)

with_mechanism(m) := json.patch(transfer, [{"op": "add", "path": "/personal_data/transfer_mechanism", "value": m}])

test_fail_mechanism_none if {
	vs := prv_007.violation with input as fixtures.input_for(with_mechanism("none"))
	fixtures.brief(vs) == brief_prv_007
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Personopplysninger overføres til tredjeland (personal_data.third_country_transfer),",
			"men overføringsgrunnlaget personal_data.transfer_mechanism er «none»; gyldige grunnlag er adequacy, scc og bcr.",
		]),
		"en": concat(" ", [
			"Personal data is transferred to a third country (personal_data.third_country_transfer),",
			"but the transfer mechanism personal_data.transfer_mechanism is «none»; valid mechanisms are adequacy, scc and bcr.",
		]),
	}}
}

test_fail_mechanism_missing if {
	vs := prv_007.violation with input as fixtures.input_for(transfer)
	fixtures.brief(vs) == brief_prv_007
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Personopplysninger overføres til tredjeland (personal_data.third_country_transfer), men overføringsgrunnlag",
			"er ikke oppgitt (personal_data.transfer_mechanism); gyldige grunnlag er adequacy, scc og bcr.",
		]),
		"en": concat(" ", [
			"Personal data is transferred to a third country (personal_data.third_country_transfer),",
			"but no transfer mechanism is given (personal_data.transfer_mechanism); valid mechanisms are adequacy, scc and bcr.",
		]),
	}}
}

test_success_valid_mechanisms if {
	every m in ["adequacy", "scc", "bcr"] {
		count(prv_007.violation) == 0 with input as fixtures.input_for(with_mechanism(m))
	}
}

test_success_no_transfer if {
	count(prv_007.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}

test_success_no_processing if {
	doc := json.patch(transfer, [{"op": "replace", "path": "/personal_data/processes", "value": false}])
	count(prv_007.violation) == 0 with input as fixtures.input_for(doc)
}
