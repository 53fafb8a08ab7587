# METADATA
# title: Bufferfondet blir for lite ved periodens slutt
# description: |
#   The buffer fund at the end of the plan period (projections.buffer_fund_end_of_period_knok
#   minus all financing from bufferfond) must not fall below economy.min_buffer_fund_end_of_period_knok.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-2
#     description: Kommuneloven § 14-2
# custom:
#   id: PFIN-002
#   severity: error
#   category: budget
#   reference: Kommuneloven § 14-2 (finansielle måltall)
#   waivable: false
#   title_en: The buffer fund becomes too small at the end of the period
#   remedy:
#     nb: Finansier tiltakene med andre kilder enn bufferfondet, eller reduser bruken av fondet.
#     en: Finance the initiatives from other sources than the buffer fund, or use less of it.
package styring.portfolio.rules.pfin_002

import data.styring.lib.result
import data.styring.portfolio.figures as f

violation contains result.fail(_meta, {
	"value": f.buffer_fund_end,
	"limit": minimum,
	"message": result.msg(
		sprintf(
			"Bufferfondet blir %v kNOK ved periodens slutt etter bruk av %v kNOK i porteføljen, under minstenivået på %v kNOK.",
			[f.buffer_fund_end, f.bufferfond_use, minimum],
		),
		sprintf(
			concat(" ", [
				"The buffer fund becomes %v kNOK at the end of the period after",
				"the portfolio uses %v kNOK, below the minimum of %v kNOK.",
			]),
			[f.buffer_fund_end, f.bufferfond_use, minimum],
		),
	),
}) if {
	minimum := f.params.economy.min_buffer_fund_end_of_period_knok
	f.buffer_fund_end < minimum
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
