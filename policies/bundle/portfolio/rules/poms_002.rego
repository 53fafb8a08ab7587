# METADATA
# title: Sektorens effektivisering er under 0,7 % i året
# description: |
#   For each sector with a net frame above 0 and each year with an efficiency
#   target (omstilling.efficiency_cumulative_pct: 0.7 % a year from 2022,
#   cumulative), the attributed permanent efficiency savings (negative drift lines
#   with bucket effektivisering, not one_off) must reach pct % of the sector's net frame.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024, kap. 2
# custom:
#   id: POMS-002
#   severity: warning
#   category: budget
#   reference: HP 2019–2022 / HP 2021–2024 kap. 2 (0,7 % årlig fra 2022)
#   waivable: false
#   title_en: The sector's efficiency cut is below 0.7 % a year
#   remedy:
#     nb: Fremm varige effektiviseringstiltak i sektoren (bucket effektivisering) som dekker differansen.
#     en: Propose lasting efficiency initiatives in the sector (bucket effektivisering) that cover the difference.
package styring.portfolio.rules.poms_002

import data.styring.lib.result
import data.styring.portfolio.figures as f

violation contains result.fail(_meta, {
	"sector": s,
	"year": y,
	"value": saving,
	"limit": target,
	"message": _message(s, y, pct, target, saving),
}) if {
	some s in f.sectors
	some key, pct in f.params.omstilling.efficiency_cumulative_pct
	y := to_number(key)
	frame := f.params.sectors.net_frame_knok[s][key]
	frame > 0

	# pct has at most two decimals: in hundredths of a percent the target is exact.
	target := (round(pct * 100) * frame) / 10000
	saving := f.efficiency_savings[s][y]
	saving < target
}

# _message names the sector, the year, its lasting efficiency savings, the target and the gap.
_message(s, y, pct, target, saving) := result.msg(
	sprintf(
		concat(" ", [
			"%s (%s) har varig effektivisering på %v kNOK i %d,",
			"under målet på %s %% av nettorammen (%v kNOK); det mangler %v kNOK.",
		]),
		[s, f.params.sectors.names[s], saving, y, result.decimal_nb(pct), target, target - saving],
	),
	sprintf(
		concat(" ", [
			"%s (%s) has lasting efficiency savings of %v kNOK in %d,",
			"below the target of %v %% of its net frame (%v kNOK); %v kNOK are missing.",
		]),
		[s, f.params.sectors.names[s], saving, y, pct, target, target - saving],
	),
)

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
