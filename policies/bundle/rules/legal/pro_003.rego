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
import data.styring.lib.procurement
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/procurement",
	"message": _message,
}) if {
	tiltak.doc.procurement.involved == true
	not _announced_part_iii
	procurement.v >= _threshold.value
}

# _message names V and its parts, the EEA threshold of the category in force at Dp and every problem.
_message := result.msg(
	sprintf(
		concat(" ", [
			"Anskaffelsens terskelverdi V = %d NOK (anslått verdi %d NOK + relaterte kjøp %d NOK) er lik eller over",
			"EØS-terskelverdien for kategorien %s på %d NOK, som gjelder fra %s (%s). Den må kunngjøres i TED%s: %s.",
		]),
		[
			procurement.v, procurement.estimate, procurement.related, _category, _threshold.value, _threshold.from,
			procurement.dp_nb, _demand_nb, _problems_nb,
		],
	),
	sprintf(
		concat(" ", [
			"The procurement's threshold value V = %d NOK (estimated value %d NOK + related purchases %d NOK) is at or",
			"above the EEA threshold for category %s of %d NOK, in force from %s (%s). It must be announced in TED%s: %s.",
		]),
		[
			procurement.v, procurement.estimate, procurement.related, _category, _threshold.value, _threshold.from,
			procurement.dp_en, _demand_en, _problems_en,
		],
	),
)

# _announced_part_iii: ted is true and the procedure is one of part III (any
# procedure for helse_sosial), i.e. there are no problems. Checked before the
# threshold, which costs a dated lookup.
_announced_part_iii if {
	tiltak.doc.procurement.ted == true
	tiltak.doc.procurement.procedure in tiltak.params.procurement.eos_procedures
}

_announced_part_iii if {
	tiltak.doc.procurement.ted == true
	_any_procedure
}

_category := object.get(tiltak.doc, ["procurement", "category"], null)

# _any_procedure: special health and social services may use any procedure.
_any_procedure if tiltak.doc.procurement.category == "helse_sosial"

# V, Dp and the procedure are lib/procurement.rego's.
_threshold := params.entry_at(tiltak.params.procurement.eos_threshold_nok[_category], procurement.dp)

default _demand_nb := " med en prosedyre etter del III"

_demand_nb := "" if {
	_any_procedure
}

default _demand_en := " with a part III procedure"

_demand_en := "" if {
	_any_procedure
}

# _problems, keyed by their order in the message.
_problems[1] := {
	"nb": "procurement.ted er ikke true",
	"en": "procurement.ted is not true",
} if {
	not tiltak.true_at(["procurement", "ted"])
}

_problems[2] := {
	"nb": "ingen prosedyre er oppgitt (procurement.procedure)",
	"en": "no procedure is given (procurement.procedure)",
} if {
	not _any_procedure
	not tiltak.set_at(["procurement", "procedure"])
}

_problems[2] := {
	"nb": sprintf("prosedyren «%s» er ikke en prosedyre etter del III", [procurement.procedure]),
	"en": sprintf("procedure «%s» is not a part III procedure", [procurement.procedure]),
} if {
	not _any_procedure
	tiltak.set_at(["procurement", "procedure"])
	not procurement.procedure in tiltak.params.procurement.eos_procedures
}

# _problems_nb and _problems_en list the problems in their order, for the message.
_problems_nb := concat("; ", [_problems[k].nb | some k in sort(object.keys(_problems))])

_problems_en := concat("; ", [_problems[k].en | some k in sort(object.keys(_problems))])

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
