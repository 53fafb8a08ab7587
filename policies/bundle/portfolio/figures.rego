# METADATA
# title: Portfolio figures
# description: |
#   The figures the portfolio rules and the compliance report read, computed from
#   input.rows: the summed contributions of every initiative in the portfolio
#   (see styring.portfolio.contributions). Amounts in kNOK; savings negative.
package styring.portfolio.figures

params := data.styring.parameters

years := params.plan.plan_years

sectors := sort(object.keys(params.sectors.names))

rows := object.get(input, "rows", [])

drift_lines := [r | some r in rows; r.kind == "line"; r.account == "drift"]

# sector_net[s][y]: the attributed net change of sector s's operating budget in year y.
# One rule per sector, with a comprehension per year: OPA indexes the inner sum
# by year, so the cost stays linear in the number of rows.
sector_net[s] := by_year if {
	some s in sectors
	by_year := {y: total |
		some y in years
		total := sum([r.amount_knok | some r in drift_lines; r.sector == s; r.year == y])
	}
}

# efficiency_savings[s][y]: the attributed permanent efficiency savings of sector s in y (a positive number).
efficiency_savings[s] := by_year if {
	some s in sectors
	by_year := {y: saving |
		some y in years
		saving := 0 - sum([r.amount_knok |
			some r in drift_lines
			r.sector == s
			r.year == y
			r.bucket == "effektivisering"
			r.one_off == false
			r.amount_knok < 0
		])
	}
}

# omstilling_level[y] = L(y): minus the sum of permanent drift lines with bucket omstilling.
omstilling_level[y] := level if {
	some y in years
	level := 0 - sum([r.amount_knok |
		some r in drift_lines
		r.year == y
		r.bucket == "omstilling"
		r.one_off == false
	])
}

# total_net_drift[y]: the net change of the whole portfolio's operating budget in year y.
total_net_drift[y] := total if {
	some y in years
	total := sum([r.amount_knok | some r in drift_lines; r.year == y])
}

# net_operating_result_pct[y]: the projected netto driftsresultat with the
# portfolio, as a percentage of operating revenue.
net_operating_result_pct[y] := pct if {
	some y in years
	key := sprintf("%d", [y])
	projected := params.projections.net_operating_result_knok[key] - total_net_drift[y]
	pct := (projected * 100) / params.projections.operating_revenue_knok[key]
}

# bufferfond_use: all financing from the buffer fund.
bufferfond_use := sum([r.amount_knok | some r in rows; r.kind == "financing"; r.source == "bufferfond"])

buffer_fund_end := params.projections.buffer_fund_end_of_period_knok - bufferfond_use

# report is every figure with the limit it is held against, as the compliance
# report shows them: a row per sector and year, a row per year, and the buffer fund.
report := {
	"sectors": [row |
		some s in sectors
		some y in years
		key := sprintf("%d", [y])
		target_pct := object.get(params.omstilling.efficiency_cumulative_pct, key, 0)
		row := {
			"sector": s,
			"name": params.sectors.names[s],
			"chapter": params.sectors.chapter[s],
			"year": y,
			"net_change_knok": sector_net[s][y],
			"change_room_knok": params.sectors.change_room_knok[s][key],
			"net_frame_knok": params.sectors.net_frame_knok[s][key],
			"efficiency_savings_knok": efficiency_savings[s][y],
			"efficiency_target_pct": target_pct,
			"efficiency_target_knok": (round(target_pct * 100) * params.sectors.net_frame_knok[s][key]) / 10000,
		}
	],
	"years": [row |
		some y in years
		key := sprintf("%d", [y])
		row := {
			"year": y,
			"omstilling_level_knok": omstilling_level[y],
			"omstilling_required_knok": params.omstilling.required_cumulative_knok[key],
			"omstilling_upper_knok": params.omstilling.upper_cumulative_knok[key],
			"total_net_drift_knok": total_net_drift[y],
			"net_operating_result_pct": net_operating_result_pct[y],
			"min_net_operating_result_pct": params.economy.min_net_operating_result_pct,
		}
	],
	"buffer_fund": {
		"start_of_plan_knok": params.projections.buffer_fund_end_of_period_knok,
		"use_knok": bufferfond_use,
		"end_of_period_knok": buffer_fund_end,
		"minimum_knok": params.economy.min_buffer_fund_end_of_period_knok,
	},
}
