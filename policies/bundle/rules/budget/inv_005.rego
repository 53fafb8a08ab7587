# METADATA
# title: Det er ikke oppgitt om investeringen er rentabel
# description: |
#   For type investering, investment.rentable must be given (true or false): whether
#   the investment is financed by fees or income (selvkost, rent) decides which
#   financial targets apply to it (INV-006).
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-2
#     description: Kommuneloven § 14-2
# custom:
#   id: INV-005
#   severity: error
#   category: budget
#   reference: Kommuneloven § 14-2 (finansielle måltall)
#   waivable: true
#   title_en: It is not stated whether the investment is rentable
#   remedy:
#     nb: Oppgi i investment.rentable om investeringen finansieres av gebyrer eller inntekter (true, for eksempel
#       selvkost eller husleie) eller ikke (false).
#     en: State in investment.rentable whether the investment is financed by fees or income (true, for example
#       cost-covering fees or rent) or not (false).
package styring.rules.budget.inv_005

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/investment/rentable",
	"message": result.msg(
		"Det er ikke oppgitt om investeringen er rentabel (investment.rentable mangler); angi true eller false.",
		"It is not stated whether the investment is rentable (investment.rentable is missing); give true or false.",
	),
}) if {
	tiltak.doc.type == "investering"
	object.get(tiltak.doc, ["investment", "rentable"], null) == null
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
