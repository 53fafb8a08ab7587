# METADATA
# title: Anskaffelsesprotokoll mangler
# description: |
#   A procurement (procurement.involved) whose threshold value V (estimated_value_nok +
#   related_purchases_nok, 0 when missing) is at or above the lower limit in force at
#   Dp (announcement_date, else the as-of date D; parameters procurement.lower_limit_nok)
#   must keep a procurement protocol (protocol true). Before the first limit date the
#   rule does not apply.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/forskrift/2016-08-12-974/§7-1
#     description: Anskaffelsesforskriften § 7-1 (plikt til å føre anskaffelsesprotokoll)
# custom:
#   id: PRO-004
#   severity: warning
#   category: legal
#   reference: Anskaffelsesforskriften § 7-1 (anskaffelsesprotokoll)
#   waivable: false
#   title_en: No procurement protocol is kept
#   remedy:
#     nb: Før anskaffelsesprotokoll for anskaffelsen og sett procurement.protocol = true.
#     en: Keep a procurement protocol and set procurement.protocol = true.
package styring.rules.legal.pro_004

import data.styring.lib.initiative as tiltak
import data.styring.lib.params
import data.styring.lib.procurement
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/procurement/protocol",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Anskaffelsens terskelverdi V = %d NOK (anslått verdi %d NOK + relaterte kjøp %d NOK) er lik eller",
				"over nedre grense på %d NOK, som gjelder fra %s (%s), men procurement.protocol er ikke true:",
				"det må føres anskaffelsesprotokoll.",
			]),
			[procurement.v, procurement.estimate, procurement.related, _limit.value, _limit.from, procurement.dp_nb],
		),
		sprintf(
			concat(" ", [
				"The procurement's threshold value V = %d NOK (estimated value %d NOK + related purchases %d NOK) is",
				"at or above the lower limit of %d NOK, in force from %s (%s), but procurement.protocol is not true:",
				"a procurement protocol must be kept.",
			]),
			[procurement.v, procurement.estimate, procurement.related, _limit.value, _limit.from, procurement.dp_en],
		),
	),
}) if {
	tiltak.doc.procurement.involved == true
	not tiltak.doc.procurement.protocol == true
	procurement.v >= _limit.value
}

# V and Dp are lib/procurement.rego's.
_limit := params.entry_at(tiltak.params.procurement.lower_limit_nok, procurement.dp)

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
