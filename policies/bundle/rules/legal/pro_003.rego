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
#     nb: Kunngjør anskaffelsen i TED (procurement.ted = true) og bruk en prosedyre etter forskriftens del III
#       (procurement.procedure), eller rett den anslåtte verdien om den er feil.
#     en: Announce the procurement in TED (procurement.ted = true) and use a procedure of part III of the regulation
#       (procurement.procedure), or correct the estimated value if it is wrong.
package styring.rules.legal.pro_003

import data.styring.lib.initiative as tiltak
import data.styring.lib.params
import data.styring.lib.result
import data.styring.rules.legal.pro_002

violation contains result.fail(meta, {
	"path": "/procurement",
	"message": message,
}) if {
	tiltak.doc.procurement.involved == true
	not announced_part_iii
	pro_002.v >= threshold.value
}

# message names V and its parts, the EEA threshold of the category in force at Dp and every problem.
message := result.msg(
	sprintf(
		concat(" ", [
			"Anskaffelsens terskelverdi V = %d NOK (anslått verdi %d NOK + relaterte kjøp %d NOK) er lik eller over",
			"EØS-terskelverdien for kategorien %s på %d NOK, som gjelder fra %s (%s). Den må kunngjøres i TED%s: %s.",
		]),
		[
			pro_002.v, pro_002.estimate, pro_002.related, category, threshold.value, threshold.from, pro_002.dp_nb, demand_nb,
			problems_nb,
		],
	),
	sprintf(
		concat(" ", [
			"The procurement's threshold value V = %d NOK (estimated value %d NOK + related purchases %d NOK) is at or",
			"above the EEA threshold for category %s of %d NOK, in force from %s (%s). It must be announced in TED%s: %s.",
		]),
		[
			pro_002.v, pro_002.estimate, pro_002.related, category, threshold.value, threshold.from, pro_002.dp_en, demand_en,
			problems_en,
		],
	),
)

# announced_part_iii: ted is true and the procedure is one of part III (any
# procedure for helse_sosial), i.e. there are no problems. Checked before the
# threshold, which costs a dated lookup.
announced_part_iii if {
	tiltak.doc.procurement.ted == true
	tiltak.doc.procurement.procedure in tiltak.params.procurement.eos_procedures
}

announced_part_iii if {
	tiltak.doc.procurement.ted == true
	any_procedure
}

category := object.get(tiltak.doc, ["procurement", "category"], null)

# any_procedure: special health and social services may use any procedure.
any_procedure if tiltak.doc.procurement.category == "helse_sosial"

# V, Dp and procedure are pro_002's.
threshold := params.entry_at(tiltak.params.procurement.eos_threshold_nok[category], pro_002.dp)

default demand_nb := " med en prosedyre etter del III"

demand_nb := "" if {
	any_procedure
}

default demand_en := " with a part III procedure"

demand_en := "" if {
	any_procedure
}

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
	"nb": sprintf("prosedyren «%s» er ikke en prosedyre etter del III", [pro_002.procedure]),
	"en": sprintf("procedure «%s» is not a part III procedure", [pro_002.procedure]),
} if {
	not any_procedure
	tiltak.set_at(["procurement", "procedure"])
	not pro_002.procedure in tiltak.params.procurement.eos_procedures
}

# problems_nb and problems_en list the problems in their order, for the message.
problems_nb := concat("; ", [problems[k].nb | some k in sort(object.keys(problems))])

problems_en := concat("; ", [problems[k].en | some k in sort(object.keys(problems))])

# meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
meta := rego.metadata.chain()
