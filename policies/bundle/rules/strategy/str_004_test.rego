package styring.rules.strategy.str_004_test

import data.styring.rules.strategy.str_004
import data.styring.test.fixtures

brief_fail := {{"rule_id": "STR-004", "severity": "error", "path": "/cross_sector_split"}}

three_sectors(shares) := json.patch(fixtures.digital, [
	{"op": "replace", "path": "/involved_sectors", "value": ["OSU", "POM", "HSO"]},
	{"op": "replace", "path": "/cross_sector_split", "value": shares},
])

test_fail_split_missing if {
	doc := json.remove(fixtures.digital, ["cross_sector_split"])
	vs := str_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_fail
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket er tverrsektorielt (hovedsektor OSU, involverte sektorer POM), men fordelingen av kostnader og gevinster",
			"(cross_sector_split) er ikke gyldig: den mangler og må fordele kostnads- og gevinstandeler på OSU, POM.",
		]),
		"en": concat(" ", [
			"The initiative is cross-sector (lead sector OSU, involved sectors POM), but the split of costs and gains",
			"(cross_sector_split) is not valid: it is missing and must split the cost and gain shares between OSU, POM.",
		]),
	}}
}

test_fail_split_empty if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/cross_sector_split", "value": []}])
	vs := str_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_fail
	some v in vs
	contains(v.message.nb, "den mangler og må fordele")
}

test_fail_cost_shares_not_100 if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/cross_sector_split/0/cost_share_pct", "value": 50}])
	vs := str_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_fail
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket er tverrsektorielt (hovedsektor OSU, involverte sektorer POM), men fordelingen av kostnader",
			"og gevinster (cross_sector_split) er ikke gyldig: kostnadsandelene summerer til 90,00 % (skal være 100 %).",
		]),
		"en": concat(" ", [
			"The initiative is cross-sector (lead sector OSU, involved sectors POM), but the split of costs",
			"and gains (cross_sector_split) is not valid: the cost shares sum to 90.00 % (must be 100 %).",
		]),
	}}
}

test_fail_involved_sector_missing_lists_all_problems if {
	doc := json.patch(fixtures.digital, [
		{"op": "remove", "path": "/cross_sector_split/1"},
		{"op": "replace", "path": "/cross_sector_split/0/cost_share_pct", "value": 100},
	])
	vs := str_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_fail
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket er tverrsektorielt (hovedsektor OSU, involverte sektorer POM),",
			"men fordelingen av kostnader og gevinster (cross_sector_split) er ikke gyldig:",
			"den har ingen linje for POM; gevinstandelene summerer til 20,00 % (skal være 100 %).",
		]),
		"en": concat(" ", [
			"The initiative is cross-sector (lead sector OSU, involved sectors POM), but the split of costs and gains",
			"(cross_sector_split) is not valid: it has no entry for POM; the gain shares sum to 20.00 % (must be 100 %).",
		]),
	}}
}

# involved_sectors need not repeat the lead, but the split must still cover it.
test_fail_lead_sector_missing if {
	doc := json.patch(fixtures.digital, [
		{"op": "replace", "path": "/involved_sectors", "value": ["POM", "HSO"]},
		{"op": "replace", "path": "/cross_sector_split", "value": [
			{"sector": "POM", "cost_share_pct": 50, "gain_share_pct": 50},
			{"sector": "HSO", "cost_share_pct": 50, "gain_share_pct": 50},
		]},
	])
	vs := str_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_fail
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket er tverrsektorielt (hovedsektor OSU, involverte sektorer HSO, POM),",
			"men fordelingen av kostnader og gevinster (cross_sector_split) er ikke gyldig: den har ingen linje for OSU.",
		]),
		"en": concat(" ", [
			"The initiative is cross-sector (lead sector OSU, involved sectors HSO, POM),",
			"but the split of costs and gains (cross_sector_split) is not valid: it has no entry for OSU.",
		]),
	}}
}

# 33.33 × 3 is 99.99, not 100.
test_fail_thirds_not_adjusted if {
	doc := three_sectors([
		{"sector": "OSU", "cost_share_pct": 33.33, "gain_share_pct": 33.33},
		{"sector": "POM", "cost_share_pct": 33.33, "gain_share_pct": 33.34},
		{"sector": "HSO", "cost_share_pct": 33.33, "gain_share_pct": 33.33},
	])
	vs := str_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_fail
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket er tverrsektorielt (hovedsektor OSU, involverte sektorer HSO, POM), men fordelingen av kostnader",
			"og gevinster (cross_sector_split) er ikke gyldig: kostnadsandelene summerer til 99,99 % (skal være 100 %).",
		]),
		"en": concat(" ", [
			"The initiative is cross-sector (lead sector OSU, involved sectors HSO, POM), but the split of costs",
			"and gains (cross_sector_split) is not valid: the cost shares sum to 99.99 % (must be 100 %).",
		]),
	}}
}

# Each share is rounded to hundredths before summing: 33.334 counts as 33.33.
test_fail_shares_rounded_before_summing if {
	doc := three_sectors([
		{"sector": "OSU", "cost_share_pct": 33.333, "gain_share_pct": 50},
		{"sector": "POM", "cost_share_pct": 33.333, "gain_share_pct": 25},
		{"sector": "HSO", "cost_share_pct": 33.334, "gain_share_pct": 25},
	])
	vs := str_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_fail
	some v in vs
	contains(v.message.en, "the cost shares sum to 99.99 %")
}

test_success_thirds_adjusted_to_100 if {
	doc := three_sectors([
		{"sector": "OSU", "cost_share_pct": 33.33, "gain_share_pct": 33.34},
		{"sector": "POM", "cost_share_pct": 33.33, "gain_share_pct": 33.33},
		{"sector": "HSO", "cost_share_pct": 33.34, "gain_share_pct": 33.33},
	])
	count(str_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_valid_split if {
	count(str_004.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}

# Not cross-sector: no other sector involved, so no split is needed (and a bad one is not used).
test_success_single_sector if {
	count(str_004.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
	doc := json.patch(fixtures.digital, [
		{"op": "replace", "path": "/involved_sectors", "value": ["OSU"]},
		{"op": "replace", "path": "/cross_sector_split/0/cost_share_pct", "value": 10},
	])
	count(str_004.violation) == 0 with input as fixtures.input_for(doc)
}
