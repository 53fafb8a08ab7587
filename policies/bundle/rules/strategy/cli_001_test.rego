package styring.rules.strategy.cli_001_test

import data.styring.rules.strategy.cli_001
import data.styring.test.fixtures

test_fail_warning_for_ordinary_initiative if {
	doc := json.remove(fixtures.omstilling, ["climate"])
	vs := cli_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "CLI-001", "severity": "warning", "path": "/climate"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Klimaeffekten er ikke vurdert:",
			"verken climate.effect_tco2e_per_year (tonn CO2e per år) eller climate.none_reason er fylt ut.",
		]),
		"en": concat(" ", [
			"The climate effect has not been assessed:",
			"neither climate.effect_tco2e_per_year (tonnes CO2e a year) nor climate.none_reason is filled in.",
		]),
	}}
}

test_fail_error_for_investment if {
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/climate", "value": {"theme": "bygg"}}])
	vs := cli_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "CLI-001", "severity": "error", "path": "/climate"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Klimaeffekten er ikke vurdert: verken climate.effect_tco2e_per_year (tonn CO2e",
			"per år) eller climate.none_reason er fylt ut (påkrevd for investeringstiltak).",
		]),
		"en": concat(" ", [
			"The climate effect has not been assessed: neither climate.effect_tco2e_per_year",
			"(tonnes CO2e a year) nor climate.none_reason is filled in (required for investments).",
		]),
	}}
}

test_fail_error_for_vk3 if {
	doc := json.patch(
		json.remove(fixtures.omstilling, ["climate"]),
		[{"op": "replace", "path": "/veikart_area", "value": "VK3"}],
	)
	vs := cli_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "CLI-001", "severity": "error", "path": "/climate"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Klimaeffekten er ikke vurdert: verken climate.effect_tco2e_per_year (tonn CO2e per år)",
			"eller climate.none_reason er fylt ut (påkrevd i Veikart-området VK3 Klimakloke Bærum).",
		]),
		"en": concat(" ", [
			"The climate effect has not been assessed: neither climate.effect_tco2e_per_year (tonnes CO2e",
			"a year) nor climate.none_reason is filled in (required in Veikart area VK3 Klimakloke Bærum).",
		]),
	}}
}

test_fail_empty_none_reason if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/climate/none_reason", "value": ""}])
	vs := cli_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "CLI-001", "severity": "warning", "path": "/climate"}}
}

test_success_none_reason if {
	count(cli_001.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_effect_given if {
	count(cli_001.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}

# An effect of 0 tonnes is a stated effect.
test_success_effect_zero if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/climate", "value": {"effect_tco2e_per_year": 0}}])
	count(cli_001.violation) == 0 with input as fixtures.input_for(doc)
}
