# METADATA
# title: Lån brukt til annet enn investering
# description: |
#   Loans may finance only investments in assets the municipality itself owns. A
#   financing entry with source lan is flagged when its account is drift (the default
#   when account is missing), when the initiative's type is not investering, or when
#   investment.owner_is_kommune is not true; one violation per entry, the message
#   lists every reason.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-15
#     description: Kommuneloven § 14-15
# custom:
#   id: INV-002
#   severity: error
#   category: budget
#   reference: Kommuneloven § 14-15 (lån bare til investeringer)
#   waivable: true
#   title_en: A loan is used for something other than an investment
#   remedy:
#     nb: Finansier driftsutgifter og tiltak som ikke er investeringer uten lån, og bruk lån bare til investeringer i
#       eiendeler kommunen eier selv (investment.owner_is_kommune).
#     en: Finance operating costs and initiatives that are not investments without loans, and use loans only for
#       investments in assets the municipality itself owns (investment.owner_is_kommune).
package styring.rules.budget.inv_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/financing/%d", [i]),
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Lånet på %d kNOK i %d er ikke tillatt fordi %s.",
				"Lån kan bare finansiere investeringer i eiendeler kommunen eier selv.",
			]),
			[f.amount_knok, f.year, concat(", og ", [r.nb | some r in reasons])],
		),
		sprintf(
			concat(" ", [
				"The loan of %d kNOK in %d is not allowed because %s.",
				"Loans may finance only investments in assets the municipality itself owns.",
			]),
			[f.amount_knok, f.year, concat(", and ", [r.en | some r in reasons])],
		),
	),
}) if {
	some i in _suspect_loans
	f := object.union({"account": "drift"}, tiltak.financing_entries[i])
	reasons := [r | some r in [_account_reason(f), _type_reason, _owner_reason]; r != null]
	count(reasons) > 0
}

# _suspect_loans: the loans that may break the rule, found without building the
# reasons: every loan when the initiative is not an investering in an asset the
# kommune owns, else the loans on account drift (the default).
_suspect_loans contains i if {
	not _owned_investment
	fs := tiltak.financing_entries
	some i
	fs[i].source == "lan"
}

_suspect_loans contains i if {
	fs := tiltak.financing_entries
	some i
	fs[i].source == "lan"
	object.get(fs[i], "account", "drift") == "drift"
}

_owned_investment if {
	tiltak.doc.type == "investering"
	tiltak.doc.investment.owner_is_kommune == true
}

_account_reason(f) := result.msg(
	"det er ført på driftskonto (account drift)",
	"it is on the operating account (account drift)",
) if {
	f.account == "drift"
}

_account_reason(f) := null if f.account != "drift"

default _type_reason := null

_type_reason := result.msg(
	sprintf("tiltakstypen er %s, ikke investering", [tiltak.doc.type]),
	sprintf("the initiative type is %s, not investering", [tiltak.doc.type]),
) if {
	tiltak.doc.type != "investering"
}

default _owner_reason := null

_owner_reason := result.msg(
	"det ikke er bekreftet at kommunen eier eiendelen (investment.owner_is_kommune er ikke true)",
	"it is not confirmed that the municipality owns the asset (investment.owner_is_kommune is not true)",
) if {
	not tiltak.true_at(["investment", "owner_is_kommune"])
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
