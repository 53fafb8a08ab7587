package styring.portfolio.contributions_test

import data.styring.portfolio.contributions
import data.styring.portfolio.test.fixtures as fx

line_row(sector, year, account, bucket, one_off, amount) := {
	"kind": "line",
	"sector": sector,
	"year": year,
	"account": account,
	"bucket": bucket,
	"one_off": one_off,
	"amount_knok": amount,
}

financing_row(year, account, source, amount) := {
	"kind": "financing",
	"year": year,
	"account": account,
	"source": source,
	"amount_knok": amount,
}

# cost 9000 and gain -1000 in one year, for the split tests.
cost_and_gain := fx.forslag("T-1", "nytt_tiltak", "OSK", [fx.drift(2022, 9000), fx.omstilling(2022, -1000)])

lead_only := [
	line_row("OSK", 2022, "drift", "ingen", false, 9000),
	line_row("OSK", 2022, "drift", "omstilling", false, -1000),
]

test_lead_sector_attribution if {
	doc := fx.forslag("T-1", "omstilling", "TEK", [
		fx.drift(2021, 0),
		fx.omstilling(2022, -1500),
		fx.investering(2022, 40000),
	])
	rs := contributions.rows with input as {"initiative": doc}
	rs == [
		line_row("TEK", 2021, "drift", "ingen", false, 0),
		line_row("TEK", 2022, "drift", "omstilling", false, -1500),
		line_row("TEK", 2022, "investering", "ingen", false, 40000),
	]
}

test_valid_split_cost_by_cost_share_gain_by_gain_share if {
	doc := fx.cross_sector(cost_and_gain, ["OSK", "OSU"], [fx.share("OSK", 60, 30), fx.share("OSU", 40, 70)])
	rs := contributions.rows with input as {"initiative": doc}
	rs == [
		line_row("OSK", 2022, "drift", "ingen", false, 5400),
		line_row("OSU", 2022, "drift", "ingen", false, 3600),
		line_row("OSK", 2022, "drift", "omstilling", false, -300),
		line_row("OSU", 2022, "drift", "omstilling", false, -700),
	]
}

test_valid_split_zero_amount_by_gain_share if {
	doc := fx.cross_sector(
		fx.forslag("T-1", "nytt_tiltak", "OSK", [fx.drift(2021, 0)]),
		["OSU"],
		[fx.share("OSK", 100, 0), fx.share("OSU", 0, 100)],
	)
	rs := contributions.rows with input as {"initiative": doc}
	rs == [
		line_row("OSK", 2021, "drift", "ingen", false, 0),
		line_row("OSU", 2021, "drift", "ingen", false, 0),
	]
}

# Shares are compared in hundredths: 33.33 + 33.33 + 33.34 is 100, so the split is used.
test_valid_split_in_hundredths if {
	doc := fx.cross_sector(
		fx.forslag("T-1", "nytt_tiltak", "OSK", [fx.drift(2022, 3000)]),
		["OSU", "TEK"],
		[fx.share("OSK", 33.33, 33.33), fx.share("OSU", 33.33, 33.33), fx.share("TEK", 33.34, 33.34)],
	)
	rs := contributions.rows with input as {"initiative": doc}
	[r.sector | some r in rs] == ["OSK", "OSU", "TEK"]
	rs[2].amount_knok == 1000.2
}

test_invalid_split_cost_shares_99_99_lead_only if {
	doc := fx.cross_sector(cost_and_gain, ["OSK", "OSU"], [fx.share("OSK", 60, 30), fx.share("OSU", 39.99, 70)])
	rs := contributions.rows with input as {"initiative": doc}
	rs == lead_only
}

test_invalid_split_gain_shares_99_99_lead_only if {
	doc := fx.cross_sector(cost_and_gain, ["OSU"], [fx.share("OSK", 60, 30), fx.share("OSU", 40, 69.99)])
	rs := contributions.rows with input as {"initiative": doc}
	rs == lead_only
}

test_invalid_split_three_times_33_33_lead_only if {
	doc := fx.cross_sector(
		cost_and_gain,
		["OSU", "TEK"],
		[fx.share("OSK", 33.33, 33.33), fx.share("OSU", 33.33, 33.33), fx.share("TEK", 33.33, 33.33)],
	)
	rs := contributions.rows with input as {"initiative": doc}
	rs == lead_only
}

