package styring.rules.legal.pro_002_test

import data.styring.rules.legal.pro_002
import data.styring.test.fixtures

# direct_award: testdata/examples/omstilling-direct-award-above-national.json.
direct_award := object.union(fixtures.omstilling, {"procurement": {
	"involved": true,
	"category": "tjenester",
	"estimated_value_nok": 1800000,
	"announcement_date": "2021-02-01",
	"procedure": "direkte",
	"doffin": false,
	"ted": false,
	"protocol": true,
}})

brief_pro_002 := {{"rule_id": "PRO-002", "severity": "error", "path": "/procurement"}}

with_procurement(fields) := object.union(direct_award, {"procurement": fields})

test_fail_direct_award_above_national_threshold if {
	vs := pro_002.violation with input as fixtures.input_for(direct_award)
	fixtures.brief(vs) == brief_pro_002
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 1800000 NOK (anslått verdi 1800000 NOK + relaterte kjøp 0 NOK) er lik eller",
			"over den nasjonale terskelverdien på 1300000 NOK, som gjelder fra 2018-04-06 (kunngjøringsdato 2021-02-01).",
			"Den må kunngjøres i Doffin med en prosedyre etter del II:",
			"procurement.doffin er ikke true; prosedyren «direkte» er ikke en prosedyre etter del II.",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 1800000 NOK (estimated value 1800000 NOK + related purchases 0 NOK) is",
			"at or above the national threshold of 1300000 NOK, in force from 2018-04-06 (announcement date 2021-02-01).",
			"It must be announced in Doffin with a part II procedure:",
			"procurement.doffin is not true; procedure «direkte» is not a part II procedure.",
		]),
	}}
}

test_fail_doffin_missing_only if {
	doc := json.remove(with_procurement({"procedure": "apen_tilbudskonkurranse"}), ["procurement/doffin"])
	vs := pro_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_002
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 1800000 NOK (anslått verdi 1800000 NOK + relaterte kjøp 0 NOK) er lik eller",
			"over den nasjonale terskelverdien på 1300000 NOK, som gjelder fra 2018-04-06 (kunngjøringsdato 2021-02-01).",
			"Den må kunngjøres i Doffin med en prosedyre etter del II: procurement.doffin er ikke true.",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 1800000 NOK (estimated value 1800000 NOK + related purchases 0 NOK) is",
			"at or above the national threshold of 1300000 NOK, in force from 2018-04-06 (announcement date 2021-02-01).",
			"It must be announced in Doffin with a part II procedure: procurement.doffin is not true.",
		]),
	}}
}

test_fail_procedure_missing if {
	doc := json.remove(with_procurement({"doffin": true}), ["procurement/procedure"])
	vs := pro_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_002
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 1800000 NOK (anslått verdi 1800000 NOK + relaterte kjøp 0 NOK) er lik eller",
			"over den nasjonale terskelverdien på 1300000 NOK, som gjelder fra 2018-04-06 (kunngjøringsdato 2021-02-01).",
			"Den må kunngjøres i Doffin med en prosedyre etter del II: ingen prosedyre er oppgitt (procurement.procedure).",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 1800000 NOK (estimated value 1800000 NOK + related purchases 0 NOK) is",
			"at or above the national threshold of 1300000 NOK, in force from 2018-04-06 (announcement date 2021-02-01).",
			"It must be announced in Doffin with a part II procedure: no procedure is given (procurement.procedure).",
		]),
	}}
}

test_fail_procedure_not_part_ii_with_doffin if {
	doc := with_procurement({"doffin": true})
	fixtures.brief(pro_002.violation) == brief_pro_002 with input as fixtures.input_for(doc)
}

test_fail_exactly_at_threshold if {
	doc := with_procurement({"estimated_value_nok": 1300000})
	fixtures.brief(pro_002.violation) == brief_pro_002 with input as fixtures.input_for(doc)
}

