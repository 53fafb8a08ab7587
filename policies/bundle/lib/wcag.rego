# METADATA
# title: WCAG requirement
# description: |
#   The WCAG version required of an ICT solution at Du (ict_solution.launch_date,
#   else the as-of date D) and how the solution compares with it, shared by UU-001
#   and UU-003 (which applies only with a launch_date, so its Du is that date).
#   Versions compare as numbers (2.0 < 2.1 < 2.2); a missing wcag_version is below
#   any version and a missing wcag_level fails.
package styring.lib.wcag

import data.styring.lib.initiative as tiltak
import data.styring.lib.params

# _launched: ict_solution.launch_date is set (a date string is set when not empty).
_launched if tiltak.doc.ict_solution.launch_date != ""

# du is Du: the launch date, else D.
du := tiltak.doc.ict_solution.launch_date if {
	_launched
} else := tiltak.as_of

# du_nb and du_en say which date Du is, for messages.
du_nb := sprintf("lanseringsdato %s", [du]) if {
	_launched
} else := sprintf("vurderingsdato %s (ingen lanseringsdato)", [du])

du_en := sprintf("launch date %s", [du]) if {
	_launched
} else := sprintf("assessment date %s (no launch date)", [du])

# required is the entry of the required version in force at Du; undefined before
# the first date of the list, and then no problem is found.
required := params.entry_at(tiltak.params.universal_design.wcag_version_required, du)

# conforms: wcag_level is AA or AAA and wcag_version is at least the required
# version (versions compare as numbers), i.e. there are no problems. The cheap
# test; problems, built only for the message, has the details.
conforms if {
	tiltak.doc.ict_solution.wcag_level in {"AA", "AAA"}
	to_number(tiltak.doc.ict_solution.wcag_version) >= to_number(required.value)
}

# _level and _version are ict_solution.wcag_level and wcag_version, null when missing (for the messages).
_level := tiltak.value_at(["ict_solution", "wcag_level"])

_version := tiltak.value_at(["ict_solution", "wcag_version"])

# problems, keyed by their order in the message.
problems[1] := {
	"nb": sprintf("ict_solution.wcag_level er «%s»", [_level]),
	"en": sprintf("ict_solution.wcag_level is «%s»", [_level]),
} if {
	required
	tiltak.set_at(["ict_solution", "wcag_level"])
	not _level in {"AA", "AAA"}
}

problems[1] := {
	"nb": "ict_solution.wcag_level er ikke oppgitt",
	"en": "ict_solution.wcag_level is not given",
} if {
	required
	not tiltak.set_at(["ict_solution", "wcag_level"])
}

problems[2] := {
	"nb": sprintf("ict_solution.wcag_version «%s» er lavere enn %s", [_version, required.value]),
	"en": sprintf("ict_solution.wcag_version «%s» is below %s", [_version, required.value]),
} if {
	tiltak.set_at(["ict_solution", "wcag_version"])
	to_number(_version) < to_number(required.value)
}

problems[2] := {
	"nb": "ict_solution.wcag_version er ikke oppgitt",
	"en": "ict_solution.wcag_version is not given",
} if {
	required
	not tiltak.set_at(["ict_solution", "wcag_version"])
}

# problems_nb and problems_en list the problems in their order, for the messages.
problems_nb := concat(" og ", [problems[k].nb | some k in sort(object.keys(problems))])

problems_en := concat(" and ", [problems[k].en | some k in sort(object.keys(problems))])
