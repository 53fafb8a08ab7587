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
import data.styring.lib.params
import data.styring.lib.result

violation contains result.fail(meta, {
	"path": "/ict_solution",
	"message": message,
}) if {
	tiltak.doc.ict_solution.public_facing == true
	kind := tiltak.doc.ict_solution.kind
	kind in {"nettsted", "app", "automat"}
	not conforms
	count(problems) > 0
}

# message names the kind of solution, Du, the required version and every problem.
message := result.msg(
	sprintf(
		concat(" ", [
			"Den publikumsrettede løsningen (ict_solution.kind «%s») må ved",
			"%s følge WCAG %s (påkrevd fra %s) på nivå AA eller AAA, men %s.",
		]),
		[tiltak.doc.ict_solution.kind, du_nb, required.value, required.from, problems_nb],
	),
	sprintf(
		concat(" ", [
			"The public-facing solution (ict_solution.kind «%s») must at %s",
			"conform to WCAG %s (required from %s) at level AA or AAA, but %s.",
		]),
		[tiltak.doc.ict_solution.kind, du_en, required.value, required.from, problems_en],
	),
)

# The WCAG requirement at Du and the comparison with the solution, shared with
# UU-003 (uu_003 imports this package): UU-003 applies only with a launch_date,
# and then Du is that launch_date, the date UU-003 looks the version up at.

# launched: ict_solution.launch_date is set (a date string is set when not empty).
launched if tiltak.doc.ict_solution.launch_date != ""

# du is Du: the launch date, else D.
du := tiltak.doc.ict_solution.launch_date if {
	launched
} else := tiltak.as_of

du_nb := sprintf("lanseringsdato %s", [du]) if {
	launched
} else := sprintf("vurderingsdato %s (ingen lanseringsdato)", [du])

du_en := sprintf("launch date %s", [du]) if {
	launched
} else := sprintf("assessment date %s (no launch date)", [du])

# required is undefined before the first date of the list: no problem is found.
required := params.entry_at(tiltak.params.universal_design.wcag_version_required, du)

# conforms: wcag_level is AA or AAA and wcag_version is at least the required
# version (versions compare as numbers), i.e. there are no problems. The cheap
# test; problems, built only for the message, has the details.
conforms if {
	tiltak.doc.ict_solution.wcag_level in {"AA", "AAA"}
	to_number(tiltak.doc.ict_solution.wcag_version) >= to_number(required.value)
}

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

# problems_nb and problems_en list the problems in their order, for the messages
# of UU-001 and UU-003.
problems_nb := concat(" og ", [problems[k].nb | some k in sort(object.keys(problems))])

problems_en := concat(" and ", [problems[k].en | some k in sort(object.keys(problems))])

# meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
meta := rego.metadata.chain()
