# METADATA
# title: Initiative vocabulary
# description: |
#   The terms of rules.md's conventions, defined once: the as-of date D, the plan
#   years P, net(y), the saving types S, the status order, and "set", "true" and
#   "given"; and the facts of the document several rules share (P and the default
#   period as text, the sectors of a cross-sector split, the climate effect). Rules
#   read the initiative only through input.initiative and these helpers.
package styring.lib.initiative

doc := input.initiative

params := data.styring.parameters

# as_of is D: the caller's as-of date, else submitted_at, else today (UTC).
# The Go engine always supplies input.as_of; the fallbacks keep the policy
# correct when it is queried directly (opa eval, opa run --server).
as_of := d if {
	d := input.as_of
} else := doc.submitted_at if {
	doc.submitted_at
} else := substring(time.format([time.now_ns(), "UTC", "2006-01-02"]), 0, 10)

# filled is rules.md's "set": present and not an empty string, array, set or object.
filled(x) if {
	x != ""
	x != []
	x != {}
	x != set()
	x != null
}

# set_at, true_at and given_at test a field of the initiative by its path (an
# array of keys and indexes). Use them rather than filled(doc.a.b): a missing
# parent makes such a ref undefined, and `not filled(doc.a.b)` then fails instead
# of holding.
set_at(path) if filled(object.get(doc, path, null))

# true: present and true.
true_at(path) if object.get(doc, path, false) == true

# given: present (for a boolean, true or false).
given_at(path) if object.get(doc, path, null) != null

# value_at returns the field at path, or null when it is missing.
value_at(path) := object.get(doc, path, null)

# Plan years P.
plan_period_valid if doc.plan_period.end_year >= doc.plan_period.start_year

plan_years := numbers.range(doc.plan_period.start_year, doc.plan_period.end_year) if plan_period_valid

plan_years := params.plan.plan_years if not plan_period_valid

plan_year_set := {y | some y in plan_years}

# period is P written as a range (2021–2024), for messages.
period := sprintf("%d–%d", [min(plan_years), max(plan_years)])

# default_period is parameters.plan.plan_years written as a range: the P of an
# initiative without a valid plan_period, for messages.
default_period := sprintf("%d–%d", [min(years), max(years)]) if {
	years := params.plan.plan_years
}

# The budget lines and financing entries as the document has them. Iterate
# these directly and apply the defaults of rules.md inline
# (object.get(l, "one_off", false), object.get(l, "bucket", "ingen"),
# object.get(f, "account", "drift")): building defaulted copies costs more than
# every rule reading them.
budget_effects := object.get(doc, "budget_effects", [])

financing_entries := object.get(doc, "financing", [])

# drift_years: the years that have a drift line.
drift_years contains l.year if {
	some l in budget_effects
	l.account == "drift"
}

# net_by_year[y] = net(y) for every year with a drift line. One comprehension
# per year, indexed by year, so the cost stays linear in the number of lines.
net_by_year[y] := total if {
	some y in drift_years
	total := sum([l.amount_knok | some l in budget_effects; l.account == "drift"; l.year == y])
}

# net_in(y) is net(y) of rules.md. On hot paths prefer object.get(tiltak.net_by_year, y, 0):
# a function call costs more than the lookup.
net_in(y) := object.get(net_by_year, y, 0)

saving_types := {"omstilling", "effektivisering", "innsparing"}

is_saving_type if doc.type in saving_types

status_rank := {
	"forslag": 0,
	"utredning": 1,
	"vedtatt": 2,
	"i_gjennomforing": 3,
	"gjennomfort": 4,
	"evaluert": 5,
}

status := object.get(doc, "status", "forslag")

# status_at_least and status_below never hold for avvist (it has no rank).
status_at_least(s) if status_rank[status] >= status_rank[s]

status_below(s) if status_rank[status] < status_rank[s]

# Cross-sector: some involved sector is not the lead sector.
is_cross_sector if {
	some s in doc.involved_sectors
	s != doc.sector
}

# other_sectors lists the involved sectors other than the lead, sorted, for messages.
other_sectors := concat(", ", sort({s | some s in doc.involved_sectors; s != doc.sector}))

# The sectors a split must cover: the lead and every involved sector.
split_required_sectors := {doc.sector} | {s | some s in object.get(doc, "involved_sectors", [])}

split_sectors contains e.sector if {
	some e in doc.cross_sector_split
}

# hundredths rounds a share to an integer number of hundredths.
hundredths(x) := round(x * 100)

split_cost_hundredths := sum([hundredths(e.cost_share_pct) | some e in doc.cross_sector_split])

split_gain_hundredths := sum([hundredths(e.gain_share_pct) | some e in doc.cross_sector_split])

# valid_split holds when the split passes STR-004: it covers the lead and every
# involved sector and each kind of share sums to exactly 100.00.
valid_split if {
	is_cross_sector
	count(split_required_sectors - split_sectors) == 0
	split_cost_hundredths == 10000
	split_gain_hundredths == 10000
}

# climate_effect is climate.effect_tco2e_per_year, 0 when it is not given.
climate_effect := object.get(doc, ["climate", "effect_tco2e_per_year"], 0)
