package styring.portfolio.main_test

import data.styring.portfolio.contributions
import data.styring.portfolio.main
import data.styring.portfolio.test.examples
import data.styring.portfolio.test.fixtures as fx

# portfolio: the contract's example portfolio, testdata/examples/portfolio/P-0000 … P-0011.
portfolio := examples.portfolio

# expected: the violations of testdata/examples/portfolio/expected.json, projected as fx.brief does.
expected := {v | some v in examples.expected.violations}

test_example_portfolio_yields_expected if {
	rows := [r | some d in portfolio; some r in contributions.rows with input as {"initiative": d}]
	vs := main.violations with input as {"rows": rows}
	fx.brief(vs) == expected
	count(vs) == count(expected)
}

test_example_portfolio_violations_are_the_rules_violations if {
	rows := [r | some d in portfolio; some r in contributions.rows with input as {"initiative": d}]
	vs := main.violations with input as {"rows": rows}
	every v in vs {
		startswith(v.rule_id, "P")
		v.message.nb != ""
		v.message.en != ""
		"value" in object.keys(v)
		"limit" in object.keys(v)
		not v.path
	}
}

test_example_portfolio_figures if {
	rows := [r | some d in portfolio; some r in contributions.rows with input as {"initiative": d}]
	f := main.figures with input as {"rows": rows}
	f.buffer_fund == {
		"start_of_plan_knok": 180000,
		"use_knok": 300000,
		"end_of_period_knok": -120000,
		"minimum_knok": 100000,
	}
	count(f.sectors) == 32
	[[r.sector, r.year] | some r in f.sectors][0] == ["HSO", 2021]

	# OSU 2022: its own -27000, plus 40 % of the costs of P-0007 (3600) and P-0009 (9000),
	# minus 15000 from P-0002.
	[r | some r in f.sectors; r.sector == "OSU"; r.year == 2022] == [{
		"sector": "OSU",
		"name": "Organisasjon, styring og utvikling",
		"chapter": "Organisasjon, styring og utvikling",
		"year": 2022,
		"net_change_knok": -36960,
		"change_room_knok": 0,
		"net_frame_knok": 850000,
		"efficiency_savings_knok": 27000,
		"efficiency_target_pct": 0.7,
		"efficiency_target_knok": 5950,
	}]
	[r.efficiency_target_pct | some r in f.sectors; r.sector == "OSU"] == [0, 0.7, 1.4, 2.1]
	[[r.year, r.total_net_drift_knok, r.omstilling_level_knok] | some r in f.years] == [
		[2021, 9500, 0],
		[2022, -80100, 63000],
		[2023, -104700, 126000],
		[2024, -27900, 126000],
	]
	y2022 := [r | some r in f.years; r.year == 2022][0]
	object.remove(y2022, ["net_operating_result_pct"]) == {
		"year": 2022,
		"omstilling_level_knok": 63000,
		"omstilling_required_knok": 200000,
		"omstilling_upper_knok": 300000,
		"total_net_drift_knok": -80100,
		"min_net_operating_result_pct": 4,
	}

	# (302000 + 80100) / 12550000
	abs(y2022.net_operating_result_pct - 3.0446215139) < 0.0000001
}

# An input without rows is the empty portfolio.
test_input_without_rows_is_the_empty_portfolio if {
	vs := main.violations with input as {}
	vs == main.violations with input as {"rows": []}
	b := fx.brief(vs)
	count(b) == 32
	{v.rule_id | some v in b} == {"PBUD-001", "POMS-001", "POMS-002", "PFIN-001"}
	{v | some v in b; v.rule_id == "PBUD-001"} == {
		{"rule_id": "PBUD-001", "severity": "error", "sector": "OBH", "year": 2022},
		{"rule_id": "PBUD-001", "severity": "error", "sector": "OBH", "year": 2023},
		{"rule_id": "PBUD-001", "severity": "error", "sector": "OBH", "year": 2024},
	}
	f := main.figures with input as {}
	f.buffer_fund.end_of_period_knok == 180000
	every r in f.sectors {
		r.net_change_knok == 0
		r.efficiency_savings_knok == 0
	}
}

test_avvist_initiative_of_the_example_portfolio_left_out if {
	# P-0004 (avvist) adds omstilling; with it the levels would be 1500 / 3000 higher.
	rows := [r | some d in portfolio; some r in contributions.rows with input as {"initiative": d}]
	docs := [d | some d in portfolio; d.id != "P-0004"]
	rows == [r | some d in docs; some r in contributions.rows with input as {"initiative": d}]
	f := main.figures with input as {"rows": rows}
	[r.omstilling_level_knok | some r in f.years] == [0, 63000, 126000, 126000]
}
