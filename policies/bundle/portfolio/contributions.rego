# METADATA
# title: Portfolio contributions of one initiative
# description: |
#   What one initiative (input.initiative) adds to the portfolio figures: each
#   budget line attributed to sectors, and each financing entry. A line counts for
#   the lead sector; when the initiative has a valid cross-sector split (STR-004
#   passes), a positive amount is split by cost_share_pct and a negative one by
#   gain_share_pct. A split on an initiative that involves no other sector is not
#   used. An initiative with status avvist contributes nothing. The engine sums
#   the rows of all initiatives by every field but the amount (keeping the sign
#   apart), and the portfolio rules read those sums.
package styring.portfolio.contributions

import data.styring.lib.initiative as tiltak

# included: avvist (rejected) initiatives are not part of the portfolio.
included if tiltak.status != "avvist"

default rows := []

rows := array.concat(line_rows, financing_rows) if included

# line_rows: every budget line, for the lead sector or split by the valid
# cross-sector split. Written without function calls: this runs for every
# stored initiative when a report is built.
line_rows := lead_rows if not tiltak.valid_split

line_rows := split_rows if tiltak.valid_split

lead_rows := [row |
	some l in tiltak.budget_effects
	row := {
		"kind": "line",
		"sector": tiltak.doc.sector,
		"year": l.year,
		"account": l.account,
		"bucket": object.get(l, "bucket", "ingen"),
		"one_off": object.get(l, "one_off", false),
		"amount_knok": l.amount_knok,
	}
]

# split_rows: a positive amount split by cost_share_pct, a negative one (or 0) by
# gain_share_pct: [gain, cost][1 when the amount is positive].
split_rows := [row |
	some l in tiltak.budget_effects
	some e in tiltak.doc.cross_sector_split
	share := [e.gain_share_pct, e.cost_share_pct][to_number(l.amount_knok > 0)]
	row := {
		"kind": "line",
		"sector": e.sector,
		"year": l.year,
		"account": l.account,
		"bucket": object.get(l, "bucket", "ingen"),
		"one_off": object.get(l, "one_off", false),
		"amount_knok": (l.amount_knok * share) / 100,
	}
]

financing_rows := [row |
	some f in tiltak.financing_entries
	row := {
		"kind": "financing",
		"year": f.year,
		"account": object.get(f, "account", "drift"),
		"source": f.source,
		"amount_knok": f.amount_knok,
	}
]
