# METADATA
# title: Anskaffelsen mangler anslått verdi eller kategori
# description: |
#   When the initiative involves a procurement (procurement.involved is true), its
#   estimated value (estimated_value_nok, the whole contract value in NOK excluding
#   VAT, options and extensions included) and its category must be given: without
#   them the threshold value cannot be calculated and the rules of the right part
#   of the regulation cannot be applied. An estimated value of 0 counts as given.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/forskrift/2016-08-12-974/§5-4
#     description: Anskaffelsesforskriften § 5-4 (beregning av anskaffelsens verdi)
# custom:
#   id: PRO-001
#   severity: error
#   category: legal
#   reference: Anskaffelsesforskriften § 5-4 (beregning av verdi)
#   waivable: false
#   title_en: The procurement has no estimated value or category
#   remedy:
#     nb: Oppgi anskaffelsens anslåtte verdi i NOK eks. mva. med opsjoner og forlengelser
#       (procurement.estimated_value_nok) og kategorien (procurement.category).
#     en: Give the procurement's estimated value in NOK excluding VAT, options and extensions included
#       (procurement.estimated_value_nok), and its category (procurement.category).
package styring.rules.legal.pro_001

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/procurement",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket omfatter en anskaffelse (procurement.involved),",
				"men %s er ikke fylt ut, så terskelverdien kan ikke beregnes.",
			]),
			[concat(" og ", _fields)],
		),
		sprintf(
			concat(" ", [
				"The initiative involves a procurement (procurement.involved),",
				"but %s %s not filled in, so its threshold value cannot be calculated.",
			]),
			[concat(" and ", _fields), _verb_en],
		),
	),
}) if {
	tiltak.doc.procurement.involved == true
	not _estimated
	count(_fields) > 0
}

# _estimated: both fields are set (0 is a set value; a missing field or an empty
# string is not). A cheap test before _fields, which is built only for the message.
_estimated if {
	tiltak.doc.procurement.estimated_value_nok != ""
	tiltak.doc.procurement.category != ""
}

# _fields lists the missing fields in a fixed order.
_fields := [sprintf("procurement.%s", [f]) |
	some f in ["estimated_value_nok", "category"]
	not tiltak.set_at(["procurement", f])
]

default _verb_en := "are"

_verb_en := "is" if {
	count(_fields) == 1
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
