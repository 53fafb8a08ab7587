package styring.rules.kpi.kpi_006_test

import data.styring.rules.kpi.kpi_006
import data.styring.test.fixtures

# omstilling's plan period is 2021–2024.

test_fail_target_year_after_plan_period if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/kpis/0/target/year", "value": 2025}])
	vs := kpi_006.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-006", "severity": "warning", "path": "/kpis/0/target/year"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Målåret 2025 (target.year) for styringsparameter nr. 1 «Lisenskostnad",
			"per elev» ligger utenfor økonomiplanperioden 2021–2024.",
		]),
		"en": concat(" ", [
			"The target year 2025 (target.year) of KPI no. 1",
			"«Lisenskostnad per elev» is outside the plan period 2021–2024.",
		]),
	}}
}

test_fail_target_year_before_plan_period_one_per_kpi if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/kpis/0/target/year", "value": 2020},
		{"op": "replace", "path": "/kpis/1/target/year", "value": 2030},
	])
	vs := kpi_006.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "KPI-006", "severity": "warning", "path": "/kpis/0/target/year"},
		{"rule_id": "KPI-006", "severity": "warning", "path": "/kpis/1/target/year"},
	}
}

test_fail_default_plan_years_without_plan_period if {
	# Without plan_period, P is parameters.plan.plan_years (2021–2024).
	doc := json.patch(fixtures.effektivisering, [
		{"op": "remove", "path": "/plan_period"},
		{"op": "replace", "path": "/kpis/1/target/year", "value": 2025},
	])
	vs := kpi_006.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-006", "severity": "warning", "path": "/kpis/1/target/year"}}
	some v in vs
	contains(v.message.en, "outside the plan period 2021–2024")
}

test_success_target_year_at_first_and_last_plan_year if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/kpis/0/target/year", "value": 2021},
		{"op": "replace", "path": "/kpis/1/target/year", "value": 2024},
	])
	count(kpi_006.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_target_year_missing if {
	doc := json.remove(fixtures.omstilling, ["kpis/0/target/year", "kpis/1/target"])
	count(kpi_006.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_kpis_named_by_id_or_number if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "remove", "path": "/kpis/0/name"},
		{"op": "replace", "path": "/kpis/0/target/year", "value": 2019},
		{"op": "remove", "path": "/kpis/1/name"},
		{"op": "remove", "path": "/kpis/1/id"},
		{"op": "replace", "path": "/kpis/1/target/year", "value": 2026},
	])
	vs := kpi_006.violation with input as fixtures.input_for(doc)
	fixtures.messages(vs) == {
		{
			"nb": "Målåret 2019 (target.year) for styringsparameter nr. 1 (id k1) ligger utenfor økonomiplanperioden 2021–2024.",
			"en": "The target year 2019 (target.year) of KPI no. 1 (id k1) is outside the plan period 2021–2024.",
		},
		{
			"nb": "Målåret 2026 (target.year) for styringsparameter nr. 2 ligger utenfor økonomiplanperioden 2021–2024.",
			"en": "The target year 2026 (target.year) of KPI no. 2 is outside the plan period 2021–2024.",
		},
	}
}
