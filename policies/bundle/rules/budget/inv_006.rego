# METADATA
# title: For lav egenfinansiering av ikke-rentabel investering
# description: |
#   An investment that is not rentable (investment.rentable given and false) must be
#   financed at least economy.min_equity_share_non_rentable_pct % from sources other
#   than loans: the non-lan share of all investering financing (all years) below that
#   minimum is a warning. Exactly at the minimum passes. Without any investering
#   financing the share is undefined and the rule does not apply (INV-004 reports the
#   missing financing).
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-2
#     description: Kommuneloven § 14-2
# custom:
#   id: INV-006
#   severity: warning
#   category: budget
#   reference: Bærum kommunes finansielle måltall (Kommuneloven § 14-2)
#   waivable: true
#   title_en: Too little equity financing of a non-rentable investment
#   remedy:
#     nb: Øk finansieringen fra andre kilder enn lån (egenkapital, tilskudd, momskompensasjon, salgsinntekt) eller
#       reduser lånet, slik at lånefinansieringen ikke overstiger det måltallet tillater.
#     en: Increase the financing from sources other than loans (equity, grants, VAT compensation, sales income) or
#       reduce the loan, so that loan financing does not exceed what the financial target allows.
package styring.rules.budget.inv_006

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/financing",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Investeringen er ikke rentabel, men bare %s %% av investeringsfinansieringen",
				"(%d av %d kNOK) kommer fra andre kilder enn lån; minstekravet er %s %%.",
			]),
			[result.decimal_nb(_share), _non_loan, _total, result.decimal_nb(_min_pct)],
		),
		sprintf(
			concat(" ", [
				"The investment is not rentable, but only %v %% of its investment financing",
				"(%d of %d kNOK) comes from sources other than loans; the minimum is %v %%.",
			]),
			[_share, _non_loan, _total, _min_pct],
		),
	),
}) if {
	tiltak.doc.type == "investering"
	object.get(tiltak.doc, ["investment", "rentable"], null) == false
	_total > 0
	_non_loan * 100 < _min_pct * _total
}

_min_pct := tiltak.params.economy.min_equity_share_non_rentable_pct

# _total and _non_loan: the investering financing (a missing account is drift), all
# of it and the part from sources other than lan.
_total := sum([a | fs := tiltak.financing_entries; fs[i].account == "investering"; a := fs[i].amount_knok])

_non_loan := _total - sum([a |
	fs := tiltak.financing_entries
	fs[i].account == "investering"
	fs[i].source == "lan"
	a := fs[i].amount_knok
])

# _share: the non-loan share in per cent, rounded down to one decimal for the message
# (so a share just below the minimum never reads as the minimum).
_share := floor((_non_loan * 1000) / _total) / 10

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
