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
import data.styring.lib.result

violation contains result.fail(rego.metadata.chain(), {
	"path": "/procurement/protocol",
	"message": result.msg(
		sprintf(
			"Anskaffelsens terskelverdi V = %d NOK (anslått verdi %d NOK + relaterte kjøp %d NOK) er lik eller over nedre grense på %d NOK, som gjelder fra %s (%s), men procurement.protocol er ikke true: det må føres anskaffelsesprotokoll.",
			[v, estimate, related, limit.value, limit.from, dp_nb],
		),
		sprintf(
			"The procurement's threshold value V = %d NOK (estimated value %d NOK + related purchases %d NOK) is at or above the lower limit of %d NOK, in force from %s (%s), but procurement.protocol is not true: a procurement protocol must be kept.",
			[v, estimate, related, limit.value, limit.from, dp_en],
		),
	),
}) if {
	tiltak.true_at(["procurement", "involved"])
	v >= limit.value
	not tiltak.true_at(["procurement", "protocol"])
}

estimate := object.get(tiltak.doc, ["procurement", "estimated_value_nok"], 0)

related := object.get(tiltak.doc, ["procurement", "related_purchases_nok"], 0)

# v is the threshold value V.
v := estimate + related

# dp is Dp: the announcement date, else D.
dp := tiltak.doc.procurement.announcement_date if {
	tiltak.set_at(["procurement", "announcement_date"])
} else := tiltak.as_of

dp_nb := sprintf("kunngjøringsdato %s", [dp]) if {
	tiltak.set_at(["procurement", "announcement_date"])
} else := sprintf("vurdert per %s, ingen kunngjøringsdato", [dp])

dp_en := sprintf("announcement date %s", [dp]) if {
	tiltak.set_at(["procurement", "announcement_date"])
} else := sprintf("assessed at %s, no announcement date", [dp])

limit := params.entry_at(tiltak.params.procurement.lower_limit_nok, dp)
