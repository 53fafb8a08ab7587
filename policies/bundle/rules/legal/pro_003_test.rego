package styring.rules.legal.pro_003_test

import data.styring.rules.legal.pro_003
import data.styring.test.fixtures

# services: a services procurement above the EØS threshold of 2050000 NOK (from 2020-02-12), not in TED.
services := object.union(fixtures.omstilling, {"procurement": {
	"involved": true,
	"category": "tjenester",
	"estimated_value_nok": 2100000,
	"announcement_date": "2022-03-22",
	"procedure": "apen_anbudskonkurranse",
	"doffin": true,
	"ted": false,
	"protocol": true,
}})

brief_pro_003 := {{"rule_id": "PRO-003", "severity": "error", "path": "/procurement"}}

with_procurement(fields) := object.union(services, {"procurement": fields})

test_fail_not_in_ted if {
	vs := pro_003.violation with input as fixtures.input_for(services)
	fixtures.brief(vs) == brief_pro_003
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 2100000 NOK (anslått verdi 2100000 NOK + relaterte kjøp 0 NOK) er lik eller",
			"over EØS-terskelverdien for kategorien tjenester på 2050000 NOK, som gjelder fra 2020-02-12 (kunngjøringsdato",
			"2022-03-22). Den må kunngjøres i TED med en prosedyre etter del III: procurement.ted er ikke true.",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 2100000 NOK (estimated value 2100000 NOK + related purchases 0 NOK) is",
			"at or above the EEA threshold for category tjenester of 2050000 NOK, in force from 2020-02-12 (announcement",
			"date 2022-03-22). It must be announced in TED with a part III procedure: procurement.ted is not true.",
		]),
	}}
}

test_success_on_day_of_threshold_change if {
	doc := with_procurement({"announcement_date": "2022-03-23"})
	count(pro_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_exactly_at_new_threshold if {
	doc := with_procurement({"announcement_date": "2022-03-23", "estimated_value_nok": 2200000})
	vs := pro_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_003
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 2200000 NOK (anslått verdi 2200000 NOK + relaterte kjøp 0 NOK) er lik eller",
			"over EØS-terskelverdien for kategorien tjenester på 2200000 NOK, som gjelder fra 2022-03-23 (kunngjøringsdato",
			"2022-03-23). Den må kunngjøres i TED med en prosedyre etter del III: procurement.ted er ikke true.",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 2200000 NOK (estimated value 2200000 NOK + related purchases 0 NOK) is",
			"at or above the EEA threshold for category tjenester of 2200000 NOK, in force from 2022-03-23 (announcement",
			"date 2022-03-23). It must be announced in TED with a part III procedure: procurement.ted is not true.",
		]),
	}}
}

test_success_just_below_new_threshold if {
	doc := with_procurement({"announcement_date": "2022-03-23", "estimated_value_nok": 2199999})
	count(pro_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_related_purchases_count_towards_value if {
	doc := with_procurement({"estimated_value_nok": 2000000, "related_purchases_nok": 50000})
	fixtures.brief(pro_003.violation) == brief_pro_003 with input as fixtures.input_for(doc)
}

test_fail_national_only_procedure_in_ted if {
	doc := with_procurement({"ted": true, "procedure": "apen_tilbudskonkurranse"})
	vs := pro_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_003
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 2100000 NOK (anslått verdi 2100000 NOK + relaterte kjøp",
			"0 NOK) er lik eller over EØS-terskelverdien for kategorien tjenester på 2050000 NOK,",
			"som gjelder fra 2020-02-12 (kunngjøringsdato 2022-03-22). Den må kunngjøres i TED med en prosedyre etter del III:",
			"prosedyren «apen_tilbudskonkurranse» er ikke en prosedyre etter del III.",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 2100000 NOK (estimated value 2100000 NOK + related",
			"purchases 0 NOK) is at or above the EEA threshold for category tjenester of 2050000 NOK,",
			"in force from 2020-02-12 (announcement date 2022-03-22). It must be announced in TED with a part III procedure:",
			"procedure «apen_tilbudskonkurranse» is not a part III procedure.",
		]),
	}}
}

