package styring.rules.legal.hr_002_test

import data.styring.rules.legal.hr_002
import data.styring.test.fixtures

test_fail_covers_without_arbeidsmiljo if {
	doc := json.patch(
		fixtures.effektivisering,
		[{"op": "replace", "path": "/risk/covers", "value": ["okonomi", "informasjonssikkerhet"]}],
	)
	vs := hr_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "HR-002", "severity": "error", "path": "/risk/covers"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket berører ansatte (employees.affected), men risikovurderingen (risk.covers)",
			"omfatter ikke arbeidsmiljø (arbeidsmiljo). Den omfatter nå: okonomi, informasjonssikkerhet.",
		]),
		"en": concat(" ", [
			"The initiative affects employees (employees.affected), but the risk assessment (risk.covers) does",
			"not cover the working environment (arbeidsmiljo). It now covers: okonomi, informasjonssikkerhet.",
		]),
	}}
}

test_fail_covers_empty if {
	doc := json.patch(fixtures.effektivisering, [{"op": "replace", "path": "/risk/covers", "value": []}])
	vs := hr_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "HR-002", "severity": "error", "path": "/risk/covers"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket berører ansatte (employees.affected), men risikovurderingen",
			"(risk.covers) omfatter ikke arbeidsmiljø (arbeidsmiljo). Den omfatter nå: ingen.",
		]),
		"en": concat(" ", [
			"The initiative affects employees (employees.affected), but the risk assessment",
			"(risk.covers) does not cover the working environment (arbeidsmiljo). It now covers: none.",
		]),
	}}
}

test_fail_risk_missing if {
	doc := json.remove(fixtures.effektivisering, ["risk"])
	vs := hr_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "HR-002", "severity": "error", "path": "/risk/covers"}}
}

test_success_covers_arbeidsmiljo if {
	count(hr_002.violation) == 0 with input as fixtures.input_for(fixtures.effektivisering)
}

test_success_not_affected if {
	doc := json.patch(fixtures.effektivisering, [
		{"op": "replace", "path": "/employees/affected", "value": false},
		{"op": "replace", "path": "/risk/covers", "value": ["okonomi"]},
	])
	count(hr_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_employees if {
	# investering has no employees and no arbeidsmiljo in risk.covers.
	count(hr_002.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}
