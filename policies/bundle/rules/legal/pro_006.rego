# METADATA
# title: Anskaffelse av IKT-løsning mangler krav om universell utforming
# description: |
#   When the initiative involves a procurement (procurement.involved) and an ICT
#   solution (ict_solution is set), the technical specification must require
#   universal design (uu_requirements true), so that the solution delivered meets
#   the accessibility duty.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2017-06-16-51/§18
#     description: Likestillings- og diskrimineringsloven § 18 (universell utforming av IKT)
#   - ref: https://lovdata.no/forskrift/2013-06-21-732
#     description: Forskrift om universell utforming av IKT-løsninger
# custom:
#   id: PRO-006
#   severity: warning
#   category: legal
#   reference: Likestillings- og diskrimineringsloven § 18
#   waivable: false
#   title_en: The procurement of an ICT solution has no universal-design requirements
#   remedy:
#     nb: Ta krav om universell utforming (WCAG) inn i kravspesifikasjonen og sett procurement.uu_requirements = true.
#     en: Put universal-design (WCAG) requirements in the technical specification and set procurement.uu_requirements =
#       true.
package styring.rules.legal.pro_006

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/procurement/uu_requirements",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Anskaffelsen gjelder en IKT-løsning (%s), men krav om universell utforming er",
				"ikke tatt inn i kravspesifikasjonen: procurement.uu_requirements er ikke true.",
			]),
			[_kind_nb],
		),
		sprintf(
			concat(" ", [
				"The procurement concerns an ICT solution (%s), but universal-design requirements",
				"are not in the technical specification: procurement.uu_requirements is not true.",
			]),
			[_kind_en],
		),
	),
}) if {
	tiltak.doc.procurement.involved == true
	not tiltak.doc.procurement.uu_requirements == true
	object.get(tiltak.doc, "ict_solution", {}) != {}
}

default _kind_nb := "ict_solution, type ikke oppgitt"

_kind_nb := sprintf("ict_solution.kind «%s»", [tiltak.doc.ict_solution.kind]) if {
	tiltak.set_at(["ict_solution", "kind"])
}

default _kind_en := "ict_solution, kind not given"

_kind_en := sprintf("ict_solution.kind «%s»", [tiltak.doc.ict_solution.kind]) if {
	tiltak.set_at(["ict_solution", "kind"])
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
