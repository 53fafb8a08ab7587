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
import data.styring.lib.result
import data.styring.rules.legal.pro_002

violation contains result.fail(meta, {
	"path": "/procurement/climate_weight_pct",
	"message": message,
}) if {
	tiltak.doc.procurement.involved == true
	not tiltak.doc.procurement.climate_requirement_in_spec == true
	weight < min_weight.value
	pro_002.v >= pro_002.national_threshold.value
}

# message names the climate weight, the minimum in force at Dp, and why the requirement applies.
message := result.msg(
	sprintf(
		concat(" ", [
			"%s er under minstekravet på %v %% som gjelder fra %s (%s), og procurement.climate_requirement_in_spec",
			"er ikke true. Kravet gjelder fordi terskelverdien V = %d NOK (anslått verdi %d NOK + relaterte",
			"kjøp %d NOK) er lik eller over den nasjonale terskelverdien på %d NOK, som gjelder fra %s.",
		]),
		[
			weight_nb, min_weight.value, min_weight.from, pro_002.dp_nb, pro_002.v, pro_002.estimate, pro_002.related,
			pro_002.national_threshold.value, pro_002.national_threshold.from,
		],
	),
	sprintf(
		concat(" ", [
			"%s is below the minimum of %v %% in force from %s (%s), and procurement.climate_requirement_in_spec is not true.",
			"The requirement applies because the threshold value V = %d NOK (estimated value %d NOK +",
			"related purchases %d NOK) is at or above the national threshold of %d NOK, in force from %s.",
		]),
		[
			weight_en, min_weight.value, min_weight.from, pro_002.dp_en, pro_002.v, pro_002.estimate, pro_002.related,
			pro_002.national_threshold.value, pro_002.national_threshold.from,
		],
	),
)

# V, Dp and the national threshold at Dp are pro_002's.

# min_weight is undefined before the first date of the list: the rule does not apply.
min_weight := params.entry_at(tiltak.params.procurement.climate_weight_min_pct, pro_002.dp)

# weight: a missing climate_weight_pct counts as 0.
weight := object.get(tiltak.doc, ["procurement", "climate_weight_pct"], 0)

default weight_nb := "Klimavekten er ikke oppgitt (procurement.climate_weight_pct, regnes som 0 %) og"

weight_nb := sprintf("Klimavekten %v %% (procurement.climate_weight_pct)", [weight]) if {
	tiltak.given_at(["procurement", "climate_weight_pct"])
}

default weight_en := "The climate weight is not given (procurement.climate_weight_pct, counts as 0 %) and"

weight_en := sprintf("The climate weight %v %% (procurement.climate_weight_pct)", [weight]) if {
	tiltak.given_at(["procurement", "climate_weight_pct"])
}

# meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
meta := rego.metadata.chain()
