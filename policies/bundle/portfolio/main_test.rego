package styring.portfolio.main_test

import data.styring.portfolio.main
import data.styring.portfolio.test.fixtures as fx

# The shared portfolio of shared/examples/portfolio/P-0000 … P-0011, with the
# fields the portfolio reads (same figures; titles, KPIs and the rest left out).

# P-0000: Automatisering av fakturabehandling (RPA)
p_0000 := fx.initiative("P-0000", "effektivisering", "PMK", "utredning", [
	fx.effektivisering(2021, -2000),
	fx.effektivisering(2022, -2700),
	fx.effektivisering(2023, -2700),
	fx.effektivisering(2024, -2700),
])

# P-0001: Rehabilitering og utvidelse av Lysaker skole
p_0001 := fx.financed(
	fx.initiative("P-0001", "investering", "HSO", "forslag", [
		fx.investering(2021, 400000),
		fx.investering(2022, 900000),
		fx.investering(2023, 300000),
		fx.drift(2021, 0),
		fx.drift(2022, 0),
		fx.drift(2023, 12000),
		fx.drift(2024, 36000),
	]),
	[
		fx.financing(2021, "investering", "lan", 200000),
		fx.financing(2021, "investering", "egenkapital_drift", 120000),
		fx.financing(2021, "investering", "momskompensasjon", 80000),
		fx.financing(2022, "investering", "lan", 450000),
		fx.financing(2022, "investering", "egenkapital_drift", 270000),
		fx.financing(2022, "investering", "momskompensasjon", 180000),
		fx.financing(2023, "investering", "lan", 150000),
		fx.financing(2023, "investering", "egenkapital_drift", 90000),
		fx.financing(2023, "investering", "momskompensasjon", 60000),
		fx.financing(2023, "drift", "omprioritering", 12000),
		fx.financing(2024, "drift", "omprioritering", 36000),
		fx.financing(2022, "drift", "bufferfond", 100000),
	],
)

# P-0002: Digitale læremidler – felles lisenspakke for grunnskolen
p_0002 := fx.initiative("P-0002", "omstilling", "OSU", "forslag", [
	fx.drift(2021, 0),
	fx.omstilling(2022, -15000),
	fx.omstilling(2023, -30000),
	fx.omstilling(2024, -30000),
])

# P-0003: Digitale læremidler – felles lisenspakke for grunnskolen
p_0003 := fx.initiative("P-0003", "omstilling", "TEK", "forslag", [
	fx.drift(2021, 0),
	fx.omstilling(2022, -15000),
	fx.omstilling(2023, -30000),
	fx.omstilling(2024, -30000),
])

# P-0004: Digitale læremidler – felles lisenspakke for grunnskolen
p_0004 := fx.initiative("P-0004", "omstilling", "POM", "avvist", [
	fx.drift(2021, 0),
	fx.omstilling(2022, -1500),
	fx.omstilling(2023, -3000),
	fx.omstilling(2024, -3000),
])

# P-0005: Digitale læremidler – felles lisenspakke for grunnskolen
p_0005 := fx.initiative("P-0005", "omstilling", "HSO", "forslag", [
	fx.drift(2021, 0),
	fx.omstilling(2022, -3000),
	fx.omstilling(2023, -6000),
	fx.omstilling(2024, -6000),
])

# P-0006: Automatisering av fakturabehandling (RPA)
p_0006 := fx.initiative("P-0006", "effektivisering", "OSU", "utredning", [
	fx.effektivisering(2021, -20000),
	fx.effektivisering(2022, -27000),
	fx.effektivisering(2023, -27000),
	fx.effektivisering(2024, -27000),
])

