package styring.rules.kpi.kpi_005_test

import data.styring.rules.kpi.kpi_005
import data.styring.test.fixtures

# omstilling runs 2021-01-01 to 2023-12-31.

test_fail_for_measurement_day_after_start if {
	doc := json.patch(
		fixtures.omstilling,
		[{"op": "replace", "path": "/kpis/0/measurements/0/date", "value": "2021-01-02"}],
	)
	vs := kpi_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-005", "severity": "error", "path": "/kpis/0/measurements/0/date"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Styringsparameter nr. 1 «Lisenskostnad per elev»: målingen før (fase for) er datert 2021-01-02,",
			"etter oppstart 2021-01-01 (start_date). Før-målingen må tas før tiltaket starter.",
		]),
		"en": concat(" ", [
			"KPI no. 1 «Lisenskostnad per elev»: the before measurement (phase for) is dated 2021-01-02,",
			"after the start 2021-01-01 (start_date). The before measurement must be taken before the initiative starts.",
		]),
	}}
}

test_fail_etter_measurement_on_end_date if {
	doc := json.patch(
		fixtures.omstilling,
		[{"op": "replace", "path": "/kpis/1/measurements/2/date", "value": "2023-12-31"}],
	)
	vs := kpi_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-005", "severity": "error", "path": "/kpis/1/measurements/2/date"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Styringsparameter nr. 2 «Andel elever med tilgang til digitale læremidler i alle fag»:",
			"målingen etter (fase etter) er datert 2023-12-31, ikke etter slutt 2023-12-31 (end_date).",
			"Etter-målingen må tas etter at tiltaket er avsluttet.",
		]),
		"en": concat(" ", [
			"KPI no. 2 «Andel elever med tilgang til digitale læremidler i alle fag»:",
			"the after measurement (phase etter) is dated 2023-12-31, not after the end 2023-12-31 (end_date).",
			"The after measurement must be taken after the initiative has ended.",
		]),
	}}
}

test_fail_one_per_measurement if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/kpis/0/measurements", "value": [
		{"phase": "for", "date": "2020-06-30"},
		{"phase": "for", "date": "2021-03-31"},
		{"phase": "under", "date": "2025-01-01"},
		{"phase": "etter", "date": "2023-06-30"},
		{"phase": "etter", "date": "2024-06-30"},
		{"phase": "for", "date": "2024-06-30"},
	]}])
	vs := kpi_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "KPI-005", "severity": "error", "path": "/kpis/0/measurements/1/date"},
		{"rule_id": "KPI-005", "severity": "error", "path": "/kpis/0/measurements/3/date"},
		{"rule_id": "KPI-005", "severity": "error", "path": "/kpis/0/measurements/5/date"},
	}
}

test_success_for_on_start_date_and_etter_day_after_end if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/kpis/0/measurements/0/date", "value": "2021-01-01"},
		{"op": "replace", "path": "/kpis/0/measurements/2/date", "value": "2024-01-01"},
	])
	count(kpi_005.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_valid_measurements if {
	count(kpi_005.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_dates_missing if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/kpis/0/measurements/0/date", "value": "2022-01-01"},
		{"op": "replace", "path": "/kpis/0/measurements/2/date", "value": "2022-01-01"},
		{"op": "remove", "path": "/start_date"},
		{"op": "remove", "path": "/end_date"},
	])
	count(kpi_005.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_measurement_date_empty if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/kpis/0/measurements/2/date", "value": ""}])
	count(kpi_005.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_kpis_named_by_id_or_number if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "remove", "path": "/kpis/0/name"},
		{"op": "replace", "path": "/kpis/0/measurements/0/date", "value": "2021-05-01"},
		{"op": "remove", "path": "/kpis/1/name"},
		{"op": "remove", "path": "/kpis/1/id"},
		{"op": "replace", "path": "/kpis/1/measurements/2/date", "value": "2023-01-01"},
	])
	vs := kpi_005.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "KPI-005", "severity": "error", "path": "/kpis/0/measurements/0/date"},
		{"rule_id": "KPI-005", "severity": "error", "path": "/kpis/1/measurements/2/date"},
	}
	fixtures.messages(vs) == {
		{
			"nb": concat(" ", [
				"Styringsparameter nr. 1 (id k1): målingen før (fase for) er datert 2021-05-01,",
				"etter oppstart 2021-01-01 (start_date). Før-målingen må tas før tiltaket starter.",
			]),
			"en": concat(" ", [
				"KPI no. 1 (id k1): the before measurement (phase for) is dated 2021-05-01,",
				"after the start 2021-01-01 (start_date). The before measurement must be taken before the initiative starts.",
			]),
		},
		{
			"nb": concat(" ", [
				"Styringsparameter nr. 2: målingen etter (fase etter) er datert 2023-01-01,",
				"ikke etter slutt 2023-12-31 (end_date). Etter-målingen må tas etter at tiltaket er avsluttet.",
			]),
			"en": concat(" ", [
				"KPI no. 2: the after measurement (phase etter) is dated 2023-01-01, not after the end 2023-12-31 (end_date).",
				"The after measurement must be taken after the initiative has ended.",
			]),
		},
	}
}
