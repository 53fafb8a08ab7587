package styring.rules.strategy.cli_003_test

import data.styring.rules.strategy.cli_003
import data.styring.test.fixtures

increase := json.patch(fixtures.investering, [
	{"op": "replace", "path": "/climate/effect_tco2e_per_year", "value": 35},
	{"op": "remove", "path": "/climate/mitigation"},
])

brief_fail := {{"rule_id": "CLI-003", "severity": "warning", "path": "/climate/mitigation"}}

# The day before the target changes: 40 % (from 2018-02-28).
test_fail_target_40_day_before_change if {
	vs := cli_003.violation with input as fixtures.input_at(increase, "2021-06-22")
	fixtures.brief(vs) == brief_fail
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket øker klimagassutslippene med 35 tonn CO2e per år, men climate.mitigation er ikke fylt ut:",
			"beskriv avbøtende tiltak.",
			"Klimastrategi 2030 har som mål å redusere utslippene med 40 % innen 2030 (målet gjelder fra 2018-02-28).",
		]),
		"en": concat(" ", [
			"The initiative increases greenhouse-gas emissions by 35 tonnes CO2e a year,",
			"but climate.mitigation is not filled in: describe the mitigation.",
			"Klimastrategi 2030 aims to cut emissions by 40 % by 2030 (target in force from 2018-02-28).",
		]),
	}}
}

# On the day the target changes: 65 %.
test_fail_target_65_on_change_day if {
	vs := cli_003.violation with input as fixtures.input_at(increase, "2021-06-23")
	fixtures.brief(vs) == brief_fail
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket øker klimagassutslippene med 35 tonn CO2e per år, men climate.mitigation er ikke fylt ut:",
			"beskriv avbøtende tiltak.",
			"Klimastrategi 2030 har som mål å redusere utslippene med 65 % innen 2030 (målet gjelder fra 2021-06-23).",
		]),
		"en": concat(" ", [
			"The initiative increases greenhouse-gas emissions by 35 tonnes CO2e a year,",
			"but climate.mitigation is not filled in: describe the mitigation.",
			"Klimastrategi 2030 aims to cut emissions by 65 % by 2030 (target in force from 2021-06-23).",
		]),
	}}
}

# D is submitted_at (2020-09-23) when no as-of date is given.
test_fail_target_at_submitted_at if {
	vs := cli_003.violation with input as {"initiative": increase, "schema_errors": []}
	fixtures.brief(vs) == brief_fail
	some v in vs
	endswith(v.message.nb, "med 40 % innen 2030 (målet gjelder fra 2018-02-28).")
}

test_fail_before_first_target if {
	doc := json.patch(increase, [
		{"op": "replace", "path": "/climate/effect_tco2e_per_year", "value": 0.5},
		{"op": "add", "path": "/climate/mitigation", "value": ""},
	])
	vs := cli_003.violation with input as fixtures.input_at(doc, "2018-02-27")
	fixtures.brief(vs) == brief_fail
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket øker klimagassutslippene med 0,5 tonn CO2e per år, men climate.mitigation er ikke fylt ut:",
			"beskriv avbøtende tiltak. Ingen reduksjonsmål i Klimastrategi 2030 var i kraft 2018-02-27.",
		]),
		"en": concat(" ", [
			"The initiative increases greenhouse-gas emissions by 0.5 tonnes CO2e a year, but climate.mitigation is",
			"not filled in: describe the mitigation. No Klimastrategi 2030 reduction target was in force on 2018-02-27.",
		]),
	}}
}

test_success_mitigation_given if {
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/climate/effect_tco2e_per_year", "value": 35}])
	count(cli_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_reduction_or_zero if {
	count(cli_003.violation) == 0 with input as fixtures.input_for(json.remove(
		fixtures.investering,
		["climate/mitigation"],
	))
	doc := json.patch(increase, [{"op": "replace", "path": "/climate/effect_tco2e_per_year", "value": 0}])
	count(cli_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_effect_missing if {
	count(cli_003.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
