package styring.rules.kpi.kpi_009_test

import data.styring.rules.kpi.kpi_009
import data.styring.test.fixtures

# omstilling: k1 is down 610 -> 420, k2 is up 72 -> 95.

test_fail_down_target_equal_to_baseline if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/kpis/0/target/value", "value": 610}])
	vs := kpi_009.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-009", "severity": "warning", "path": "/kpis/0/target/value"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Styringsparameter nr. 1 «Lisenskostnad per elev» skal gå ned (direction down),",
			"men målverdien 610 er ikke lavere enn utgangsverdien 610.",
		]),
		"en": concat(" ", [
			"KPI no. 1 «Lisenskostnad per elev» should go down (direction down),",
			"but the target value 610 is not lower than the baseline value 610.",
		]),
	}}
}

test_fail_up_target_below_baseline if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/kpis/1/target/value", "value": 70.5}])
	vs := kpi_009.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-009", "severity": "warning", "path": "/kpis/1/target/value"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Styringsparameter nr. 2 «Andel elever med tilgang til digitale læremidler i alle fag»",
			"skal gå opp (direction up), men målverdien 70.5 er ikke høyere enn utgangsverdien 72.",
		]),
		"en": concat(" ", [
			"KPI no. 2 «Andel elever med tilgang til digitale læremidler i alle fag» should go up (direction up),",
			"but the target value 70.5 is not higher than the baseline value 72.",
		]),
	}}
}

test_fail_up_target_equal_and_down_target_above if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/kpis/0/target/value", "value": 700},
		{"op": "replace", "path": "/kpis/1/target/value", "value": 72},
	])
	vs := kpi_009.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "KPI-009", "severity": "warning", "path": "/kpis/0/target/value"},
		{"rule_id": "KPI-009", "severity": "warning", "path": "/kpis/1/target/value"},
	}
}

test_success_targets_improve if {
	count(kpi_009.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_up_target_just_above_baseline if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/kpis/1/target/value", "value": 72.01}])
	count(kpi_009.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_direction_or_values_missing if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "remove", "path": "/kpis/0/direction"},
		{"op": "replace", "path": "/kpis/0/target/value", "value": 900},
		{"op": "remove", "path": "/kpis/1/target/value"},
	])
	count(kpi_009.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_baseline_missing if {
	doc := json.remove(fixtures.omstilling, ["kpis/1/baseline"])
	count(kpi_009.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_kpis_named_by_id_or_number if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "remove", "path": "/kpis/0/name"},
		{"op": "replace", "path": "/kpis/0/target/value", "value": 620},
		{"op": "remove", "path": "/kpis/1/name"},
		{"op": "remove", "path": "/kpis/1/id"},
		{"op": "replace", "path": "/kpis/1/target/value", "value": 50},
	])
	vs := kpi_009.violation with input as fixtures.input_for(doc)
	fixtures.messages(vs) == {
		{
			"nb": concat(" ", [
				"Styringsparameter nr. 1 (id k1) skal gå ned (direction down),",
				"men målverdien 620 er ikke lavere enn utgangsverdien 610.",
			]),
			"en": concat(" ", [
				"KPI no. 1 (id k1) should go down (direction down),",
				"but the target value 620 is not lower than the baseline value 610.",
			]),
		},
		{
			"nb": "Styringsparameter nr. 2 skal gå opp (direction up), men målverdien 50 er ikke høyere enn utgangsverdien 72.",
			"en": "KPI no. 2 should go up (direction up), but the target value 50 is not higher than the baseline value 72.",
		},
	}
}