# P-0007: Innbyggerapp for søknad om helse- og omsorgstjenester
p_0007 := fx.financed(
	fx.cross_sector(
		fx.initiative("P-0007", "nytt_tiltak", "OBH", "vedtatt", [
			fx.one_off(fx.drift(2021, 9000)),
			fx.drift(2022, 3600),
			fx.drift(2023, 3600),
			fx.drift(2024, 3600),
		]),
		["OBH", "OSU"],
		[fx.share("OBH", 60, 30), fx.share("OSU", 40, 70)],
	),
	[
		fx.financing(2021, "drift", "disposisjonsfond", 9000),
		fx.financing(2022, "drift", "omprioritering", 3600),
		fx.financing(2023, "drift", "omprioritering", 3600),
		fx.financing(2024, "drift", "omprioritering", 3600),
	],
)

# P-0008: Digitale læremidler – felles lisenspakke for grunnskolen
p_0008 := fx.financed(
	fx.initiative("P-0008", "omstilling", "HSO", "forslag", [
		fx.drift(2021, 0),
		fx.omstilling(2022, -30000),
		fx.omstilling(2023, -60000),
		fx.omstilling(2024, -60000),
	]),
	[
		fx.financing(2022, "drift", "bufferfond", 200000),
	],
)

# P-0009: Innbyggerapp for søknad om helse- og omsorgstjenester
p_0009 := fx.financed(
	fx.cross_sector(
		fx.initiative("P-0009", "nytt_tiltak", "OSK", "vedtatt", [
			fx.one_off(fx.drift(2021, 22500)),
			fx.drift(2022, 9000),
			fx.drift(2023, 9000),
			fx.drift(2024, 9000),
		]),
		["OSK", "OSU"],
		[fx.share("OSK", 60, 30), fx.share("OSU", 40, 70)],
	),
	[
		fx.financing(2021, "drift", "disposisjonsfond", 22500),
		fx.financing(2022, "drift", "omprioritering", 9000),
		fx.financing(2023, "drift", "omprioritering", 9000),
		fx.financing(2024, "drift", "omprioritering", 9000),
	],
)

# P-0010: Rehabilitering og utvidelse av Lysaker skole
p_0010 := fx.financed(
	fx.initiative("P-0010", "investering", "PMK", "forslag", [
		fx.investering(2021, 80000),
		fx.investering(2022, 180000),
		fx.investering(2023, 60000),
		fx.drift(2021, 0),
		fx.drift(2022, 0),
		fx.drift(2023, 2400),
		fx.drift(2024, 7200),
	]),
	[
		fx.financing(2021, "investering", "lan", 40000),
		fx.financing(2021, "investering", "egenkapital_drift", 24000),
		fx.financing(2021, "investering", "momskompensasjon", 16000),
		fx.financing(2022, "investering", "lan", 90000),
		fx.financing(2022, "investering", "egenkapital_drift", 54000),
		fx.financing(2022, "investering", "momskompensasjon", 36000),
		fx.financing(2023, "investering", "lan", 30000),
		fx.financing(2023, "investering", "egenkapital_drift", 18000),
		fx.financing(2023, "investering", "momskompensasjon", 12000),
		fx.financing(2023, "drift", "omprioritering", 2400),
		fx.financing(2024, "drift", "omprioritering", 7200),
	],
)

# P-0011: Rehabilitering og utvidelse av Lysaker skole
p_0011 := fx.financed(
	fx.initiative("P-0011", "investering", "OSU", "forslag", [
		fx.investering(2021, 800000),
		fx.investering(2022, 1800000),
		fx.investering(2023, 600000),
		fx.drift(2021, 0),
		fx.drift(2022, 0),
		fx.drift(2023, 24000),
		fx.drift(2024, 72000),
	]),
	[
		fx.financing(2021, "investering", "lan", 400000),
		fx.financing(2021, "investering", "egenkapital_drift", 240000),
		fx.financing(2021, "investering", "momskompensasjon", 160000),
		fx.financing(2022, "investering", "lan", 900000),
		fx.financing(2022, "investering", "egenkapital_drift", 540000),
		fx.financing(2022, "investering", "momskompensasjon", 360000),
		fx.financing(2023, "investering", "lan", 300000),
		fx.financing(2023, "investering", "egenkapital_drift", 180000),
		fx.financing(2023, "investering", "momskompensasjon", 120000),
		fx.financing(2023, "drift", "omprioritering", 24000),
		fx.financing(2024, "drift", "omprioritering", 72000),
	],
)

