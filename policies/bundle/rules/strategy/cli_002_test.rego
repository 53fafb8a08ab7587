package styring.rules.strategy.cli_002_test

import data.styring.rules.strategy.cli_002
import data.styring.test.fixtures

test_fail_reduction_without_theme if {
	doc := json.remove(fixtures.investering, ["climate/theme"])
	vs := cli_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "CLI-002", "severity": "warning", "path": "/climate/theme"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket har en klimaeffekt på -35 tonn CO2e per år, men climate.theme er ikke fylt ut:",
			"velg tema i Klimastrategi 2030 (mobilitet, bygg eller ressursbruk).",
		]),
		"en": concat(" ", [
			"The initiative has a climate effect of -35 tonnes CO2e a year, but climate.theme is not filled in:",
			"choose a Klimastrategi 2030 theme (mobilitet, bygg or ressursbruk).",
		]),
	}}
}

test_fail_increase_with_empty_theme if {
	doc := json.patch(fixtures.investering, [
		{"op": "replace", "path": "/climate/theme", "value": ""},
		{"op": "replace", "path": "/climate/effect_tco2e_per_year", "value": 12.5},
	])
	vs := cli_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "CLI-002", "severity": "warning", "path": "/climate/theme"}}
	some v in vs
	startswith(v.message.nb, "Tiltaket har en klimaeffekt på 12,5 tonn CO2e per år")
	startswith(v.message.en, "The initiative has a climate effect of 12.5 tonnes CO2e a year")
}

test_success_theme_given if {
	count(cli_002.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}

test_success_effect_zero if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/climate", "value": {"effect_tco2e_per_year": 0}}])
	count(cli_002.violation) == 0 with input as fixtures.input_for(doc)
}

# A missing effect is CLI-001's concern.
test_success_effect_missing if {
	count(cli_002.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
	count(cli_002.violation) == 0 with input as fixtures.input_for(json.remove(fixtures.omstilling, ["climate"]))
}
