package styring.rules.strategy.str_001_test

import data.styring.rules.strategy.str_001
import data.styring.test.fixtures

test_fail_veikart_area_missing if {
	doc := json.remove(fixtures.omstilling, ["veikart_area"])
	vs := str_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "STR-001", "severity": "error", "path": "/veikart_area"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket mangler veikart_area:",
			"velg fokusområdet i Veikart 2024 det støtter (VK1 Fremtidens tjenester, VK2 Balansert samfunnsutvikling,",
			"VK3 Klimakloke Bærum, VK4 Kunnskapskommunen Bærum, VK5 Sammen om Bærum, VK6 Kommune for fremtiden).",
		]),
		"en": concat(" ", [
			"The initiative has no veikart_area:",
			"choose the Veikart 2024 focus area it supports (VK1 Fremtidens tjenester, VK2 Balansert samfunnsutvikling,",
			"VK3 Klimakloke Bærum, VK4 Kunnskapskommunen Bærum, VK5 Sammen om Bærum, VK6 Kommune for fremtiden).",
		]),
	}}
}

test_fail_veikart_area_empty if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/veikart_area", "value": ""}])
	vs := str_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "STR-001", "severity": "error", "path": "/veikart_area"}}
}

test_success_veikart_area_set if {
	count(str_001.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
