# METADATA
# title: Større bemanningsreduksjon er ikke behandlet i arbeidsmiljøutvalget
# description: |
#   When employees.fte_change is a reduction of at least employees.amu_fte_reduction
#   full-time equivalents (fte_change <= -amu_fte_reduction), the working environment
#   committee (AMU) must deal with it: employees.amu_date must be set. A missing
#   fte_change is no reduction. The rule does not require employees.affected.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2005-06-17-62/§7-2
#     description: Arbeidsmiljøloven § 7-2
# custom:
#   id: HR-003
#   severity: warning
#   category: legal
#   reference: Arbeidsmiljøloven § 7-2
#   waivable: false
#   title_en: A larger staff reduction has not been dealt with by the working environment committee
#   remedy:
#     nb: Legg tiltaket fram for arbeidsmiljøutvalget (AMU) og før inn datoen for behandlingen i employees.amu_date.
#     en: Put the initiative before the working environment committee (AMU) and enter the date it was dealt with in
#       employees.amu_date.
package styring.rules.legal.hr_003

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/employees/amu_date",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket reduserer bemanningen med %v årsverk (employees.fte_change = %v),",
				"som er minst grensen på %v årsverk (employees.amu_fte_reduction),",
				"men datoen for behandling i arbeidsmiljøutvalget (employees.amu_date) er ikke fylt ut.",
			]),
			[abs(fte_change), fte_change, limit],
		),
		sprintf(
			concat(" ", [
				"The initiative reduces staffing by %v FTE (employees.fte_change = %v),",
				"which is at least the limit of %v FTE (employees.amu_fte_reduction),",
				"but the date the working environment committee dealt with it (employees.amu_date) is not filled in.",
			]),
			[abs(fte_change), fte_change, limit],
		),
	),
}) if {
	fte_change := tiltak.doc.employees.fte_change
	limit := tiltak.params.employees.amu_fte_reduction
	fte_change <= 0 - limit
	object.get(tiltak.doc.employees, "amu_date", "") == ""
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