portfolio := [p_0000, p_0001, p_0002, p_0003, p_0004, p_0005, p_0006, p_0007, p_0008, p_0009, p_0010, p_0011]

# expected: shared/examples/portfolio/expected.json.
expected := {
	{"rule_id": "PBUD-001", "severity": "error", "sector": "OBH", "year": 2021},
	{"rule_id": "PBUD-001", "severity": "error", "sector": "OBH", "year": 2022},
	{"rule_id": "PBUD-001", "severity": "error", "sector": "OBH", "year": 2023},
	{"rule_id": "PBUD-001", "severity": "error", "sector": "OBH", "year": 2024},
	{"rule_id": "PBUD-001", "severity": "error", "sector": "OSK", "year": 2021},
	{"rule_id": "PBUD-001", "severity": "error", "sector": "OSK", "year": 2022},
	{"rule_id": "PBUD-001", "severity": "error", "sector": "OSK", "year": 2023},
	{"rule_id": "PBUD-001", "severity": "error", "sector": "OSK", "year": 2024},
	{"rule_id": "PBUD-001", "severity": "error", "sector": "OSU", "year": 2024},
	{"rule_id": "PBUD-001", "severity": "error", "sector": "PMK", "year": 2024},
	{"rule_id": "PFIN-001", "severity": "warning", "year": 2021},
	{"rule_id": "PFIN-001", "severity": "warning", "year": 2022},
	{"rule_id": "PFIN-001", "severity": "warning", "year": 2023},
	{"rule_id": "PFIN-001", "severity": "warning", "year": 2024},
	{"rule_id": "PFIN-002", "severity": "error"},
	{"rule_id": "POMS-001", "severity": "warning", "year": 2021},
	{"rule_id": "POMS-001", "severity": "warning", "year": 2022},
	{"rule_id": "POMS-001", "severity": "warning", "year": 2023},
	{"rule_id": "POMS-001", "severity": "warning", "year": 2024},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "HSO", "year": 2022},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "HSO", "year": 2023},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "HSO", "year": 2024},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "OBH", "year": 2022},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "OBH", "year": 2023},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "OBH", "year": 2024},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "OSK", "year": 2022},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "OSK", "year": 2023},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "OSK", "year": 2024},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "PMK", "year": 2022},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "PMK", "year": 2023},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "PMK", "year": 2024},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "POM", "year": 2022},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "POM", "year": 2023},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "POM", "year": 2024},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "TEK", "year": 2022},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "TEK", "year": 2023},
	{"rule_id": "POMS-002", "severity": "warning", "sector": "TEK", "year": 2024},
}

test_shared_portfolio_yields_expected if {
	inp := fx.input_of(portfolio)
	vs := main.violations with input as inp
	fx.brief(vs) == expected
	count(vs) == count(expected)
}

test_shared_portfolio_violations_are_the_rules_violations if {
	inp := fx.input_of(portfolio)
	vs := main.violations with input as inp
	every v in vs {
		startswith(v.rule_id, "P")
		v.message.nb != ""
		v.message.en != ""
		"value" in object.keys(v)
		"limit" in object.keys(v)
		not v.path
	}
}

test_shared_portfolio_figures if {
	inp := fx.input_of(portfolio)
	f := main.figures with input as inp
	f.buffer_fund == {"start_of_plan_knok": 180000, "use_knok": 300000, "end_of_period_knok": -120000, "minimum_knok": 100000}
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

test_avvist_initiative_of_the_shared_portfolio_left_out if {
	# P-0004 (avvist) adds omstilling; with it the levels would be 1500 / 3000 higher.
	rows := fx.rows_of(portfolio)
	rows == fx.rows_of([d | some d in portfolio; d.id != "P-0004"])
	inp := {"rows": rows}
	f := main.figures with input as inp
	[r.omstilling_level_knok | some r in f.years] == [0, 63000, 126000, 126000]
}
