# METADATA
# title: Anskaffelse over nasjonal terskelverdi er ikke kunngjort etter del II
# description: |
#   A procurement (procurement.involved) whose threshold value V (estimated_value_nok +
#   related_purchases_nok, 0 when missing) is at or above the national threshold in
#   force at Dp (announcement_date, else the as-of date D) must be announced in Doffin
#   (doffin true) with one of the procedures of part II (parameters
#   procurement.national_procedures); a direct award is not allowed. Special health and
#   social services (category helse_sosial) follow their own rules and are exempt; a
#   missing category is not exempt (PRO-001 asks for it). Before the first threshold
#   date the rule does not apply.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/forskrift/2016-08-12-974/§5-1
#     description: Anskaffelsesforskriften § 5-1 (hvilke deler av forskriften som gjelder)
#   - ref: https://lovdata.no/forskrift/2016-08-12-974/§5-3
#     description: Anskaffelsesforskriften § 5-3 (terskelverdier)
# custom:
#   id: PRO-002
#   severity: error
#   category: legal
#   reference: Anskaffelsesforskriften §§ 5-1, 5-3 (del II)
#   waivable: false
#   title_en: A procurement above the national threshold is not announced under part II
#   remedy:
#     nb: Kunngjør anskaffelsen i Doffin (procurement.doffin = true) og bruk en prosedyre etter forskriftens del II
#       (procurement.procedure), eller rett den anslåtte verdien om den er feil.
#     en: Announce the procurement in Doffin (procurement.doffin = true) and use a procedure of part II of the
#       regulation (procurement.procedure), or correct the estimated value if it is wrong.
package styring.rules.legal.pro_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.procurement
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/procurement",
	"message": _message,
}) if {
	tiltak.doc.procurement.involved == true
	not _announced_part_ii
	not tiltak.doc.procurement.category == "helse_sosial"
	procurement.v >= procurement.national_threshold.value
}

# _message names V and its parts, the national threshold in force at Dp and every problem.
_message := result.msg(
	sprintf(
		concat(" ", [
			"Anskaffelsens terskelverdi V = %d NOK (anslått verdi %d NOK + relaterte kjøp %d NOK)",
			"er lik eller over den nasjonale terskelverdien på %d NOK, som gjelder fra %s (%s).",
			"Den må kunngjøres i Doffin med en prosedyre etter del II: %s.",
		]),
		[
			procurement.v, procurement.estimate, procurement.related, procurement.national_threshold.value,
			procurement.national_threshold.from, procurement.dp_nb, _problems_nb,
		],
	),
	sprintf(
		concat(" ", [
			"The procurement's threshold value V = %d NOK (estimated value %d NOK + related purchases",
			"%d NOK) is at or above the national threshold of %d NOK, in force from %s (%s).",
			"It must be announced in Doffin with a part II procedure: %s.",
		]),
		[
			procurement.v, procurement.estimate, procurement.related, procurement.national_threshold.value,
			procurement.national_threshold.from, procurement.dp_en, _problems_en,
		],
	),
)

# _announced_part_ii: doffin is true and the procedure is one of part II, i.e. there
# are no problems. Checked before the threshold, which costs a dated lookup.
_announced_part_ii if {
	tiltak.doc.procurement.doffin == true
	tiltak.doc.procurement.procedure in tiltak.params.procurement.national_procedures
}

# V, Dp, the national threshold at Dp and the procedure are lib/procurement.rego's.

# _problems, keyed by their order in the message.
_problems[1] := {
	"nb": "procurement.doffin er ikke true",
	"en": "procurement.doffin is not true",
} if {
	not tiltak.true_at(["procurement", "doffin"])
}

_problems[2] := {
	"nb": "ingen prosedyre er oppgitt (procurement.procedure)",
	"en": "no procedure is given (procurement.procedure)",
} if {
	not tiltak.set_at(["procurement", "procedure"])
}

_problems[2] := {
	"nb": sprintf("prosedyren «%s» er ikke en prosedyre etter del II", [procurement.procedure]),
	"en": sprintf("procedure «%s» is not a part II procedure", [procurement.procedure]),
} if {
	tiltak.set_at(["procurement", "procedure"])
	not procurement.procedure in tiltak.params.procurement.national_procedures
}

# _problems_nb and _problems_en list the problems in their order, for the message.
_problems_nb := concat("; ", [_problems[k].nb | some k in sort(object.keys(_problems))])

_problems_en := concat("; ", [_problems[k].en | some k in sort(object.keys(_problems))])

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
