package styring.rules.legal.pro_004_test

import data.styring.rules.legal.pro_004
import data.styring.test.fixtures

# small: a small procurement without protocol.
small := object.union(fixtures.omstilling, {"procurement": {
	"involved": true,
	"category": "varer",
	"estimated_value_nok": 250000,
	"announcement_date": "2021-02-01",
	"procedure": "direkte",
	"protocol": false,
}})

brief_pro_004 := {{"rule_id": "PRO-004", "severity": "warning", "path": "/procurement/protocol"}}

with_procurement(fields) := object.union(small, {"procurement": fields})

test_fail_no_protocol if {
	vs := pro_004.violation with input as fixtures.input_for(small)
	fixtures.brief(vs) == brief_pro_004
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 250000 NOK (anslått verdi 250000 NOK + relaterte kjøp 0 NOK) er lik",
			"eller over nedre grense på 100000 NOK, som gjelder fra 2017-01-01 (kunngjøringsdato 2021-02-01),",
			"men procurement.protocol er ikke true: det må føres anskaffelsesprotokoll.",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 250000 NOK (estimated value 250000 NOK + related purchases 0 NOK)",
			"is at or above the lower limit of 100000 NOK, in force from 2017-01-01 (announcement date 2021-02-01),",
			"but procurement.protocol is not true: a procurement protocol must be kept.",
		]),
	}}
}

test_fail_protocol_missing if {
	doc := json.remove(small, ["procurement/protocol"])
	fixtures.brief(pro_004.violation) == brief_pro_004 with input as fixtures.input_for(doc)
}

test_fail_exactly_at_lower_limit_from_related_purchases if {
	doc := with_procurement({"estimated_value_nok": 60000, "related_purchases_nok": 40000})
	vs := pro_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_004
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 100000 NOK (anslått verdi 60000 NOK + relaterte kjøp 40000 NOK) er",
			"lik eller over nedre grense på 100000 NOK, som gjelder fra 2017-01-01 (kunngjøringsdato 2021-02-01),",
			"men procurement.protocol er ikke true: det må føres anskaffelsesprotokoll.",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 100000 NOK (estimated value 60000 NOK + related purchases 40000 NOK)",
			"is at or above the lower limit of 100000 NOK, in force from 2017-01-01 (announcement date 2021-02-01),",
			"but procurement.protocol is not true: a procurement protocol must be kept.",
		]),
	}}
}

test_success_just_below_lower_limit if {
	doc := with_procurement({"estimated_value_nok": 99999})
	count(pro_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_without_announcement_date_uses_as_of if {
	doc := json.remove(small, ["procurement/announcement_date"])
	vs := pro_004.violation with input as fixtures.input_at(doc, "2017-01-01")
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsens terskelverdi V = 250000 NOK (anslått verdi 250000 NOK + relaterte kjøp 0 NOK) er",
			"lik eller over nedre grense på 100000 NOK, som gjelder fra 2017-01-01 (vurdert per 2017-01-01,",
			"ingen kunngjøringsdato), men procurement.protocol er ikke true: det må føres anskaffelsesprotokoll.",
		]),
		"en": concat(" ", [
			"The procurement's threshold value V = 250000 NOK (estimated value 250000 NOK + related purchases 0",
			"NOK) is at or above the lower limit of 100000 NOK, in force from 2017-01-01 (assessed at 2017-01-01,",
			"no announcement date), but procurement.protocol is not true: a procurement protocol must be kept.",
		]),
	}}
}

test_success_before_first_limit_date if {
	doc := json.remove(small, ["procurement/announcement_date"])
	count(pro_004.violation) == 0 with input as fixtures.input_at(doc, "2016-12-31")
}

test_success_protocol_kept if {
	doc := with_procurement({"protocol": true})
	count(pro_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_not_involved if {
	doc := with_procurement({"involved": false})
	count(pro_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_procurement if {
	count(pro_004.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
