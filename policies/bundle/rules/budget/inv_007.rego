# METADATA
# title: Stort investeringsprosjekt mangler prosjektfase
# description: |
#   An investering whose investment.acquisition_cost_knok is above
#   economy.large_project_knok must follow the municipality's project method and say
#   which phase it is in (investment.project_phase set). Exactly at the limit passes;
#   a missing acquisition cost is INV-001's business.
# scope: package
# custom:
#   id: INV-007
#   severity: warning
#   category: budget
#   reference: Bærum kommunes prosjektmetodikk
#   waivable: true
#   title_en: A large investment project has no project phase
#   remedy:
#     nb: Oppgi hvilken fase prosjektet er i etter prosjektmetodikken (investment.project_phase), for eksempel
#       konseptfase eller forprosjekt.
#     en: Give the phase the project is in under the project method (investment.project_phase), for example konseptfase
#       or forprosjekt.
package styring.rules.budget.inv_007

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/investment/project_phase",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Investeringen har anskaffelseskost %d kNOK, over grensen for store prosjekter på %d kNOK,",
				"men prosjektfasen (investment.project_phase) er ikke oppgitt.",
			]),
			[cost, _limit],
		),
		sprintf(
			concat(" ", [
				"The investment has an acquisition cost of %d kNOK, above the large-project limit of %d kNOK,",
				"but its project phase (investment.project_phase) is not given.",
			]),
			[cost, _limit],
		),
	),
}) if {
	tiltak.doc.type == "investering"
	cost := tiltak.doc.investment.acquisition_cost_knok
	cost > _limit

	# project_phase is one of the phases: not set is missing.
	object.get(tiltak.doc, ["investment", "project_phase"], null) == null
}

_limit := tiltak.params.economy.large_project_knok

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
