package styring.rules.kpi.kpi_002_test

import data.styring.rules.kpi.kpi_002
import data.styring.test.fixtures

test_fail_one_field_missing if {
	doc := json.remove(fixtures.omstilling, ["kpis/1/unit"])
	vs := kpi_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-002", "severity": "error", "path": "/kpis/1"}}
	fixtures.messages(vs) == {{
		"nb": "Styringsparameter nr. 2 «Andel elever med tilgang til digitale læremidler i alle fag» mangler unit.",
		"en": "KPI no. 2 «Andel elever med tilgang til digitale læremidler i alle fag» lacks unit.",
	}}
}

test_fail_lists_every_missing_field_in_order if {
	doc := json.patch(
		fixtures.omstilling,
		[{"op": "replace", "path": "/kpis/0", "value": {"id": "k1", "kind": "okonomisk"}}],
	)
	vs := kpi_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-002", "severity": "error", "path": "/kpis/0"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Styringsparameter nr. 1 (id k1) mangler name, unit,",
			"baseline.value, baseline.date, target.value og target.year.",
		]),
		"en": "KPI no. 1 (id k1) lacks name, unit, baseline.value, baseline.date, target.value and target.year.",
	}}
}

test_fail_empty_kpi_without_id if {
	doc := json.patch(
		fixtures.omstilling,
		[{
			"op": "add",
			"path": "/kpis/-",
			"value": {"name": "", "baseline": {"value": 1, "date": "2020-01-01"}, "target": {"year": 2023}},
		}],
	)
	vs := kpi_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-002", "severity": "error", "path": "/kpis/2"}}
	fixtures.messages(vs) == {{
		"nb": "Styringsparameter nr. 3 mangler name, unit og target.value.",
		"en": "KPI no. 3 lacks name, unit and target.value.",
	}}
}

test_fail_one_violation_per_kpi if {
	doc := json.remove(fixtures.omstilling, ["kpis/0/baseline/date", "kpis/1/target"])
	vs := kpi_002.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "KPI-002", "severity": "error", "path": "/kpis/0"},
		{"rule_id": "KPI-002", "severity": "error", "path": "/kpis/1"},
	}
	fixtures.messages(vs) == {
		{
			"nb": "Styringsparameter nr. 1 «Lisenskostnad per elev» mangler baseline.date.",
			"en": "KPI no. 1 «Lisenskostnad per elev» lacks baseline.date.",
		},
		{
			"nb": concat(" ", [
				"Styringsparameter nr. 2 «Andel elever med tilgang til digitale",
				"læremidler i alle fag» mangler target.value og target.year.",
			]),
			"en": "KPI no. 2 «Andel elever med tilgang til digitale læremidler i alle fag» lacks target.value and target.year.",
		},
	}
}

test_success_zero_values_are_set if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/kpis/1/baseline/value", "value": 0},
		{"op": "replace", "path": "/kpis/1/target/value", "value": 0},
	])
	count(kpi_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_complete_kpis if {
	count(kpi_002.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_no_kpis if {
	doc := json.remove(fixtures.omstilling, ["kpis"])
	count(kpi_002.violation) == 0 with input as fixtures.input_for(doc)
}
