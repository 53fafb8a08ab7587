package styring.portfolio.rules.pfin_001_test

import data.styring.portfolio.contributions
import data.styring.portfolio.rules.pfin_001
import data.styring.portfolio.test.fixtures as fx

warning(year) := {"rule_id": "PFIN-001", "severity": "warning", "year": year}

# exact: the net drift that brings the projected result to exactly 4 % of revenue:
# (396000 + 100000) / 12400000, (302000 + 200000) / 12550000, (208000 + 300000) / 12700000,
# (114000 + 400000) / 12850000 are each exactly 4 %.
exact := [fx.forslag("OSU-1", "innsparing", "OSU", fx.per_year("drift", [-100000, -200000, -300000, -400000]))]

test_success_exactly_4_pct if {
	rows := [r | some d in exact; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_001.violation with input as {"rows": rows}
	vs == set()
}

test_fail_empty_portfolio if {
	vs := pfin_001.violation with input as {"rows": []}
	fx.brief(vs) == {warning(2021), warning(2022), warning(2023), warning(2024)}
	fx.messages(vs) == {
		{
			"nb": concat(" ", [
				"Netto driftsresultat i 2021 blir 3,19 % av driftsinntektene med",
				"porteføljen (netto driftsendring 0 kNOK), under måltallet på 4 %.",
			]),
			"en": concat(" ", [
				"The net operating result in 2021 becomes 3.19 % of operating revenue with",
				"the portfolio (net operating change 0 kNOK), below the target of 4 %.",
			]),
		},
		{
			"nb": concat(" ", [
				"Netto driftsresultat i 2022 blir 2,4 % av driftsinntektene med",
				"porteføljen (netto driftsendring 0 kNOK), under måltallet på 4 %.",
			]),
			"en": concat(" ", [
				"The net operating result in 2022 becomes 2.4 % of operating revenue with",
				"the portfolio (net operating change 0 kNOK), below the target of 4 %.",
			]),
		},
		{
			"nb": concat(" ", [
				"Netto driftsresultat i 2023 blir 1,63 % av driftsinntektene med",
				"porteføljen (netto driftsendring 0 kNOK), under måltallet på 4 %.",
			]),
			"en": concat(" ", [
				"The net operating result in 2023 becomes 1.63 % of operating revenue with",
				"the portfolio (net operating change 0 kNOK), below the target of 4 %.",
			]),
		},
		{
			"nb": concat(" ", [
				"Netto driftsresultat i 2024 blir 0,88 % av driftsinntektene med",
				"porteføljen (netto driftsendring 0 kNOK), under måltallet på 4 %.",
			]),
			"en": concat(" ", [
				"The net operating result in 2024 becomes 0.88 % of operating revenue with",
				"the portfolio (net operating change 0 kNOK), below the target of 4 %.",
			]),
		},
	}
}

test_fail_one_knok_short_of_4_pct if {
	docs := [fx.forslag("OSU-1", "innsparing", "OSU", fx.per_year("drift", [-99999, -200000, -300000, -400000]))]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_001.violation with input as {"rows": rows}
	fx.brief(vs) == {warning(2021)}
	every v in vs {
		v.value < 4
		v.value > 3.9999
	}
}

test_fail_full_violation if {
	# (396000 - 24000) / 12400000 = 3 %.
	docs := [fx.forslag("OSU-1", "nytt_tiltak", "OSU", fx.per_year("drift", [24000, -200000, -300000, -400000]))]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_001.violation with input as {"rows": rows}
	vs == {{
		"rule_id": "PFIN-001",
		"severity": "warning",
		"category": "budget",
		"title": {
			"nb": "Netto driftsresultat blir under 4 % av driftsinntektene",
			"en": "The net operating result falls below 4 % of operating revenue",
		},
		"reference": "Kommuneloven § 14-2 (finansielle måltall)",
		"waivable": false,
		"remedy": {
			"nb": "Styrk porteføljen med varige innsparinger eller utsett kostnadsøkende tiltak.",
			"en": "Strengthen the portfolio with lasting savings or postpone initiatives that raise costs.",
		},
		"year": 2021,
		"value": 3,
		"limit": 4,
		"message": {
			"nb": concat(" ", [
				"Netto driftsresultat i 2021 blir 3 % av driftsinntektene med",
				"porteføljen (netto driftsendring 24000 kNOK), under måltallet på 4 %.",
			]),
			"en": concat(" ", [
				"The net operating result in 2021 becomes 3 % of operating revenue with",
				"the portfolio (net operating change 24000 kNOK), below the target of 4 %.",
			]),
		},
	}}
}

test_success_summed_over_sectors_buckets_and_initiatives if {
	docs := [
		fx.forslag("OSU-1", "omstilling", "OSU", fx.per_year("omstilling", [-50000, -100000, -150000, -200000])),
		fx.forslag("TEK-1", "effektivisering", "TEK", fx.per_year("effektivisering", [-50000, -100000, -150000, -200000])),
		fx.forslag("POM-1", "nytt_tiltak", "POM", fx.per_year("drift", [1000, 1000, 1000, 1000])),
		fx.forslag(
			"POM-2",
			"innsparing",
			"POM",
			[fx.innsparing(2021, -1000), fx.innsparing(2022, -1000), fx.innsparing(2023, -1000), fx.innsparing(2024, -1000)],
		),
	]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_001.violation with input as {"rows": rows}
	vs == set()
}

test_fail_one_off_drift_lines_count if {
	docs := array.concat(exact, [fx.forslag("OSK-1", "nytt_tiltak", "OSK", [fx.one_off(fx.drift(2022, 1))])])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_001.violation with input as {"rows": rows}
	fx.brief(vs) == {warning(2022)}
}

test_success_one_off_savings_count if {
	docs := [fx.forslag("OSU-1", "innsparing", "OSU", [
		fx.one_off(fx.innsparing(2021, -100000)),
		fx.drift(2022, -200000),
		fx.drift(2023, -300000),
		fx.drift(2024, -400000),
	])]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_001.violation with input as {"rows": rows}
	vs == set()
}

test_success_investment_lines_and_financing_do_not_count if {
	docs := array.concat(exact, [fx.financed(
		fx.forslag("OSK-1", "investering", "OSK", fx.per_year("investering", [500000, 500000, 500000, 500000])),
		[fx.financing(2021, "investering", "lan", 500000), fx.financing_drift(2022, "bufferfond", 1000)],
	)])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_001.violation with input as {"rows": rows}
	vs == set()
}

test_success_avvist_left_out if {
	docs := array.concat(
		exact,
		[fx.initiative("OSK-1", "nytt_tiltak", "OSK", "avvist", fx.per_year("drift", [1, 1, 1, 1]))],
	)
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_001.violation with input as {"rows": rows}
	vs == set()
}

test_fail_avvist_saving_left_out if {
	docs := [object.union(exact[0], {"status": "avvist"})]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_001.violation with input as {"rows": rows}
	fx.brief(vs) == {warning(2021), warning(2022), warning(2023), warning(2024)}
}

test_success_cross_sector_split_keeps_the_total if {
	doc := fx.cross_sector(exact[0], ["OSK"], [fx.share("OSU", 50, 60), fx.share("OSK", 50, 40)])
	rows := contributions.rows with input as {"initiative": doc}
	vs := pfin_001.violation with input as {"rows": rows}
	vs == set()
}

test_fail_minimum_read_from_parameters if {
	vs := pfin_001.violation with input as {"rows": []}
		with data.styring.parameters.economy.min_net_operating_result_pct as 2.5
	fx.brief(vs) == {warning(2022), warning(2023), warning(2024)}
}
