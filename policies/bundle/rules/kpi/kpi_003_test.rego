package styring.rules.kpi.kpi_003_test

import data.styring.rules.kpi.kpi_003
import data.styring.test.fixtures

# omstilling starts 2021-01-01.

test_fail_baseline_day_after_start if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/kpis/1/baseline/date", "value": "2021-01-02"}])
	vs := kpi_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "KPI-003", "severity": "error", "path": "/kpis/1/baseline/date"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Utgangsverdien for styringsparameter nr. 2 «Andel elever med tilgang til digitale læremidler i alle fag»",
			"er datert 2021-01-02, etter oppstart 2021-01-01 (start_date). Før-tallet må finnes før tiltaket starter.",
		]),
		"en": concat(" ", [
			"The baseline of KPI no. 2 «Andel elever med tilgang til digitale læremidler i alle fag» is dated 2021-01-02,",
			"after the start 2021-01-01 (start_date). The before figure must exist before the initiative starts.",
		]),
	}}
}

test_fail_one_per_kpi if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/kpis/0/baseline/date", "value": "2021-06-30"},
		{"op": "replace", "path": "/kpis/1/baseline/date", "value": "2022-06-30"},
		{"op": "remove", "path": "/kpis/1/name"},
		{"op": "remove", "path": "/kpis/1/id"},
	])
	vs := kpi_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "KPI-003", "severity": "error", "path": "/kpis/0/baseline/date"},
		{"rule_id": "KPI-003", "severity": "error", "path": "/kpis/1/baseline/date"},
	}
	some v in vs
	v.path == "/kpis/1/baseline/date"
	startswith(v.message.nb, "Utgangsverdien for styringsparameter nr. 2 er datert 2022-06-30")
}

test_success_baseline_on_start_date if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/kpis/1/baseline/date", "value": "2021-01-01"}])
	count(kpi_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_baseline_before_start if {
	count(kpi_003.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_start_date_missing if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/kpis/1/baseline/date", "value": "2022-01-02"},
		{"op": "remove", "path": "/start_date"},
	])
	count(kpi_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_baseline_date_missing_or_empty if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "remove", "path": "/kpis/0/baseline/date"},
		{"op": "replace", "path": "/kpis/1/baseline/date", "value": ""},
	])
	count(kpi_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_baseline_missing if {
	doc := json.remove(fixtures.omstilling, ["kpis/0/baseline"])
	count(kpi_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_kpi_named_by_id_without_name if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/kpis/0/baseline/date", "value": "2021-02-01"},
		{"op": "remove", "path": "/kpis/0/name"},
	])
	vs := kpi_003.violation with input as fixtures.input_for(doc)
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Utgangsverdien for styringsparameter nr. 1 (id k1) er datert 2021-02-01, etter oppstart 2021-01-01 (start_date).",
			"Før-tallet må finnes før tiltaket starter.",
		]),
		"en": concat(" ", [
			"The baseline of KPI no. 1 (id k1) is dated 2021-02-01, after the start 2021-01-01 (start_date).",
			"The before figure must exist before the initiative starts.",
		]),
	}}
}
