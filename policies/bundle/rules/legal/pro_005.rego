# METADATA
# title: Klimahensyn er ikke vektet høyt nok i anskaffelsen
# description: |
#   From the first date of procurement.climate_weight_min_pct, a procurement
#   (procurement.involved) whose threshold value V (estimated_value_nok +
#   related_purchases_nok, 0 when missing) is at or above the national threshold in
#   force at Dp (announcement_date, else the as-of date D) must weight climate and
#   environment at least with the minimum share in force at Dp (climate_weight_pct;
#   missing counts as 0), unless the climate requirement is set in the technical
#   specification instead (climate_requirement_in_spec true).
# scope: package
# related_resources:
#   - ref: https://lovdata.no/forskrift/2016-08-12-974/§7-9
#     description: Anskaffelsesforskriften § 7-9 (klima- og miljøhensyn)
# custom:
#   id: PRO-005
#   severity: error
#   category: legal
#   reference: Anskaffelsesforskriften § 7-9
#   waivable: false
#   title_en: Climate is not weighted enough in the procurement
#   remedy:
#     nb: Vekt klima og miljø med minst den påkrevde andelen i tildelingskriteriene (procurement.climate_weight_pct),
#       eller still klimakrav i kravspesifikasjonen (procurement.climate_requirement_in_spec = true).
#     en: Weight climate and environment with at least the required share in the award criteria
#       (procurement.climate_weight_pct), or set climate requirements in the technical specification
#       (procurement.climate_requirement_in_spec = true).
package styring.rules.legal.pro_005

import data.styring.lib.initiative as tiltak
import data.styring.lib.params
import data.styring.lib.procurement
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/procurement/climate_weight_pct",
	"message": _message,
}) if {
	tiltak.doc.procurement.involved == true
	not tiltak.doc.procurement.climate_requirement_in_spec == true
	_weight < _min_weight.value
	procurement.v >= procurement.national_threshold.value
}

# _message names the climate weight, the minimum in force at Dp, and why the requirement applies.
_message := result.msg(
	sprintf(
		concat(" ", [
			"%s er under minstekravet på %v %% som gjelder fra %s (%s), og procurement.climate_requirement_in_spec",
			"er ikke true. Kravet gjelder fordi terskelverdien V = %d NOK (anslått verdi %d NOK + relaterte",
			"kjøp %d NOK) er lik eller over den nasjonale terskelverdien på %d NOK, som gjelder fra %s.",
		]),
		[
			_weight_nb, _min_weight.value, _min_weight.from, procurement.dp_nb, procurement.v, procurement.estimate,
			procurement.related, procurement.national_threshold.value, procurement.national_threshold.from,
		],
	),
	sprintf(
		concat(" ", [
			"%s is below the minimum of %v %% in force from %s (%s), and procurement.climate_requirement_in_spec is not true.",
			"The requirement applies because the threshold value V = %d NOK (estimated value %d NOK +",
			"related purchases %d NOK) is at or above the national threshold of %d NOK, in force from %s.",
		]),
		[
			_weight_en, _min_weight.value, _min_weight.from, procurement.dp_en, procurement.v, procurement.estimate,
			procurement.related, procurement.national_threshold.value, procurement.national_threshold.from,
		],
	),
)

# V, Dp and the national threshold at Dp are lib/procurement.rego's.

# _min_weight is undefined before the first date of the list: the rule does not apply.
_min_weight := params.entry_at(tiltak.params.procurement.climate_weight_min_pct, procurement.dp)

# _weight: a missing climate_weight_pct counts as 0.
_weight := object.get(tiltak.doc, ["procurement", "climate_weight_pct"], 0)

default _weight_nb := "Klimavekten er ikke oppgitt (procurement.climate_weight_pct, regnes som 0 %) og"

_weight_nb := sprintf("Klimavekten %v %% (procurement.climate_weight_pct)", [_weight]) if {
	tiltak.given_at(["procurement", "climate_weight_pct"])
}

default _weight_en := "The climate weight is not given (procurement.climate_weight_pct, counts as 0 %) and"

_weight_en := sprintf("The climate weight %v %% (procurement.climate_weight_pct)", [_weight]) if {
	tiltak.given_at(["procurement", "climate_weight_pct"])
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
