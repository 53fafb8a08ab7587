# METADATA
# title: Budsjettlinjen mangler beregningsgrunnlag
# description: |
#   A budget figure must be realistic and traceable: every budget_effects line (drift
#   or investering) with |amount_knok| at or above economy.calc_basis_min_knok needs a
#   calc_basis (set: present and not empty). A warning, but an error for the saving
#   types omstilling, effektivisering and innsparing, whose gains are taken out of the
#   budget. One violation per line.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-4
#     description: Kommuneloven § 14-4
# custom:
#   id: BUD-004
#   severity: warning
#   category: budget
#   reference: Kommuneloven § 14-4 (realistisk)
#   waivable: true
#   title_en: The budget line has no calculation basis
#   remedy:
#     nb: Beskriv i calc_basis hvordan beløpet er beregnet (mengde, pris, fra når), slik at det kan etterprøves.
#     en: Describe in calc_basis how the amount was calculated (quantity, price, from when), so that it can be verified.
package styring.rules.budget.bud_004

import data.styring.lib.budget
import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/budget_effects/%d/calc_basis", [i]),
	"severity": _severity,
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Budsjettlinje nr. %d (%d, %s, %d kNOK) mangler beregningsgrunnlag (calc_basis);",
				"det kreves når beløpet er minst %d kNOK i absoluttverdi%s.",
			]),
			[i + 1, l.year, l.account, l.amount_knok, _limit, _type_note_nb],
		),
		sprintf(
			concat(" ", [
				"Budget line no. %d (%d, %s, %d kNOK) has no calculation basis (calc_basis);",
				"one is required when the absolute amount is at least %d kNOK%s.",
			]),
			[i + 1, l.year, l.account, l.amount_knok, _limit, _type_note_en],
		),
	),
}) if {
	_large_amount
	some i, l in tiltak.budget_effects

	# calc_basis is a string: not set is missing or "".
	object.get(l, "calc_basis", "") == ""
	abs(l.amount_knok) >= _limit
}

_limit := tiltak.params.economy.calc_basis_min_knok

# _large_amount: some line has |amount_knok| >= _limit. When min(budget.amounts) is
# positive, max(budget.amounts) is at least as large.
_large_amount if max(budget.amounts) >= _limit

_large_amount if abs(min(budget.amounts)) >= _limit

default _severity := "warning"

_severity := "error" if tiltak.is_saving_type

default _type_note_nb := ""

_type_note_nb := sprintf(", og for tiltakstypen %s er det en feil", [tiltak.doc.type]) if tiltak.is_saving_type

default _type_note_en := ""

_type_note_en := sprintf(", and for the initiative type %s it is an error", [tiltak.doc.type]) if tiltak.is_saving_type

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
