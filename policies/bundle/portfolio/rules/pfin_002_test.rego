package styring.portfolio.rules.pfin_002_test

import data.styring.portfolio.contributions
import data.styring.portfolio.rules.pfin_002
import data.styring.portfolio.test.fixtures as fx

pfin := {"rule_id": "PFIN-002", "severity": "error"}

# uses(id, entries) is an initiative financed by the entries.
uses(id, entries) := fx.financed(fx.forslag(id, "nytt_tiltak", "OSU", [fx.drift(2022, 0)]), entries)

test_success_empty_portfolio if {
	vs := pfin_002.violation with input as {"rows": []}
	vs == set()
}

test_success_exactly_the_minimum if {
	# 180000 - 80000 = 100000, the minimum.
	docs := [uses("A", [fx.financing_drift(2022, "bufferfond", 80000)])]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_002.violation with input as {"rows": rows}
	vs == set()
}

test_fail_one_knok_below_the_minimum if {
	docs := [uses("A", [fx.financing_drift(2022, "bufferfond", 80001)])]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_002.violation with input as {"rows": rows}
	fx.brief(vs) == {pfin}
	fx.messages(vs) == {{
		"nb": concat(" ", [
			"Bufferfondet blir 99999 kNOK ved periodens slutt etter bruk av",
			"80001 kNOK i porteføljen, under minstenivået på 100000 kNOK.",
		]),
		"en": concat(" ", [
			"The buffer fund becomes 99999 kNOK at the end of the period after",
			"the portfolio uses 80001 kNOK, below the minimum of 100000 kNOK.",
		]),
	}}
}

test_fail_full_violation if {
	docs := [
		uses("A", [fx.financing_drift(2021, "bufferfond", 100000)]),
		uses("B", [fx.financing(2023, "investering", "bufferfond", 200000)]),
	]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_002.violation with input as {"rows": rows}
	vs == {{
		"rule_id": "PFIN-002",
		"severity": "error",
		"category": "budget",
		"title": {
			"nb": "Bufferfondet blir for lite ved periodens slutt",
			"en": "The buffer fund becomes too small at the end of the period",
		},
		"reference": "Kommuneloven § 14-2 (finansielle måltall)",
		"waivable": false,
		"remedy": {
			"nb": "Finansier tiltakene med andre kilder enn bufferfondet, eller reduser bruken av fondet.",
			"en": "Finance the initiatives from other sources than the buffer fund, or use less of it.",
		},
		"value": -120000,
		"limit": 100000,
		"message": {
			"nb": concat(" ", [
				"Bufferfondet blir -120000 kNOK ved periodens slutt etter bruk",
				"av 300000 kNOK i porteføljen, under minstenivået på 100000 kNOK.",
			]),
			"en": concat(" ", [
				"The buffer fund becomes -120000 kNOK at the end of the period after",
				"the portfolio uses 300000 kNOK, below the minimum of 100000 kNOK.",
			]),
		},
	}}
}

test_fail_summed_over_initiatives_years_and_accounts if {
	docs := [
		uses("A", [fx.financing_drift(2021, "bufferfond", 40000)]),
		uses("B", [fx.financing(2024, "investering", "bufferfond", 40001)]),
	]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_002.violation with input as {"rows": rows}
	fx.brief(vs) == {pfin}
	docs2 := [uses("A", [fx.financing_drift(2021, "bufferfond", 40000)])]
	rows2 := [r | some d in docs2; some r in contributions.rows with input as {"initiative": d}]
	vs2 := pfin_002.violation with input as {"rows": rows2}
	vs2 == set()
}

test_success_other_sources_do_not_count if {
	docs := [uses("A", [
		fx.financing_drift(2021, "bufferfond", 80000),
		fx.financing_drift(2021, "disposisjonsfond", 500000),
		fx.financing(2022, "investering", "lan", 900000),
		fx.financing_drift(2023, "omprioritering", 50000),
	])]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_002.violation with input as {"rows": rows}
	vs == set()
}

test_success_budget_lines_do_not_count if {
	docs := [fx.forslag("A", "nytt_tiltak", "OSU", fx.per_year("drift", [500000, 500000, 500000, 500000]))]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_002.violation with input as {"rows": rows}
	vs == set()
}

test_success_avvist_left_out if {
	avvist := object.union(uses("B", [fx.financing_drift(2022, "bufferfond", 200000)]), {"status": "avvist"})
	docs := [uses("A", [fx.financing_drift(2022, "bufferfond", 80000)]), avvist]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pfin_002.violation with input as {"rows": rows}
	vs == set()
}

test_fail_missing_status_counts if {
	doc := fx.without_status(uses("B", [fx.financing_drift(2022, "bufferfond", 80001)]))
	rows := contributions.rows with input as {"initiative": doc}
	vs := pfin_002.violation with input as {"rows": rows}
	fx.brief(vs) == {pfin}
}

test_fail_financing_not_split if {
	# A cross-sector split does not change what the initiative takes from the fund.
	doc := fx.cross_sector(
		uses("A", [fx.financing_drift(2022, "bufferfond", 80001)]),
		["OSK"],
		[fx.share("OSU", 50, 50), fx.share("OSK", 50, 50)],
	)
	rows := contributions.rows with input as {"initiative": doc}
	vs := pfin_002.violation with input as {"rows": rows}
	fx.brief(vs) == {pfin}
}

test_fail_minimum_read_from_parameters if {
	docs := [uses("A", [fx.financing_drift(2022, "bufferfond", 180000)])]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	at := {"rows": rows}
	ok := pfin_002.violation with input as at with data.styring.parameters.economy.min_buffer_fund_end_of_period_knok as 0
	ok == set()
	docs2 := [uses("A", [fx.financing_drift(2022, "bufferfond", 180001)])]
	rows2 := [r | some d in docs2; some r in contributions.rows with input as {"initiative": d}]
	over := {"rows": rows2}
	vs := pfin_002.violation with input as over
		with data.styring.parameters.economy.min_buffer_fund_end_of_period_knok as 0
	fx.brief(vs) == {pfin}
}
