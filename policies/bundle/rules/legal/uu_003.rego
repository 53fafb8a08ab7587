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
#     nb: Utform og test intranettet eller ekstranettet etter påkrevd WCAG-versjon på nivå AA (ict_solution.wcag_version og ict_solution.wcag_level).
#     en: Design and test the intranet or extranet against the required WCAG version at level AA (ict_solution.wcag_version and ict_solution.wcag_level).
package styring.rules.legal.uu_003

import data.styring.lib.initiative as tiltak
import data.styring.lib.params
import data.styring.lib.result

violation contains result.fail(rego.metadata.chain(), {
	"path": "/ict_solution",
	"message": result.msg(
		sprintf(
			"Løsningen (ict_solution.kind «%s») har lanseringsdato %s. Intranett og ekstranett som lanseres fra %s, må følge WCAG %s (påkrevd fra %s) på nivå AA eller AAA, men %s.",
			[kind, launch, from, required.value, required.from, concat(" og ", [problems[k].nb | some k in sort(object.keys(problems))])],
		),
		sprintf(
			"The solution (ict_solution.kind «%s») has launch date %s. Intranets and extranets launched from %s must conform to WCAG %s (required from %s) at level AA or AAA, but %s.",
			[kind, launch, from, required.value, required.from, concat(" and ", [problems[k].en | some k in sort(object.keys(problems))])],
		),
	),
}) if {
	kind in {"intranett", "ekstranett"}
	launch >= from
	count(problems) > 0
}

kind := tiltak.value_at(["ict_solution", "kind"])

from := tiltak.params.universal_design.intranet_from

launch := tiltak.doc.ict_solution.launch_date

required := params.entry_at(tiltak.params.universal_design.wcag_version_required, launch)

level := tiltak.value_at(["ict_solution", "wcag_level"])

version := tiltak.value_at(["ict_solution", "wcag_version"])

# problems, keyed by their order in the message.
problems[1] := {
	"nb": sprintf("ict_solution.wcag_level er «%s»", [level]),
	"en": sprintf("ict_solution.wcag_level is «%s»", [level]),
} if {
	required
	tiltak.set_at(["ict_solution", "wcag_level"])
	not level in {"AA", "AAA"}
}

problems[1] := {
	"nb": "ict_solution.wcag_level er ikke oppgitt",
	"en": "ict_solution.wcag_level is not given",
} if {
	required
	not tiltak.set_at(["ict_solution", "wcag_level"])
}

problems[2] := {
	"nb": sprintf("ict_solution.wcag_version «%s» er lavere enn %s", [version, required.value]),
	"en": sprintf("ict_solution.wcag_version «%s» is below %s", [version, required.value]),
} if {
	tiltak.set_at(["ict_solution", "wcag_version"])
	to_number(version) < to_number(required.value)
}

problems[2] := {
	"nb": "ict_solution.wcag_version er ikke oppgitt",
	"en": "ict_solution.wcag_version is not given",
} if {
	required
	not tiltak.set_at(["ict_solution", "wcag_version"])
}
