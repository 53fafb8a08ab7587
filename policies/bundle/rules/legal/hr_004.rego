# METADATA
# title: NAV er ikke varslet om masseoppsigelse
# description: |
#   When employees.headcount_reduction_30d (dismissals within 30 days) is at least
#   employees.mass_layoff_headcount_30d, NAV must be notified: employees.nav_notified
#   must be true. A missing headcount_reduction_30d is no reduction. The rule does not
#   require employees.affected.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2005-06-17-62/§15-2
#     description: Arbeidsmiljøloven § 15-2
# custom:
#   id: HR-004
#   severity: error
#   category: legal
#   reference: Arbeidsmiljøloven § 15-2
#   waivable: false
#   title_en: NAV has not been notified of a mass layoff
#   remedy:
#     nb: Send skriftlig melding om masseoppsigelsen til NAV og de tillitsvalgte, og sett employees.nav_notified til
#       true.
#     en: Notify NAV and the employee representatives of the mass layoff in writing, and set employees.nav_notified to
#       true.
package styring.rules.legal.hr_004

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/employees/nav_notified",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket innebærer %v oppsigelser innen 30 dager (employees.headcount_reduction_30d),",
				"som er minst grensen for masseoppsigelse på %v (employees.mass_layoff_headcount_30d),",
				"men NAV er ikke varslet (employees.nav_notified er ikke true).",
			]),
			[reduction, limit],
		),
		sprintf(
			concat(" ", [
				"The initiative involves %v dismissals within 30 days (employees.headcount_reduction_30d),",
				"which is at least the mass layoff limit of %v (employees.mass_layoff_headcount_30d),",
				"but NAV has not been notified (employees.nav_notified is not true).",
			]),
			[reduction, limit],
		),
	),
}) if {
	reduction := tiltak.doc.employees.headcount_reduction_30d
	limit := tiltak.params.employees.mass_layoff_headcount_30d
	reduction >= limit
	not tiltak.doc.employees.nav_notified == true
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
