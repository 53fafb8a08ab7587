# METADATA
# title: Portfolio test fixtures
# description: |
#   Small constructors for the minimal initiatives the portfolio tests feed in, and
#   brief / messages to compare whole result sets. A test runs the contributions of
#   each initiative as the engine does (contributions.rows with that initiative as
#   input) and gives the rows, concatenated, to the portfolio rules as input.rows.
package styring.portfolio.test.fixtures

# initiative is a minimal initiative: the fields the portfolio reads.
initiative(id, type, sector, status, lines) := {
	"id": id,
	"type": type,
	"sector": sector,
	"status": status,
	"budget_effects": lines,
}

# forslag is an initiative with status forslag.
forslag(id, type, sector, lines) := initiative(id, type, sector, "forslag", lines)

# without_status drops the status (it then counts as forslag).
without_status(doc) := json.remove(doc, ["status"])

# cross_sector adds involved sectors and a cross-sector split.
cross_sector(doc, involved, shares) := object.union(doc, {
	"involved_sectors": involved,
	"cross_sector_split": shares,
})

# share is one entry of a cross-sector split.
share(sector, cost_pct, gain_pct) := {"sector": sector, "cost_share_pct": cost_pct, "gain_share_pct": gain_pct}

# financed adds financing entries.
financed(doc, entries) := object.union(doc, {"financing": entries})

# drift is an operating line without bucket or one_off (the defaults apply).
drift(year, amount) := {"year": year, "account": "drift", "amount_knok": amount}

# drift_in is an operating line in a bucket.
drift_in(year, amount, bucket) := object.union(drift(year, amount), {"bucket": bucket})

# omstilling, effektivisering and innsparing are operating lines in that bucket.
omstilling(year, amount) := drift_in(year, amount, "omstilling")

effektivisering(year, amount) := drift_in(year, amount, "effektivisering")

innsparing(year, amount) := drift_in(year, amount, "innsparing")

# one_off marks a line as one-off.
one_off(line) := object.union(line, {"one_off": true})

# investering is an investment line.
investering(year, amount) := {"year": year, "account": "investering", "amount_knok": amount}

# per_year is one line per plan year 2021-2024 from a constructor name and four amounts.
per_year(kind, amounts) := [line |
	some i, amount in amounts
	line := line_of(kind, 2021 + i, amount)
]

line_of("drift", year, amount) := drift(year, amount)

line_of("omstilling", year, amount) := omstilling(year, amount)

line_of("effektivisering", year, amount) := effektivisering(year, amount)

line_of("investering", year, amount) := investering(year, amount)

# financing is a financing entry with an explicit account.
financing(year, account, source, amount) := {"year": year, "account": account, "source": source, "amount_knok": amount}

# financing_drift is a financing entry without account (it defaults to drift).
financing_drift(year, source, amount) := {"year": year, "source": source, "amount_knok": amount}

# brief projects violations on what the catalog fixes: id, severity, sector and year (absent keys omitted).
brief(vs) := {object.filter(v, {"rule_id", "severity", "sector", "year"}) | some v in vs}

# messages projects violations on their messages in both languages.
messages(vs) := {v.message | some v in vs}
