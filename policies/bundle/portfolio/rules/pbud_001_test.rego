package styring.portfolio.rules.pbud_001_test

import data.styring.portfolio.contributions
import data.styring.portfolio.rules.pbud_001
import data.styring.portfolio.test.fixtures as fx

pbud(sector, year) := {"rule_id": "PBUD-001", "severity": "error", "sector": sector, "year": year}

# at_room: every sector exactly at its change room (OBH saves 10/20/30 MNOK from 2022, POM grows by 15 MNOK a year).
obh_saving := fx.forslag("OBH-1", "innsparing", "OBH", fx.per_year("drift", [0, -10000, -20000, -30000]))

pom_growth := fx.forslag("POM-1", "nytt_tiltak", "POM", fx.per_year("drift", [15000, 30000, 45000, 60000]))

at_room := [obh_saving, pom_growth]

test_success_every_sector_at_its_change_room if {
	rows := [r | some d in at_room; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	vs == set()
}

test_fail_empty_portfolio_misses_required_net_saving if {
	vs := pbud_001.violation with input as {"rows": []}
	fx.brief(vs) == {pbud("OBH", 2022), pbud("OBH", 2023), pbud("OBH", 2024)}
}

test_fail_one_knok_over_change_room if {
	docs := array.concat(at_room, [fx.forslag("POM-2", "nytt_tiltak", "POM", [fx.drift(2021, 1)])])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	fx.brief(vs) == {pbud("POM", 2021)}
	fx.messages(vs) == {{
		"nb": concat(" ", [
			"POM (Pleie og omsorg) endrer driftsbudsjettet med 15001 kNOK i 2021,",
			"men endringsrommet er 15000 kNOK: 1 kNOK for mye.",
		]),
		"en": concat(" ", [
			"POM (Pleie og omsorg) changes its operating budget by 15001 kNOK in 2021,",
			"but its change room is 15000 kNOK: 1 kNOK too much.",
		]),
	}}
}

test_fail_full_violation if {
	docs := [pom_growth, fx.forslag("OBH-1", "innsparing", "OBH", fx.per_year("drift", [0, -10000, -19000, -30000]))]
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	vs == {{
		"rule_id": "PBUD-001",
		"severity": "error",
		"category": "budget",
		"title": {
			"nb": "Sektoren overskrider endringsrommet i rammen",
			"en": "The sector exceeds the change room of its frame",
		},
		"reference": "Kommuneloven § 14-5 (bevilgningene er bindende)",
		"waivable": false,
		"remedy": {
			"nb": "Finn innsparinger eller omprioriteringer i sektoren som dekker overskridelsen, eller be om endret ramme.",
			"en": "Find savings or reprioritisations in the sector that cover the excess, or ask for a changed frame.",
		},
		"sector": "OBH",
		"year": 2023,
		"value": -19000,
		"limit": -20000,
		"message": {
			"nb": concat(" ", [
				"OBH (Oppvekst barnehage) endrer driftsbudsjettet med -19000 kNOK i 2023,",
				"men endringsrommet er -20000 kNOK: 1000 kNOK for mye.",
			]),
			"en": concat(" ", [
				"OBH (Oppvekst barnehage) changes its operating budget by -19000 kNOK in 2023,",
				"but its change room is -20000 kNOK: 1000 kNOK too much.",
			]),
		},
	}}
}

test_fail_every_year_and_sector_over if {
	docs := array.concat(at_room, [
		fx.forslag("OSK-1", "nytt_tiltak", "OSK", fx.per_year("drift", [1, 1, 1, 1])),
		fx.forslag("VAR-1", "nytt_tiltak", "VAR", [fx.drift(2024, 5)]),
	])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	fx.brief(vs) == {
		pbud("OSK", 2021), pbud("OSK", 2022), pbud("OSK", 2023), pbud("OSK", 2024),
		pbud("VAR", 2024),
	}
}

test_success_initiatives_sum_within_sector if {
	docs := array.concat(at_room, [
		fx.forslag("OSK-1", "nytt_tiltak", "OSK", [fx.drift(2022, 500)]),
		fx.forslag("OSK-2", "innsparing", "OSK", [fx.drift(2022, -500)]),
	])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	vs == set()
}

test_fail_one_off_lines_count if {
	docs := array.concat(at_room, [fx.forslag("OSK-1", "nytt_tiltak", "OSK", [fx.one_off(fx.drift(2023, 1))])])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	fx.brief(vs) == {pbud("OSK", 2023)}
}

test_fail_every_bucket_counts if {
	docs := array.concat(at_room, [fx.forslag("TEK-1", "nytt_tiltak", "TEK", [
		fx.omstilling(2021, 1),
		fx.effektivisering(2022, 1),
		fx.innsparing(2023, 1),
		fx.one_off(fx.omstilling(2024, 1)),
	])])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	fx.brief(vs) == {pbud("TEK", 2021), pbud("TEK", 2022), pbud("TEK", 2023), pbud("TEK", 2024)}
}

test_success_investment_lines_and_financing_do_not_count if {
	docs := array.concat(at_room, [fx.financed(
		fx.forslag("OSK-1", "investering", "OSK", [fx.investering(2022, 900000)]),
		[fx.financing(2022, "investering", "lan", 900000), fx.financing_drift(2022, "bufferfond", 1000)],
	)])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	vs == set()
}

test_success_years_outside_plan_years_do_not_count if {
	docs := array.concat(at_room, [fx.forslag("OSK-1", "nytt_tiltak", "OSK", [fx.drift(2020, 1), fx.drift(2025, 1)])])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	vs == set()
}

test_success_avvist_left_out if {
	docs := array.concat(
		at_room,
		[fx.initiative("OSK-1", "nytt_tiltak", "OSK", "avvist", fx.per_year("drift", [50000, 50000, 50000, 50000]))],
	)
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	vs == set()
}

test_fail_missing_status_counts if {
	docs := array.concat(at_room, [fx.without_status(fx.forslag("OSK-1", "nytt_tiltak", "OSK", [fx.drift(2021, 50000)]))])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	fx.brief(vs) == {pbud("OSK", 2021)}
}

# Without a split the cost and the gain of the OSK initiative net out in OSK.
osk_cost_gain := fx.forslag("OSK-1", "nytt_tiltak", "OSK", [fx.drift(2022, 1000), fx.omstilling(2022, -1000)])

test_success_lead_sector_nets_out if {
	docs := array.concat(at_room, [osk_cost_gain])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	vs == set()
}

test_fail_cross_sector_split_moves_the_gain if {
	doc := fx.cross_sector(osk_cost_gain, ["OSK", "OSU"], [fx.share("OSK", 100, 0), fx.share("OSU", 0, 100)])
	docs := array.concat(at_room, [doc])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	fx.brief(vs) == {pbud("OSK", 2022)}
	[v.value | some v in vs] == [1000]
}

test_fail_cross_sector_split_moves_the_cost if {
	doc := fx.cross_sector(osk_cost_gain, ["OSU", "TEK"], [
		fx.share("OSK", 50, 100),
		fx.share("OSU", 25, 0),
		fx.share("TEK", 25, 0),
	])
	docs := array.concat(at_room, [doc])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	fx.brief(vs) == {pbud("OSU", 2022), pbud("TEK", 2022)}
	{v.sector: v.value | some v in vs} == {"OSU": 250, "TEK": 250}
}

test_success_invalid_split_lead_sector_only if {
	doc := fx.cross_sector(osk_cost_gain, ["OSK", "OSU"], [fx.share("OSK", 60, 0), fx.share("OSU", 39.99, 100)])
	docs := array.concat(at_room, [doc])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	vs == set()
}

test_success_split_without_other_sector_not_used if {
	doc := fx.cross_sector(osk_cost_gain, ["OSK"], [fx.share("OSK", 100, 0), fx.share("OSU", 0, 100)])
	docs := array.concat(at_room, [doc])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	vs == set()
}

test_success_split_gain_covers_the_sector_cost if {
	# OSK's own cost of 400 alone is over its room; 40 % of an OSU gain of 1000 is attributed to OSK.
	osk_cost := fx.forslag("OSK-2", "nytt_tiltak", "OSK", [fx.drift(2021, 400)])
	docs := array.concat(at_room, [osk_cost])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	vs := pbud_001.violation with input as {"rows": rows}
	fx.brief(vs) == {pbud("OSK", 2021)}
	gain := fx.cross_sector(
		fx.forslag("OSU-1", "omstilling", "OSU", [fx.omstilling(2021, -1000)]),
		["OSK"],
		[fx.share("OSU", 100, 60), fx.share("OSK", 0, 40)],
	)
	docs2 := array.concat(at_room, [osk_cost, gain])
	rows2 := [r | some d in docs2; some r in contributions.rows with input as {"initiative": d}]
	vs2 := pbud_001.violation with input as {"rows": rows2}
	vs2 == set()
}

test_fail_change_room_read_from_parameters if {
	room := {"2021": 5, "2022": 5, "2023": 5, "2024": 5}
	docs := array.concat(at_room, [fx.forslag("OSK-1", "nytt_tiltak", "OSK", [fx.drift(2021, 5)])])
	rows := [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	at := {"rows": rows}
	ok := pbud_001.violation with input as at with data.styring.parameters.sectors.change_room_knok.OSK as room
	ok == set()
	docs2 := array.concat(at_room, [fx.forslag("OSK-1", "nytt_tiltak", "OSK", [fx.drift(2021, 6)])])
	rows2 := [r | some d in docs2; some r in contributions.rows with input as {"initiative": d}]
	over := {"rows": rows2}
	vs := pbud_001.violation with input as over with data.styring.parameters.sectors.change_room_knok.OSK as room
	fx.brief(vs) == {pbud("OSK", 2021)}
}