test_success_just_below_threshold if {
	doc := with_procurement({"estimated_value_nok": 1299999})
	count(pro_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_related_purchases_count_towards_value if {
	doc := with_procurement({"estimated_value_nok": 1000000, "related_purchases_nok": 300000})
	vs := pro_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_002
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 1300000 NOK (anslått verdi 1000000 NOK + relaterte kjøp 300000 NOK) er lik eller",
			"over den nasjonale terskelverdien på 1300000 NOK, som gjelder fra 2018-04-06 (kunngjøringsdato 2021-02-01).",
			"Den må kunngjøres i Doffin med en prosedyre etter del II:",
			"procurement.doffin er ikke true; prosedyren «direkte» er ikke en prosedyre etter del II.",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 1300000 NOK (estimated value 1000000 NOK + related purchases 300000 NOK)",
			"is at or above the national threshold of 1300000 NOK, in force from 2018-04-06 (announcement date 2021-02-01).",
			"It must be announced in Doffin with a part II procedure:",
			"procurement.doffin is not true; procedure «direkte» is not a part II procedure.",
		]),
	}}
}

test_fail_day_before_threshold_change_uses_old_threshold if {
	doc := with_procurement({"estimated_value_nok": 1200000, "announcement_date": "2018-04-05"})
	vs := pro_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_002
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 1200000 NOK (anslått verdi 1200000 NOK + relaterte kjøp 0 NOK) er lik eller",
			"over den nasjonale terskelverdien på 1100000 NOK, som gjelder fra 2017-01-01 (kunngjøringsdato 2018-04-05).",
			"Den må kunngjøres i Doffin med en prosedyre etter del II:",
			"procurement.doffin er ikke true; prosedyren «direkte» er ikke en prosedyre etter del II.",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 1200000 NOK (estimated value 1200000 NOK + related purchases 0 NOK) is",
			"at or above the national threshold of 1100000 NOK, in force from 2017-01-01 (announcement date 2018-04-05).",
			"It must be announced in Doffin with a part II procedure:",
			"procurement.doffin is not true; procedure «direkte» is not a part II procedure.",
		]),
	}}
}

test_success_on_day_of_threshold_change if {
	doc := with_procurement({"estimated_value_nok": 1200000, "announcement_date": "2018-04-06"})
	count(pro_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_without_announcement_date_uses_as_of if {
	doc := json.remove(with_procurement({"estimated_value_nok": 1200000}), ["procurement/announcement_date"])
	vs := pro_002.violation with input as fixtures.input_at(doc, "2018-04-05")
	fixtures.brief(vs) == brief_pro_002
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 1200000 NOK (anslått verdi 1200000 NOK + relaterte kjøp 0 NOK) er lik eller",
			"over den nasjonale terskelverdien på 1100000 NOK, som gjelder fra 2017-01-01 (vurdert per 2018-04-05,",
			"ingen kunngjøringsdato). Den må kunngjøres i Doffin med en prosedyre etter del II:",
			"procurement.doffin er ikke true; prosedyren «direkte» er ikke en prosedyre etter del II.",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 1200000 NOK (estimated value 1200000 NOK + related purchases 0 NOK)",
			"is at or above the national threshold of 1100000 NOK, in force from 2017-01-01 (assessed at 2018-04-05,",
			"no announcement date). It must be announced in Doffin with a part II procedure:",
			"procurement.doffin is not true; procedure «direkte» is not a part II procedure.",
		]),
	}}
}

test_success_without_announcement_date_on_day_of_change if {
	doc := json.remove(with_procurement({"estimated_value_nok": 1200000}), ["procurement/announcement_date"])
	count(pro_002.violation) == 0 with input as fixtures.input_at(doc, "2018-04-06")
}

test_success_before_first_threshold_date if {
	doc := with_procurement({"announcement_date": "2016-12-31"})
	count(pro_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_category_missing_is_not_exempt if {
	doc := json.remove(direct_award, ["procurement/category"])
	fixtures.brief(pro_002.violation) == brief_pro_002 with input as fixtures.input_for(doc)
}

test_success_helse_sosial_is_exempt if {
	doc := with_procurement({"category": "helse_sosial"})
	count(pro_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_not_involved if {
	doc := with_procurement({"involved": false})
	count(pro_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_doffin_and_part_ii_procedure if {
	count(pro_002.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}
