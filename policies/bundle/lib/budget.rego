# METADATA
# title: Budget lines
# description: |
#   The facts of budget_effects several rules share, each computed once per
#   query: the years that have a line, the years outside P, every amount, and the
#   indexes of the lines by one_off, bucket and account (as the document has them:
#   a missing one_off is false, a missing bucket ingen). The drift years and net(y)
#   are rules.md's terms and live in the vocabulary (lib/initiative.rego).
package styring.lib.budget

import data.styring.lib.initiative as tiltak

# line_years: the years that have a budget line.
line_years := {y | y := tiltak.budget_effects[_].year}

# outside_years: the years of budget lines that are not plan years.
outside_years := line_years - tiltak.plan_year_set

# amounts: every line's amount_knok, in line order.
amounts := [a | a := tiltak.budget_effects[_].amount_knok]

# one_off_lines: the indexes of the lines with one_off true.
one_off_lines contains i if {
	ls := tiltak.budget_effects
	some i
	ls[i].one_off == true
}

# omstilling_lines and effektivisering_lines: the indexes of the lines in the bucket.
omstilling_lines contains i if {
	ls := tiltak.budget_effects
	some i
	ls[i].bucket == "omstilling"
}

effektivisering_lines contains i if {
	ls := tiltak.budget_effects
	some i
	ls[i].bucket == "effektivisering"
}

# gain_lines: the indexes of the lines in bucket omstilling or effektivisering.
gain_lines := omstilling_lines | effektivisering_lines

# investering_lines: the indexes of the lines on account investering.
investering_lines contains i if {
	ls := tiltak.budget_effects
	some i
	ls[i].account == "investering"
}

# investering_years: the years that have a line on account investering.
investering_years contains y if {
	ls := tiltak.budget_effects
	some i
	ls[i].account == "investering"
	y := ls[i].year
}
