package styring.rules.kpi.kpi_001_test

import data.styring.rules.kpi.kpi_001
import data.styring.test.fixtures

test_fail_kpis_missing if {
	doc := json.remove(fixtures.omstilling, ["kpis"])
	vs := kpi_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-001", "severity": "error", "path": "/kpis"}}
	fixtures.messages(vs) == {{
		"nb": "Tiltaket har ingen styringsparametere (kpis er ikke fylt ut). Effekten av tiltaket må kunne måles.",
		"en": "The initiative has no KPIs (kpis is not filled in). The effect of the initiative must be measurable.",
	}}
}

test_fail_kpis_empty if {
	doc := json.patch(fixtures.investering, [{"op": "replace", "path": "/kpis", "value": []}])
	vs := kpi_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-001", "severity": "error", "path": "/kpis"}}
}

test_success_kpis_set if {
	count(kpi_001.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
