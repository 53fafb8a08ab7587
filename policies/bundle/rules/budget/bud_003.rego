# METADATA
# title: Netto driftsutgift er ikke finansiert
# description: |
#   The budget must balance: for every year y in P with a net operating cost
#   (net(y) > 0), the drift financing of year y from sources other than loans (lan)
#   must cover net(y); a loan can never finance operations. One violation per year.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-4
#     description: Kommuneloven § 14-4
# custom:
#   id: BUD-003
#   severity: error
#   category: budget
#   reference: Kommuneloven § 14-4 (balanse)
#   waivable: true
#   title_en: A net operating cost is not financed
#   remedy:
#     nb: Legg inn driftsfinansiering (financing med konto drift) for året som dekker netto driftsutgift, for eksempel
#       omprioritering, innsparing eller økt inntekt. Lån kan ikke finansiere drift.
#     en: Add operating financing (financing with account drift) for the year that covers the net operating cost, for
#       example reprioritisation, savings or increased income. Loans cannot finance operations.
package styring.rules.budget.bud_003

import data.styring.lib.budget
import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/financing",
	"year": y,
	"message": result.msg(
		sprintf(
			concat(" ", [
				"I %d er netto driftsutgift %d kNOK, men driftsfinansieringen uten lån er bare %d kNOK;",
				"%d kNOK mangler finansiering.",
			]),
			[y, net_cost, funded, net_cost - funded],
		),
		sprintf(
			concat(" ", [
				"In %d the net operating cost is %d kNOK, but the operating",
				"financing other than loans is only %d kNOK; %d kNOK is not financed.",
			]),
			[y, net_cost, funded, net_cost - funded],
		),
	),
}) if {
	# net(y) > 0 needs a drift line with amount > 0.
	max(budget.amounts) > 0
	some y in tiltak.plan_years
	net_cost := sum([a | ls := tiltak.budget_effects; ls[i].year == y; ls[i].account == "drift"; a := ls[i].amount_knok])
	net_cost > 0
	funded := sum([f.amount_knok | some f in _funding; f.year == y])
	funded < net_cost
}

# _funding: drift financing (account drift, the default) from sources other than lan.
_funding := [f |
	some f in tiltak.financing_entries
	object.get(f, "account", "drift") == "drift"
	f.source != "lan"
]

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
