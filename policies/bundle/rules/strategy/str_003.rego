# METADATA
# title: Tiltaket er ikke knyttet til kommuneplanen
# description: An initiative should name the goal of the municipal master plan (kommuneplanens samfunnsdel) it follows
#   up (kommuneplan_ref; missing or empty fails).
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2008-06-27-71/§11-1
#     description: Plan- og bygningsloven § 11-1
# custom:
#   id: STR-003
#   severity: warning
#   category: strategy
#   reference: Plan- og bygningsloven § 11-1
#   waivable: true
#   title_en: The initiative is not linked to the municipal master plan
#   remedy:
#     nb: Oppgi målet i kommuneplanens samfunnsdel som tiltaket følger opp (kommuneplan_ref).
#     en: Name the goal of the municipal master plan the initiative follows up (kommuneplan_ref).
package styring.rules.strategy.str_003

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/kommuneplan_ref",
	"message": result.msg(
		concat(" ", [
			"Tiltaket mangler kommuneplan_ref:",
			"oppgi hvilket mål i kommuneplanens samfunnsdel tiltaket følger opp (plan- og bygningsloven § 11-1).",
		]),
		concat(" ", [
			"The initiative has no kommuneplan_ref:",
			"name the goal of the municipal master plan it follows up (Planning and Building Act section 11-1).",
		]),
	),
}) if {
	object.get(tiltak.doc, "kommuneplan_ref", "") == ""
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
