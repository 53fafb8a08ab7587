# METADATA
# title: Omstillingstiltaket gir ingen innsparing i drift
# description: |
#   An initiative of a saving type (omstilling, effektivisering, innsparing) must
#   have at least one plan year y in P with a net operating saving, net(y) < 0.
#   A year without drift lines counts as net(y) = 0.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024, kap. 2.2 (Omstilling 2024)
# custom:
#   id: OMS-001
#   severity: error
#   category: budget
#   reference: HP 2021–2024 kap. 2.2 (Omstilling 2024)
#   waivable: true
#   title_en: The restructuring initiative gives no operating saving
#   remedy:
#     nb: Før innsparingen som negative driftsbeløp (account drift) i de årene den gir effekt, eller endre tiltakstypen.
#     en: Enter the saving as negative operating amounts (account drift) in the years it takes effect, or change the
#       initiative type.
package styring.rules.budget.oms_001

import data.styring.lib.budget
import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/budget_effects",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltak av typen «%s» skal gi varig innsparing i drift,",
				"men ingen år i økonomiplanperioden %s har negativ netto driftseffekt (%s).",
			]),
			[tiltak.doc.type, tiltak.period, concat(", ", _nets)],
		),
		sprintf(
			concat(" ", [
				"An initiative of type «%s» must give a lasting operating saving,",
				"but no year of the plan period %s has a negative net operating effect (%s).",
			]),
			[tiltak.doc.type, tiltak.period, concat(", ", _nets)],
		),
	),
}) if {
	tiltak.is_saving_type
	not _saving_year
}

# _saving_year: some y in P has net(y) < 0. When every line is a drift line in P,
# the nets of P add up to the sum of all amounts, and a negative sum proves one.
_saving_year if {
	count(budget.investering_lines) == 0
	count(budget.outside_years) == 0
	sum(budget.amounts) < 0
}

# A year without drift lines has net(y) = 0, so only years in net_by_year can save.
_saving_year if {
	some y, n in tiltak.net_by_year
	n < 0
	y in tiltak.plan_year_set
}

_nets := [sprintf("%d: %v kNOK", [y, tiltak.net_in(y)]) | some y in tiltak.plan_years]

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