test_fail_ted_and_procedure_missing if {
	doc := json.remove(services, ["procurement/ted", "procurement/procedure"])
	vs := pro_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_003
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 2100000 NOK (anslått verdi 2100000 NOK + relaterte kjøp",
			"0 NOK) er lik eller over EØS-terskelverdien for kategorien tjenester på 2050000 NOK,",
			"som gjelder fra 2020-02-12 (kunngjøringsdato 2022-03-22). Den må kunngjøres i TED med en prosedyre etter del III:",
			"procurement.ted er ikke true; ingen prosedyre er oppgitt (procurement.procedure).",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 2100000 NOK (estimated value 2100000 NOK + related",
			"purchases 0 NOK) is at or above the EEA threshold for category tjenester of 2050000 NOK,",
			"in force from 2020-02-12 (announcement date 2022-03-22). It must be announced in TED with a part III procedure:",
			"procurement.ted is not true; no procedure is given (procurement.procedure).",
		]),
	}}
}

test_success_ted_and_part_iii_procedure if {
	doc := with_procurement({"ted": true})
	count(pro_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_helse_sosial_any_procedure_in_ted if {
	doc := with_procurement({
		"category": "helse_sosial",
		"estimated_value_nok": 7200000,
		"ted": true,
		"procedure": "direkte",
	})
	count(pro_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_helse_sosial_without_procedure_in_ted if {
	doc := json.remove(
		with_procurement({"category": "helse_sosial", "estimated_value_nok": 7200000, "ted": true}),
		["procurement/procedure"],
	)
	count(pro_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_helse_sosial_at_threshold_not_in_ted if {
	doc := with_procurement({"category": "helse_sosial", "estimated_value_nok": 7200000, "procedure": "direkte"})
	vs := pro_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_003
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 7200000 NOK (anslått verdi 7200000 NOK + relaterte kjøp",
			"0 NOK) er lik eller over EØS-terskelverdien for kategorien helse_sosial på 7200000 NOK,",
			"som gjelder fra 2020-02-12 (kunngjøringsdato 2022-03-22). Den må kunngjøres i TED: procurement.ted er ikke true.",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 7200000 NOK (estimated value 7200000 NOK + related",
			"purchases 0 NOK) is at or above the EEA threshold for category helse_sosial of 7200000 NOK,",
			"in force from 2020-02-12 (announcement date 2022-03-22). It must be announced in TED: procurement.ted is not true.",
		]),
	}}
}

test_success_helse_sosial_below_its_threshold if {
	doc := with_procurement({"category": "helse_sosial", "estimated_value_nok": 7199999})
	count(pro_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_without_announcement_date_uses_as_of if {
	doc := json.remove(services, ["procurement/announcement_date"])
	vs := pro_003.violation with input as fixtures.input_at(doc, "2022-03-22")
	fixtures.brief(vs) == brief_pro_003
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 2100000 NOK (anslått verdi 2100000 NOK + relaterte kjøp 0 NOK) er lik eller over",
			"EØS-terskelverdien for kategorien tjenester på 2050000 NOK, som gjelder fra 2020-02-12 (vurdert per 2022-03-22,",
			"ingen kunngjøringsdato). Den må kunngjøres i TED med en prosedyre etter del III: procurement.ted er ikke true.",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 2100000 NOK (estimated value 2100000 NOK + related purchases 0 NOK) is at or",
			"above the EEA threshold for category tjenester of 2050000 NOK, in force from 2020-02-12 (assessed at 2022-03-22,",
			"no announcement date). It must be announced in TED with a part III procedure: procurement.ted is not true.",
		]),
	}}
}

test_success_without_announcement_date_on_day_of_change if {
	doc := json.remove(services, ["procurement/announcement_date"])
	count(pro_003.violation) == 0 with input as fixtures.input_at(doc, "2022-03-23")
}

test_success_before_first_threshold_date if {
	doc := with_procurement({"announcement_date": "2018-04-05", "estimated_value_nok": 90000000})
	count(pro_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_category_missing_has_no_eos_threshold if {
	doc := json.remove(with_procurement({"estimated_value_nok": 90000000}), ["procurement/category"])
	count(pro_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_not_involved if {
	doc := with_procurement({"involved": false})
	count(pro_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_valid_examples if {
	count(pro_003.violation) == 0 with input as fixtures.input_for(fixtures.investering)
	count(pro_003.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}
