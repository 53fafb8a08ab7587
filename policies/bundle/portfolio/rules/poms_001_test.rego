package styring.portfolio.rules.poms_001_test

import data.styring.portfolio.contributions
import data.styring.portfolio.rules.poms_001
import data.styring.portfolio.test.fixtures as fx

warning(year) := {"rule_id": "POMS-001", "severity": "warning", "year": year}

info(year) := {"rule_id": "POMS-001", "severity": "info", "year": year}

# required: exactly the required cumulative level 100/200/300/400 MNOK.
required := [fx.forslag("OSU-1", "omstilling", "OSU", fx.per_year("omstilling", [-100000, -200000, -300000, -400000]))]

# at_upper: exactly the upper cumulative level 150/300/450/600 MNOK.
at_upper := [fx.forslag("OSU-1", "omstilling", "OSU", fx.per_year("omstilling", [-150000, -300000, -450000, -600000]))]

test_success_level_equals_required if {
	rows := [r | some d in required; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
	vs == set()
}

test_success_level_equals_upper if {
	rows := [r | some d in at_upper; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
	vs == set()
}

test_success_level_summed_over_sectors_and_initiatives if {
	docs := [
		fx.forslag("OSU-1", "omstilling", "OSU", fx.per_year("omstilling", [-60000, -120000, -180000, -240000])),
		fx.forslag("TEK-1", "omstilling", "TEK", fx.per_year("omstilling", [-40000, -80000, -120000, -160000])),
	]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
	vs == set()
}

test_fail_empty_portfolio if {
	vs := poms_001.violation with input as {"rows": []}
	fx.brief(vs) == {warning(2021), warning(2022), warning(2023), warning(2024)}
}

test_fail_one_knok_below_required if {
	docs := array.concat(required, [fx.forslag("TEK-1", "nytt_tiltak", "TEK", [fx.omstilling(2021, 1)])])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
	fx.brief(vs) == {warning(2021)}
	fx.messages(vs) == {{
		"nb": concat(" ", [
			"Omstillingsnivået i 2021 er 99999 kNOK, under kravet på 100000 kNOK (kumulativt);",
			"det mangler 1 kNOK i varige gevinster.",
		]),
		"en": concat(" ", [
			"The omstilling level in 2021 is 99999 kNOK, below the required 100000 kNOK (cumulative);",
			"1 kNOK of lasting gains are missing.",
		]),
	}}
}

test_fail_full_violation_below if {
	docs := [fx.forslag("OSU-1", "omstilling", "OSU", fx.per_year("omstilling", [-100000, -200000, -250000, -400000]))]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
	vs == {{
		"rule_id": "POMS-001",
		"severity": "warning",
		"category": "budget",
		"title": {
			"nb": "Omstillingsnivået er under målet på 100–150 mill. kr i året",
			"en": "The omstilling level is outside the 100–150 MNOK a year target",
		},
		"reference": "HP 2021–2024 kap. 2 (100–150 mill. kr årlig)",
		"waivable": false,
		"remedy": {
			"nb": concat(" ", [
				"Fremm flere varige omstillingstiltak (bucket omstilling),",
				"eller – over øvre nivå – kontroller at gevinstene er realistiske.",
			]),
			"en": concat(" ", [
				"Propose more lasting restructuring initiatives (bucket omstilling),",
				"or – above the upper level – check that the gains are realistic.",
			]),
		},
		"year": 2023,
		"value": 250000,
		"limit": 300000,
		"message": {
			"nb": concat(" ", [
				"Omstillingsnivået i 2023 er 250000 kNOK, under kravet på 300000 kNOK (kumulativt);",
				"det mangler 50000 kNOK i varige gevinster.",
			]),
			"en": concat(" ", [
				"The omstilling level in 2023 is 250000 kNOK, below the required 300000 kNOK (cumulative);",
				"50000 kNOK of lasting gains are missing.",
			]),
		},
	}}
}

test_fail_above_upper_gives_info if {
	docs := array.concat(at_upper, [fx.forslag("TEK-1", "omstilling", "TEK", [fx.omstilling(2024, -1)])])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
	fx.brief(vs) == {info(2024)}
	fx.messages(vs) == {{
		"nb": concat(" ", [
			"Omstillingsnivået i 2024 er 600001 kNOK, over øvre nivå på 600000 kNOK:",
			"kontroller at gevinstene er realistiske.",
		]),
		"en": concat(" ", [
			"The omstilling level in 2024 is 600001 kNOK, above the upper level of 600000 kNOK:",
			"check that the gains are realistic.",
		]),
	}}
	[[v.value, v.limit] | some v in vs] == [[600001, 600000]]
}

test_fail_below_and_above_in_different_years if {
	docs := [fx.forslag("OSU-1", "omstilling", "OSU", fx.per_year("omstilling", [-99999, -300001, -300000, -400000]))]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
	fx.brief(vs) == {warning(2021), info(2022)}
}

test_fail_one_off_lines_do_not_count if {
	docs := array.concat(required, [fx.forslag("TEK-1", "omstilling", "TEK", [
		fx.omstilling(2022, 1),
		fx.one_off(fx.omstilling(2022, -1)),
	])])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
	fx.brief(vs) == {warning(2022)}
}

test_success_one_off_lines_do_not_count_towards_upper if {
	docs := array.concat(at_upper, [fx.forslag("TEK-1", "omstilling", "TEK", [fx.one_off(fx.omstilling(2022, -50000))])])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
	vs == set()
}

test_fail_other_buckets_do_not_count if {
	docs := [fx.forslag("OSU-1", "effektivisering", "OSU", [
		fx.effektivisering(2021, -100000),
		fx.innsparing(2021, -100000),
		fx.drift(2021, -100000),
	])]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
	warning(2021) in fx.brief(vs)
	docs2 := array.concat(required, docs)
	rows2 := [r | some d in docs2; some r in contributions.rows with input as {"initiative": d}]
	vs2 := poms_001.violation with input as {"rows": rows2}
	fx.brief(vs2) == set()
}

test_fail_positive_omstilling_line_lowers_the_level if {
	docs := array.concat(required, [fx.forslag("TEK-1", "omstilling", "TEK", [fx.omstilling(2023, 1)])])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
	fx.brief(vs) == {warning(2023)}
}

test_fail_investment_lines_do_not_count if {
	inv := object.union(fx.investering(2021, -1000), {"bucket": "omstilling"})
	docs := array.concat(required, [fx.forslag("TEK-1", "omstilling", "TEK", [fx.omstilling(2021, 1000), inv])])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
	fx.brief(vs) == {warning(2021)}
}

test_fail_avvist_left_out if {
	docs := [
		fx.forslag("OSU-1", "omstilling", "OSU", fx.per_year("omstilling", [-100000, -200000, -300000, -399999])),
		fx.initiative("TEK-1", "omstilling", "TEK", "avvist", [fx.omstilling(2024, -1)]),
	]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
	fx.brief(vs) == {warning(2024)}
}

test_success_cross_sector_split_keeps_the_level if {
	doc := fx.cross_sector(
		fx.forslag("OSK-1", "omstilling", "OSK", fx.per_year("omstilling", [-100000, -200000, -300000, -400000])),
		["OSK", "OSU"],
		[fx.share("OSK", 50, 30), fx.share("OSU", 50, 70)],
	)
	rows := contributions.rows with input as {"initiative": doc}
	vs := poms_001.violation with input as {"rows": rows}
	vs == set()
}

test_fail_levels_read_from_parameters if {
	levels := {"2021": 10, "2022": 10, "2023": 10, "2024": 10}
	docs := [fx.forslag("OSU-1", "omstilling", "OSU", fx.per_year("omstilling", [-9, -10, -11, -10]))]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := poms_001.violation with input as {"rows": rows}
		with data.styring.parameters.omstilling.required_cumulative_knok as levels
		with data.styring.parameters.omstilling.upper_cumulative_knok as levels
	fx.brief(vs) == {warning(2021), info(2023)}
}
