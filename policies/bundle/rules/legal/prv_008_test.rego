package styring.rules.legal.prv_008_test

import data.styring.rules.legal.prv_008
import data.styring.test.fixtures

brief_prv_008 := {{"rule_id": "PRV-008", "severity": "warning", "path": "/risk/covers"}}

with_covers(c) := json.patch(fixtures.digital, [{"op": "replace", "path": "/risk/covers", "value": c}])

test_fail_covers_neither if {
	vs := prv_008.violation with input as fixtures.input_for(with_covers(["okonomi", "arbeidsmiljo"]))
	fixtures.brief(vs) == brief_prv_008
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket behandler personopplysninger, men risikovurderingen dekker verken",
			"personvern eller informasjonssikkerhet (risk.covers: okonomi, arbeidsmiljo).",
		]),
		"en": concat(" ", [
			"The initiative processes personal data, but the risk assessment covers neither",
			"personvern nor informasjonssikkerhet (risk.covers: okonomi, arbeidsmiljo).",
		]),
	}}
}

test_fail_risk_missing if {
	doc := json.remove(fixtures.digital, ["risk"])
	vs := prv_008.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_prv_008
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket behandler personopplysninger, men risikovurderingen dekker verken",
			"personvern eller informasjonssikkerhet (risk.covers er tom eller mangler).",
		]),
		"en": concat(" ", [
			"The initiative processes personal data, but the risk assessment covers neither",
			"personvern nor informasjonssikkerhet (risk.covers is empty or missing).",
		]),
	}}
}

test_fail_covers_empty if {
	fixtures.brief(prv_008.violation) == brief_prv_008 with input as fixtures.input_for(with_covers([]))
}

test_success_personvern_only if {
	count(prv_008.violation) == 0 with input as fixtures.input_for(with_covers(["personvern"]))
}

test_success_informasjonssikkerhet_only if {
	count(prv_008.violation) == 0 with input as fixtures.input_for(with_covers(["informasjonssikkerhet"]))
}

test_success_no_processing if {
	doc := json.patch(with_covers([]), [{"op": "replace", "path": "/personal_data/processes", "value": false}])
	count(prv_008.violation) == 0 with input as fixtures.input_for(doc)
}
