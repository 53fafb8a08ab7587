# METADATA
# title: Publikumsrettet IKT-løsning oppfyller ikke WCAG-kravet
# description: |
#   A public-facing ICT solution (ict_solution.public_facing true) of kind nettsted,
#   app or automat must conform to WCAG at level AA or AAA, in at least the version
#   required at Du (ict_solution.launch_date, else the as-of date D; parameters
#   universal_design.wcag_version_required). Versions compare as numbers
#   (2.0 < 2.1 < 2.2); a missing wcag_version is below any version and a missing
#   wcag_level fails. Before the first date of the list no version is required and
#   the rule does not apply.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2017-06-16-51/§18
#     description: Likestillings- og diskrimineringsloven § 18 (universell utforming av IKT)
#   - ref: https://lovdata.no/forskrift/2013-06-21-732/§4
#     description: Forskrift om universell utforming av IKT-løsninger § 4
# custom:
#   id: UU-001
#   severity: error
#   category: legal
#   reference: Likestillings- og diskrimineringsloven § 18; forskrift om universell utforming av IKT-løsninger § 4
#   waivable: false
#   title_en: A public-facing ICT solution does not meet the WCAG requirement
#   remedy:
#     nb: Utform og test løsningen etter påkrevd WCAG-versjon på nivå AA (ict_solution.wcag_version og
#       ict_solution.wcag_level).
#     en: Design and test the solution against the required WCAG version at level AA (ict_solution.wcag_version and
#       ict_solution.wcag_level).
package styring.rules.legal.uu_001

import data.styring.lib.initiative as tiltak
import data.styring.lib.result
import data.styring.lib.wcag

violation contains result.fail(_meta, {
	"path": "/ict_solution",
	"message": _message,
}) if {
	tiltak.doc.ict_solution.public_facing == true
	kind := tiltak.doc.ict_solution.kind
	kind in {"nettsted", "app", "automat"}
	not wcag.conforms
	count(wcag.problems) > 0
}

# _message names the kind of solution, Du, the required version and every problem.
_message := result.msg(
	sprintf(
		concat(" ", [
			"Den publikumsrettede løsningen (ict_solution.kind «%s») må ved",
			"%s følge WCAG %s (påkrevd fra %s) på nivå AA eller AAA, men %s.",
		]),
		[tiltak.doc.ict_solution.kind, wcag.du_nb, wcag.required.value, wcag.required.from, wcag.problems_nb],
	),
	sprintf(
		concat(" ", [
			"The public-facing solution (ict_solution.kind «%s») must at %s",
			"conform to WCAG %s (required from %s) at level AA or AAA, but %s.",
		]),
		[tiltak.doc.ict_solution.kind, wcag.du_en, wcag.required.value, wcag.required.from, wcag.problems_en],
	),
)

# Du, the required version at Du and the problems are lib/wcag.rego's.

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
