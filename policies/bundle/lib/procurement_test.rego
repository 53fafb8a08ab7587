package styring.lib.procurement_test

import data.styring.lib.procurement
import data.styring.test.fixtures

test_success_procurement_terms_with_announcement_date if {
	inp := fixtures.input_for(fixtures.digital)
	procurement.estimate == 9600000 with input as inp
	procurement.related == 0 with input as inp
	procurement.v == 9600000 with input as inp
	procurement.dp == "2023-02-01" with input as inp
	procurement.dp_nb == "kunngjøringsdato 2023-02-01" with input as inp
	procurement.dp_en == "announcement date 2023-02-01" with input as inp
	procurement.national_threshold == {"from": "2018-04-06", "value": 1300000} with input as inp
	procurement.procedure == "apen_anbudskonkurranse" with input as inp
}

test_success_procurement_dp_is_d_without_announcement_date if {
	doc := json.patch(fixtures.digital, [
		{"op": "replace", "path": "/procurement/announcement_date", "value": ""},
		{"op": "add", "path": "/procurement/related_purchases_nok", "value": 400000},
		{"op": "remove", "path": "/procurement/procedure"},
	])
	inp := fixtures.input_at(doc, "2018-01-01")
	procurement.v == 10000000 with input as inp
	procurement.dp == "2018-01-01" with input as inp
	procurement.dp_nb == "vurdert per 2018-01-01, ingen kunngjøringsdato" with input as inp
	procurement.dp_en == "assessed at 2018-01-01, no announcement date" with input as inp
	procurement.national_threshold == {"from": "2017-01-01", "value": 1100000} with input as inp
	procurement.procedure == null with input as inp
}

test_fail_procurement_no_national_threshold_before_its_first_date if {
	doc := json.remove(fixtures.digital, ["procurement/announcement_date"])
	not procurement.national_threshold with input as fixtures.input_at(doc, "2016-12-31")
}
