package styring.rules.kpi.kpi_004_test

import data.styring.rules.kpi.kpi_004
import data.styring.test.fixtures

test_fail_etter_missing if {
	doc := json.remove(fixtures.omstilling, ["kpis/0/measurements/2"])
	vs := kpi_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-004", "severity": "error", "path": "/kpis/0/measurements"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Styringsparameter nr. 1 «Lisenskostnad per elev» mangler måling i fasen etter.",
			"Effekten må måles før, underveis og etter (for, under og etter).",
		]),
		"en": concat(" ", [
			"KPI no. 1 «Lisenskostnad per elev» has no measurement in the phase etter.",
			"The effect must be measured before, during and after (for, under and etter).",
		]),
	}}
}

test_fail_measurements_missing_lists_all_phases if {
	doc := json.remove(fixtures.omstilling, ["kpis/1/measurements"])
	vs := kpi_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-004", "severity": "error", "path": "/kpis/1/measurements"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Styringsparameter nr. 2 «Andel elever med tilgang til digitale læremidler i alle fag» mangler måling i fasene for,",
			"under og etter. Effekten må måles før, underveis og etter (for, under og etter).",
		]),
		"en": concat(" ", [
			"KPI no. 2 «Andel elever med tilgang til digitale læremidler i alle fag» has no measurement in the phases for,",
			"under and etter. The effect must be measured before, during and after (for, under and etter).",
		]),
	}}
}

test_fail_measurements_empty_one_per_kpi if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/kpis/0/measurements", "value": [{"phase": "under", "date": "2022-01-01"}]},
		{"op": "replace", "path": "/kpis/1/measurements", "value": []},
		{"op": "remove", "path": "/kpis/1/name"},
	])
	vs := kpi_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "KPI-004", "severity": "error", "path": "/kpis/0/measurements"},
		{"rule_id": "KPI-004", "severity": "error", "path": "/kpis/1/measurements"},
	}
	fixtures.messages(vs) == {
		{
			"nb": concat(" ", [
				"Styringsparameter nr. 1 «Lisenskostnad per elev» mangler måling i fasene for og etter.",
				"Effekten må måles før, underveis og etter (for, under og etter).",
			]),
			"en": concat(" ", [
				"KPI no. 1 «Lisenskostnad per elev» has no measurement in the phases for and etter.",
				"The effect must be measured before, during and after (for, under and etter).",
			]),
		},
		{
			"nb": concat(" ", [
				"Styringsparameter nr. 2 (id k2) mangler måling i fasene for, under og etter.",
				"Effekten må måles før, underveis og etter (for, under og etter).",
			]),
			"en": concat(" ", [
				"KPI no. 2 (id k2) has no measurement in the phases for, under and etter.",
				"The effect must be measured before, during and after (for, under and etter).",
			]),
		},
	}
}

test_success_all_phases if {
	count(kpi_004.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_repeated_phases_in_any_order if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/kpis/0/measurements", "value": [
		{"phase": "etter", "date": "2024-06-30"},
		{"phase": "under", "date": "2022-06-30"},
		{"phase": "under", "date": "2023-06-30"},
		{"phase": "for", "date": "2020-06-30"},
	]}])
	count(kpi_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_kpis if {
	doc := json.remove(fixtures.omstilling, ["kpis"])
	count(kpi_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_kpi_without_name_or_id if {
	doc := json.patch(
		fixtures.omstilling,
		[{
			"op": "add",
			"path": "/kpis/-",
			"value": {
				"kind": "annet",
				"measurements": [{"phase": "for", "date": "2020-06-30"}, {"phase": "etter", "date": "2024-06-30"}],
			},
		}],
	)
	vs := kpi_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-004", "severity": "error", "path": "/kpis/2/measurements"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Styringsparameter nr. 3 mangler måling i fasen under.",
			"Effekten må måles før, underveis og etter (for, under og etter).",
		]),
		"en": concat(" ", [
			"KPI no. 3 has no measurement in the phase under.",
			"The effect must be measured before, during and after (for, under and etter).",
		]),
	}}
}
