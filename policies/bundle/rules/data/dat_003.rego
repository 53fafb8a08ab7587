# METADATA
# title: Budsjettlinjen gjentar en tidligere linje
# description: |
#   Two budget_effects lines may not share year, account, bucket and one_off (with the
#   defaults bucket ingen and one_off false applied, so a missing bucket equals an
#   explicit ingen). Every line that repeats an earlier one is flagged at its own path;
#   the first occurrence is not. The message names the earlier line (numbered from 1,
#   as a form shows them) and both amounts, so the lines can be merged.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-4
#     description: Kommuneloven § 14-4
# custom:
#   id: DAT-003
#   severity: error
#   category: data
#   reference: Kommuneloven § 14-4 (oversiktlig)
#   waivable: false
#   title_en: The budget line repeats an earlier line
#   remedy:
#     nb: Slå sammen budsjettlinjer med samme år, konto, bucket og engangsmarkering (one_off) til én linje med summen av
#       beløpene, eller rett feltet som skiller dem.
#     en: Merge budget lines with the same year, account, bucket and one-off flag (one_off) into one line with the sum
#       of the amounts, or correct the field that tells them apart.
package styring.rules.data.dat_003

import data.styring.lib.budget
import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/budget_effects/%d", [i]),
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Budsjettlinje nr. %d (%d, %s, bucket %s, %s, %d kNOK) gjentar linje nr. %d (%d kNOK).",
				"Slå linjene sammen til én linje.",
			]),
			[i + 1, k[0], k[1], k[2], _one_off_nb[k[3]], l.amount_knok, first + 1, first_amount],
		),
		sprintf(
			"Budget line no. %d (%d, %s, bucket %s, %s, %d kNOK) repeats line no. %d (%d kNOK). Merge the lines into one.",
			[i + 1, k[0], k[1], k[2], _one_off_en[k[3]], l.amount_knok, first + 1, first_amount],
		),
	),
}) if {
	not _distinct_keys
	some i, k in _keys
	same := [j | some j, kj in _keys; kj == k]
	first := same[0]
	first < i
	l := tiltak.budget_effects[i]
	first_amount := tiltak.budget_effects[first].amount_knok
}

# _keys[i] is line i's identity: (year, account, bucket, one_off), defaults applied.
_keys := [[l.year, l.account, object.get(l, "bucket", "ingen"), object.get(l, "one_off", false)] |
	some l in tiltak.budget_effects
]

_one_off_nb := {true: "engangs", false: "varig"}

_one_off_en := {true: "one-off", false: "permanent"}

# _distinct_keys is a cheap proof that no two lines share their identity, so that
# _keys is built only when two lines may repeat each other. Lines with the same
# identity share the year, and fall in the same group of each body below.
#
# No two lines share a year.
_distinct_keys if count(budget.line_years) == count(tiltak.budget_effects)

# No two lines of an account share a year (drift and investering lines).
_distinct_keys if {
	count(budget.investering_lines) > 0
	count(tiltak.drift_years) + count(budget.investering_years) == count(tiltak.budget_effects)
}

# The groups one_off, omstilling, effektivisering, investering and the rest are
# disjoint, and no two lines of a group share a year.
_distinct_keys if {
	sizes := [
		count(budget.one_off_lines), count(budget.omstilling_lines),
		count(budget.effektivisering_lines), count(budget.investering_lines),
	]
	count(_grouped_lines) == sum(sizes)
	every group in [
		budget.one_off_lines, budget.omstilling_lines, budget.effektivisering_lines, budget.investering_lines,
		_all_lines - _grouped_lines,
	] {
		count({y | ls := tiltak.budget_effects; some i in group; y := ls[i].year}) == count(group)
	}
}

# The lines of the groups (the indexes of lib/budget.rego; gain_lines are the
# omstilling and effektivisering lines).
_grouped_lines := (budget.one_off_lines | budget.gain_lines) | budget.investering_lines

_all_lines contains i if {
	some i, _ in tiltak.budget_effects
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
