# METADATA
# title: Intranett eller ekstranett oppfyller ikke WCAG-kravet
# description: |
#   An intranet or extranet (ict_solution.kind intranett or ekstranett) launched on or
#   after universal_design.intranet_from must conform to WCAG at level AA or AAA, in at
#   least the version required at its launch_date (parameters
#   universal_design.wcag_version_required). Versions compare as numbers
#   (2.0 < 2.1 < 2.2); a missing wcag_version is below any version and a missing
#   wcag_level fails. Without a launch_date the rule does not apply (the duty covers
#   solutions launched from that date).
# scope: package
# related_resources:
#   - ref: https://lovdata.no/forskrift/2013-06-21-732
#     description: Forskrift om universell utforming av IKT-løsninger
#   - ref: https://lovdata.no/lov/2017-06-16-51/§18
#     description: Likestillings- og diskrimineringsloven § 18 (universell utforming av IKT)
# custom:
#   id: UU-003
#   severity: error
#   category: legal
#   reference: Forskrift om universell utforming av IKT-løsninger
#   waivable: false
#   title_en: An intranet or extranet does not meet the WCAG requirement
#   remedy:
#     nb: Utform og test intranettet eller ekstranettet etter påkrevd WCAG-versjon på nivå AA (ict_solution.wcag_version
#       og ict_solution.wcag_level).
#     en: Design and test the intranet or extranet against the required WCAG version at level AA
#       (ict_solution.wcag_version and ict_solution.wcag_level).
package styring.rules.legal.uu_003

import data.styring.lib.initiative as tiltak
import data.styring.lib.result
import data.styring.lib.wcag

violation contains result.fail(_meta, {
	"path": "/ict_solution",
	"message": _message,
}) if {
	kind := tiltak.doc.ict_solution.kind
	kind in {"intranett", "ekstranett"}
	launch := tiltak.doc.ict_solution.launch_date
	launch >= _intranet_from

	# With a launch_date, Du is launch: wcag.required is the version required
	# at the launch date and wcag.conforms/problems compare against it.
	not wcag.conforms
	count(wcag.problems) > 0
}

# _message names the solution, its launch date and every problem against the required version.
_message := result.msg(
	sprintf(
		concat(" ", [
			"Løsningen (ict_solution.kind «%s») har lanseringsdato %s.",
			"Intranett og ekstranett som lanseres fra %s, må følge WCAG %s (påkrevd fra %s) på nivå AA eller AAA, men %s.",
		]),
		[_solution.kind, _solution.launch_date, _intranet_from, wcag.required.value, wcag.required.from, wcag.problems_nb],
	),
	sprintf(
		concat(" ", [
			"The solution (ict_solution.kind «%s») has launch date %s.",
			"Intranets and extranets launched from %s must conform to WCAG %s (required from %s) at level AA or AAA, but %s.",
		]),
		[_solution.kind, _solution.launch_date, _intranet_from, wcag.required.value, wcag.required.from, wcag.problems_en],
	),
)

# _solution is the ICT solution; _intranet_from the date from which intranets and
# extranets must conform.
_solution := tiltak.doc.ict_solution

_intranet_from := tiltak.params.universal_design.intranet_from

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
