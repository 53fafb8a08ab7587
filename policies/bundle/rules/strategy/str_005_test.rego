package styring.rules.strategy.str_005_test

import data.styring.rules.strategy.str_005
import data.styring.test.fixtures

test_fail_cross_sector_is_prioritised if {
	vs := str_005.violation with input as fixtures.input_for(fixtures.digital)
	fixtures.brief(vs) == {{"rule_id": "STR-005", "severity": "info", "path": "/involved_sectors"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket er tverrsektorielt (hovedsektor OSU, involverte",
			"sektorer POM) og prioriteres i handlingsprogrammet (Ett Bærum).",
		]),
		"en": concat(" ", [
			"The initiative is cross-sector (lead sector OSU, involved sectors",
			"POM) and is prioritised in the action programme (Ett Bærum).",
		]),
	}}
}

# The advice is given whether or not the split is valid.
test_fail_cross_sector_without_split if {
	doc := json.remove(fixtures.digital, ["cross_sector_split"])
	vs := str_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "STR-005", "severity": "info", "path": "/involved_sectors"}}
}

test_success_no_involved_sectors if {
	count(str_005.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_only_lead_involved if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/involved_sectors", "value": ["OSU"]}])
	count(str_005.violation) == 0 with input as fixtures.input_for(doc)
}
