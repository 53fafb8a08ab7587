# METADATA
# title: Netto driftsresultat blir under 4 % av driftsinntektene
# description: |
#   For each year, the projected net operating result with the portfolio
#   (projections.net_operating_result_knok minus the portfolio's total net drift)
#   as a share of operating revenue must reach economy.min_net_operating_result_pct.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-2
#     description: Kommuneloven § 14-2
# custom:
#   id: PFIN-001
#   severity: warning
#   category: budget
#   reference: Kommuneloven § 14-2 (finansielle måltall)
#   waivable: false
#   title_en: The net operating result falls below 4 % of operating revenue
#   remedy:
#     nb: Styrk porteføljen med varige innsparinger eller utsett kostnadsøkende tiltak.
#     en: Strengthen the portfolio with lasting savings or postpone initiatives that raise costs.
package styring.portfolio.rules.pfin_001

import data.styring.lib.result
import data.styring.portfolio.figures as f

violation contains result.fail(_meta, {
	"year": y,
	"value": pct,
	"limit": minimum,
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Netto driftsresultat i %d blir %s %% av driftsinntektene med",
				"porteføljen (netto driftsendring %v kNOK), under måltallet på %s %%.",
			]),
			[y, result.decimal_nb(shown), net_drift, result.decimal_nb(minimum)],
		),
		sprintf(
			concat(" ", [
				"The net operating result in %d becomes %v %% of operating revenue with",
				"the portfolio (net operating change %v kNOK), below the target of %v %%.",
			]),
			[y, shown, net_drift, minimum],
		),
	),
}) if {
	minimum := f.params.economy.min_net_operating_result_pct
	some y in f.years
	pct := f.net_operating_result_pct[y]
	pct < minimum

	# Shown cut (not rounded) to hundredths, so 3.999 % reads 3.99 %, below 4 %.
	shown := floor(pct * 100) / 100
	net_drift := f.total_net_drift[y]
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
