package styring.rules.legal.pro_005_test

import data.styring.rules.legal.pro_005
import data.styring.test.fixtures

# low_weight: the digital example announced when the minimum climate weight applies, weighted 20 %, no climate
# requirement in the specification.
low_weight := object.union(fixtures.digital, {"procurement": {
	"announcement_date": "2024-01-01",
	"climate_weight_pct": 20,
	"climate_requirement_in_spec": false,
}})

brief_pro_005 := {{"rule_id": "PRO-005", "severity": "error", "path": "/procurement/climate_weight_pct"}}

with_procurement(fields) := object.union(low_weight, {"procurement": fields})

test_fail_climate_weight_below_minimum if {
	vs := pro_005.violation with input as fixtures.input_for(low_weight)
	fixtures.brief(vs) == brief_pro_005
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Klimavekten 20 % (procurement.climate_weight_pct) er under minstekravet på 30 % som gjelder fra",
			"2024-01-01 (kunngjøringsdato 2024-01-01), og procurement.climate_requirement_in_spec er ikke true.",
			"Kravet gjelder fordi terskelverdien V = 9600000 NOK (anslått verdi 9600000 NOK + relaterte kjøp",
			"0 NOK) er lik eller over den nasjonale terskelverdien på 1300000 NOK, som gjelder fra 2018-04-06.",
		]),
		"en": concat(" ", [
			"The climate weight 20 % (procurement.climate_weight_pct) is below the minimum of 30 % in force from",
			"2024-01-01 (announcement date 2024-01-01), and procurement.climate_requirement_in_spec is not true.",
			"The requirement applies because the threshold value V = 9600000 NOK (estimated value 9600000 NOK +",
			"related purchases 0 NOK) is at or above the national threshold of 1300000 NOK, in force from 2018-04-06.",
		]),
	}}
}

test_success_day_before_minimum_applies if {
	doc := with_procurement({"announcement_date": "2023-12-31"})
	count(pro_005.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_weight_exactly_at_minimum if {
	doc := with_procurement({"climate_weight_pct": 30})
	count(pro_005.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_weight_just_below_minimum if {
	doc := with_procurement({"climate_weight_pct": 29.9})
	fixtures.brief(pro_005.violation) == brief_pro_005 with input as fixtures.input_for(doc)
}

test_fail_weight_missing_counts_as_zero if {
	doc := json.remove(low_weight, ["procurement/climate_weight_pct", "procurement/climate_requirement_in_spec"])
	vs := pro_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_005
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Klimavekten er ikke oppgitt (procurement.climate_weight_pct, regnes som 0 %) og er under minstekravet på 30 % som",
			"gjelder fra 2024-01-01 (kunngjøringsdato 2024-01-01), og procurement.climate_requirement_in_spec er ikke true.",
			"Kravet gjelder fordi terskelverdien V = 9600000 NOK (anslått verdi 9600000 NOK + relaterte kjøp",
			"0 NOK) er lik eller over den nasjonale terskelverdien på 1300000 NOK, som gjelder fra 2018-04-06.",
		]),
		"en": concat(" ", [
			"The climate weight is not given (procurement.climate_weight_pct, counts as 0 %) and is below the minimum of 30 %",
			"in force from 2024-01-01 (announcement date 2024-01-01), and procurement.climate_requirement_in_spec is not true.",
			"The requirement applies because the threshold value V = 9600000 NOK (estimated value 9600000 NOK +",
			"related purchases 0 NOK) is at or above the national threshold of 1300000 NOK, in force from 2018-04-06.",
		]),
	}}
}

test_success_climate_requirement_in_spec if {
	doc := with_procurement({"climate_requirement_in_spec": true})
	count(pro_005.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_exactly_at_national_threshold if {
	doc := with_procurement({"estimated_value_nok": 1000000, "related_purchases_nok": 300000})
	fixtures.brief(pro_005.violation) == brief_pro_005 with input as fixtures.input_for(doc)
}

test_success_just_below_national_threshold if {
	doc := with_procurement({"estimated_value_nok": 1299999})
	count(pro_005.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_without_announcement_date_uses_as_of if {
	doc := json.remove(low_weight, ["procurement/announcement_date"])
	vs := pro_005.violation with input as fixtures.input_at(doc, "2024-01-01")
	fixtures.brief(vs) == brief_pro_005
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Klimavekten 20 % (procurement.climate_weight_pct) er under minstekravet på 30 % som gjelder fra 2024-01-01",
			"(vurdert per 2024-01-01, ingen kunngjøringsdato), og procurement.climate_requirement_in_spec er ikke true.",
			"Kravet gjelder fordi terskelverdien V = 9600000 NOK (anslått verdi 9600000 NOK + relaterte kjøp",
			"0 NOK) er lik eller over den nasjonale terskelverdien på 1300000 NOK, som gjelder fra 2018-04-06.",
		]),
		"en": concat(" ", [
			"The climate weight 20 % (procurement.climate_weight_pct) is below the minimum of 30 % in force from 2024-01-01",
			"(assessed at 2024-01-01, no announcement date), and procurement.climate_requirement_in_spec is not true.",
			"The requirement applies because the threshold value V = 9600000 NOK (estimated value 9600000 NOK +",
			"related purchases 0 NOK) is at or above the national threshold of 1300000 NOK, in force from 2018-04-06.",
		]),
	}}
}

test_success_without_announcement_date_day_before if {
	doc := json.remove(low_weight, ["procurement/announcement_date"])
	count(pro_005.violation) == 0 with input as fixtures.input_at(doc, "2023-12-31")
}

test_success_not_involved if {
	doc := with_procurement({"involved": false})
	count(pro_005.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_valid_examples if {
	count(pro_005.violation) == 0 with input as fixtures.input_for(fixtures.digital)
	count(pro_005.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}
