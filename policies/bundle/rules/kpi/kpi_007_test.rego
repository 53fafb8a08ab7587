package styring.rules.kpi.kpi_007_test

import data.styring.rules.kpi.kpi_007
import data.styring.test.fixtures

test_fail_omstilling_without_financial_kpi if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/kpis/0/kind", "value": "tid"}])
	vs := kpi_007.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-007", "severity": "error", "path": "/kpis"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Tiltaket er av typen omstilling, men ingen styringsparameter har art okonomisk (kpis[].kind).",
			"Den økonomiske gevinsten må kunne følges opp.",
		]),
		"en": concat(" ", [
			"The initiative is of type omstilling, but no KPI is of kind okonomisk (kpis[].kind).",
			"The financial gain must be possible to follow up.",
		]),
	}}
}

test_fail_effektivisering_kind_missing if {
	doc := json.remove(fixtures.effektivisering, ["kpis/0/kind"])
	vs := kpi_007.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-007", "severity": "error", "path": "/kpis"}}
}

test_fail_innsparing_without_kpis if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/type", "value": "innsparing"},
		{"op": "remove", "path": "/kpis"},
	])
	vs := kpi_007.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-007", "severity": "error", "path": "/kpis"}}
}

test_success_saving_type_with_financial_kpi if {
	count(kpi_007.violation) == 0 with input as fixtures.input_for(fixtures.effektivisering)
}

test_success_not_a_saving_type if {
	# investering has no okonomisk KPI.
	count(kpi_007.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}
