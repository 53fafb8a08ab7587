# METADATA
# title: Anskaffelse over EØS-terskelverdi er ikke kunngjort etter del III
# description: |
#   A procurement (procurement.involved) whose threshold value V (estimated_value_nok +
#   related_purchases_nok, 0 when missing) is at or above the EØS threshold of its
#   category in force at Dp (announcement_date, else the as-of date D) must be announced
#   in TED (ted true) and, except for special health and social services (category
#   helse_sosial, which may use any procedure), use one of the procedures of part III
#   (parameters procurement.eos_procedures). Without a category, or before the
#   category's first threshold date, there is no EØS threshold and the rule does not
#   apply (PRO-001 asks for the category).
# scope: package
# related_resources:
#   - ref: https://lovdata.no/forskrift/2016-08-12-974/§5-3
#     description: Anskaffelsesforskriften § 5-3 (terskelverdier)
# custom:
#   id: PRO-003
#   severity: error
#   category: legal
#   reference: Anskaffelsesforskriften § 5-3 (del III)
#   waivable: false
#   title_en: A procurement above the EEA threshold is not announced under part III
#   remedy:
#     nb: Kunngjør anskaffelsen i TED (procurement.ted = true) og bruk en prosedyre etter forskriftens del III (procurement.procedure), eller rett den anslåtte verdien om den er feil.
#     en: Announce the procurement in TED (procurement.ted = true) and use a procedure of part III of the regulation (procurement.procedure), or correct the estimated value if it is wrong.
package styring.rules.legal.pro_003

import data.styring.lib.initiative as tiltak
import data.styring.lib.params
import data.styring.lib.result

violation contains result.fail(rego.metadata.chain(), {
	"path": "/procurement",
	"message": result.msg(
		sprintf(
			"Anskaffelsens terskelverdi V = %d NOK (anslått verdi %d NOK + relaterte kjøp %d NOK) er lik eller over EØS-terskelverdien for kategorien %s på %d NOK, som gjelder fra %s (%s). Den må kunngjøres i TED%s: %s.",
			[v, estimate, related, category, threshold.value, threshold.from, dp_nb, demand_nb, concat("; ", [problems[k].nb | some k in sort(object.keys(problems))])],
		),
		sprintf(
			"The procurement's threshold value V = %d NOK (estimated value %d NOK + related purchases %d NOK) is at or above the EEA threshold for category %s of %d NOK, in force from %s (%s). It must be announced in TED%s: %s.",
			[v, estimate, related, category, threshold.value, threshold.from, dp_en, demand_en, concat("; ", [problems[k].en | some k in sort(object.keys(problems))])],
		),
	),
}) if {
	tiltak.true_at(["procurement", "involved"])
	v >= threshold.value
	count(problems) > 0
}

category := tiltak.value_at(["procurement", "category"])

# any_procedure: special health and social services may use any procedure.
any_procedure if category == "helse_sosial"

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

threshold := params.entry_at(tiltak.params.procurement.eos_threshold_nok[category], dp)

demand_nb := "" if {
	any_procedure
} else := " med en prosedyre etter del III"

demand_en := "" if {
	any_procedure
} else := " with a part III procedure"

procedure := tiltak.value_at(["procurement", "procedure"])

# problems, keyed by their order in the message.
problems[1] := {
	"nb": "procurement.ted er ikke true",
	"en": "procurement.ted is not true",
} if {
	not tiltak.true_at(["procurement", "ted"])
}

problems[2] := {
	"nb": "ingen prosedyre er oppgitt (procurement.procedure)",
	"en": "no procedure is given (procurement.procedure)",
} if {
	not any_procedure
	not tiltak.set_at(["procurement", "procedure"])
}

problems[2] := {
	"nb": sprintf("prosedyren «%s» er ikke en prosedyre etter del III", [procedure]),
	"en": sprintf("procedure «%s» is not a part III procedure", [procedure]),
} if {
	not any_procedure
	tiltak.set_at(["procurement", "procedure"])
	not procedure in tiltak.params.procurement.eos_procedures
}
