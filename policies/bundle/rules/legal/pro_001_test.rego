package styring.rules.legal.pro_001_test

import data.styring.rules.legal.pro_001
import data.styring.test.fixtures

brief_pro_001 := {{"rule_id": "PRO-001", "severity": "error", "path": "/procurement"}}

test_fail_estimated_value_missing if {
	doc := json.remove(fixtures.digital, ["procurement/estimated_value_nok"])
	vs := pro_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_001
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket omfatter en anskaffelse (procurement.involved),",
			"men procurement.estimated_value_nok er ikke fylt ut, så terskelverdien kan ikke beregnes.",
		]),
		"en": concat(" ", [
			"The initiative involves a procurement (procurement.involved),",
			"but procurement.estimated_value_nok is not filled in, so its threshold value cannot be calculated.",
		]),
	}}
}

test_fail_category_missing if {
	doc := json.remove(fixtures.digital, ["procurement/category"])
	vs := pro_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_001
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket omfatter en anskaffelse (procurement.involved),",
			"men procurement.category er ikke fylt ut, så terskelverdien kan ikke beregnes.",
		]),
		"en": concat(" ", [
			"The initiative involves a procurement (procurement.involved),",
			"but procurement.category is not filled in, so its threshold value cannot be calculated.",
		]),
	}}
}

test_fail_category_empty_string if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/procurement/category", "value": ""}])
	fixtures.brief(pro_001.violation) == brief_pro_001 with input as fixtures.input_for(doc)
}

test_fail_both_missing_names_both_fields if {
	doc := {"involved": true}
	vs := pro_001.violation with input as fixtures.input_for(object.union(fixtures.omstilling, {"procurement": doc}))
	fixtures.brief(vs) == brief_pro_001
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket omfatter en anskaffelse (procurement.involved), men procurement.estimated_value_nok",
			"og procurement.category er ikke fylt ut, så terskelverdien kan ikke beregnes.",
		]),
		"en": concat(" ", [
			"The initiative involves a procurement (procurement.involved), but procurement.estimated_value_nok",
			"and procurement.category are not filled in, so its threshold value cannot be calculated.",
		]),
	}}
}

test_success_value_and_category_given if {
	count(pro_001.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}

test_success_value_zero_counts_as_set if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/procurement/estimated_value_nok", "value": 0}])
	count(pro_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_not_involved if {
	doc := object.union(fixtures.omstilling, {"procurement": {"involved": false}})
	count(pro_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_involved_missing if {
	doc := object.union(fixtures.omstilling, {"procurement": {"procedure": "direkte"}})
	count(pro_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_procurement if {
	count(pro_001.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
