package styring.rules.kpi.kpi_008_test

import data.styring.rules.kpi.kpi_008
import data.styring.test.fixtures

test_fail_effektivisering_without_quality_kpi if {
	doc := json.patch(fixtures.effektivisering, [{"op": "replace", "path": "/kpis/1/kind", "value": "tid"}])
	vs := kpi_008.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-008", "severity": "warning", "path": "/kpis"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket er av typen effektivisering, men ingen styringsparameter har art kvalitet (kpis[].kind).",
			"Omstilling skal skje med kvalitet, og virkningen på tjenesten må kunne følges opp.",
		]),
		"en": concat(" ", [
			"The initiative is of type effektivisering, but no KPI is of kind kvalitet (kpis[].kind).",
			"Restructuring must maintain quality, and the effect on the service must be possible to follow up.",
		]),
	}}
}

test_fail_omstilling_without_kpis if {
	doc := json.remove(fixtures.omstilling, ["kpis"])
	vs := kpi_008.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-008", "severity": "warning", "path": "/kpis"}}
}

test_success_saving_type_with_quality_kpi if {
	count(kpi_008.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_not_a_saving_type if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/kpis/0/kind", "value": "tid"}])
	count(kpi_008.violation) == 0 with input as fixtures.input_for(doc)
}