test_invalid_split_missing_involved_sector_lead_only if {
	doc := fx.cross_sector(cost_and_gain, ["OSU", "TEK"], [fx.share("OSK", 60, 30), fx.share("OSU", 40, 70)])
	rs := contributions.rows with input as {"initiative": doc}
	rs == lead_only
}

test_invalid_split_missing_lead_lead_only if {
	doc := fx.cross_sector(cost_and_gain, ["OSU", "TEK"], [fx.share("OSU", 60, 30), fx.share("TEK", 40, 70)])
	rs := contributions.rows with input as {"initiative": doc}
	rs == lead_only
}

test_split_without_other_involved_sector_not_used if {
	doc := fx.cross_sector(cost_and_gain, ["OSK"], [fx.share("OSK", 60, 30), fx.share("OSU", 40, 70)])
	rs := contributions.rows with input as {"initiative": doc}
	rs == lead_only
}

test_split_without_involved_sectors_not_used if {
	doc := object.union(cost_and_gain, {"cross_sector_split": [fx.share("OSK", 60, 30), fx.share("OSU", 40, 70)]})
	rs := contributions.rows with input as {"initiative": doc}
	rs == lead_only
}

test_cross_sector_without_split_lead_only if {
	doc := object.union(cost_and_gain, {"involved_sectors": ["OSU"]})
	rs := contributions.rows with input as {"initiative": doc}
	rs == lead_only
}

test_avvist_contributes_nothing if {
	doc := fx.financed(
		fx.initiative("T-1", "omstilling", "OSK", "avvist", [fx.omstilling(2022, -1500)]),
		[fx.financing_drift(2022, "bufferfond", 1000)],
	)
	rs := contributions.rows with input as {"initiative": doc}
	rs == []
}

test_avvist_split_contributes_nothing if {
	doc := fx.cross_sector(
		fx.initiative("T-1", "nytt_tiltak", "OSK", "avvist", [fx.drift(2022, 9000)]),
		["OSU"],
		[fx.share("OSK", 60, 30), fx.share("OSU", 40, 70)],
	)
	rs := contributions.rows with input as {"initiative": doc}
	rs == []
}

test_missing_status_counts_as_forslag if {
	doc := fx.without_status(cost_and_gain)
	not doc.status
	rs := contributions.rows with input as {"initiative": doc}
	rs == lead_only
	rs2 := contributions.rows with input as {"initiative": doc}
	rs3 := contributions.rows with input as {"initiative": cost_and_gain}
	rs2 == rs3
}

test_every_other_status_contributes if {
	every s in ["forslag", "utredning", "vedtatt", "i_gjennomforing", "gjennomfort", "evaluert"] {
		rs := contributions.rows with input as {"initiative": object.union(cost_and_gain, {"status": s})}
		rs == lead_only
	}
}

test_defaults_bucket_one_off_financing_account if {
	doc := fx.financed(
		fx.forslag("T-1", "nytt_tiltak", "PMK", [
			fx.drift(2021, 100),
			fx.one_off(fx.innsparing(2022, -200)),
			fx.drift_in(2023, 300, "ingen"),
		]),
		[
			fx.financing_drift(2021, "omprioritering", 100),
			fx.financing(2022, "investering", "lan", 500),
		],
	)
	rs := contributions.rows with input as {"initiative": doc}
	rs == [
		line_row("PMK", 2021, "drift", "ingen", false, 100),
		line_row("PMK", 2022, "drift", "innsparing", true, -200),
		line_row("PMK", 2023, "drift", "ingen", false, 300),
		financing_row(2021, "drift", "omprioritering", 100),
		financing_row(2022, "investering", "lan", 500),
	]
}

test_financing_not_split if {
	doc := fx.financed(
		fx.cross_sector(
			fx.forslag("T-1", "nytt_tiltak", "OSK", []),
			["OSU"],
			[fx.share("OSK", 60, 30), fx.share("OSU", 40, 70)],
		),
		[fx.financing_drift(2022, "bufferfond", 1000)],
	)
	rs := contributions.rows with input as {"initiative": doc}
	rs == [financing_row(2022, "drift", "bufferfond", 1000)]
}

test_no_lines_no_financing_no_rows if {
	rs := contributions.rows with input as {"initiative": {"id": "T-1", "type": "nytt_tiltak", "sector": "OSK"}}
	rs == []
}
