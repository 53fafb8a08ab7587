package styring.test.lib_test

import data.styring.lib.initiative as tiltak
import data.styring.lib.params
import data.styring.main
import data.styring.test.fixtures

thresholds := [{"from": "2017-01-01", "value": 1100000}, {"from": "2018-04-06", "value": 1300000}]

test_success_params_value_in_force_on_the_day_it_changes if {
	params.at(thresholds, "2018-04-06") == 1300000
	params.at(thresholds, "2018-04-05") == 1100000
	params.entry_at(thresholds, "2030-01-01") == {"from": "2018-04-06", "value": 1300000}
}

test_fail_params_nothing_in_force_before_the_first_entry if {
	not params.at(thresholds, "2016-12-31")
}

test_success_main_reports_every_rule_on_a_valid_document if {
	vs := main.violations with input as fixtures.input_for(fixtures.digital)
	fixtures.brief(vs) == {{"rule_id": "STR-005", "severity": "info", "path": "/involved_sectors"}}
}

test_fail_main_reports_only_dat_001_on_schema_errors if {
	doc := json.remove(fixtures.omstilling, ["owner", "description"]) # would break GOV-001 and GOV-003
	inp := object.union(
		fixtures.input_for(doc),
		{"schema_errors": [{"path": "/sector", "message": {"nb": "x", "en": "x"}}]},
	)
	vs := main.violations with input as inp
	fixtures.brief(vs) == {{"rule_id": "DAT-001", "severity": "error", "path": "/sector"}}
}

test_success_as_of_falls_back_to_submitted_at_then_today if {
	tiltak.as_of == "2024-05-01" with input as {"initiative": fixtures.omstilling, "as_of": "2024-05-01"}
	tiltak.as_of == "2020-09-23" with input as {"initiative": fixtures.omstilling}
	today := tiltak.as_of with input as {"initiative": json.remove(fixtures.omstilling, ["submitted_at"])}
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, today)
}

test_success_plan_years_fall_back_to_parameters_when_period_runs_backwards if {
	doc := json.patch(
		fixtures.omstilling,
		[{"op": "replace", "path": "/plan_period", "value": {"start_year": 2025, "end_year": 2023}}],
	)
	tiltak.plan_years == [2021, 2022, 2023, 2024] with input as fixtures.input_for(doc)
	tiltak.plan_years == [2021, 2022, 2023, 2024] with input as fixtures.input_for(fixtures.omstilling)
}

test_success_status_order_never_holds_for_avvist if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/status", "value": "avvist"}])
	not tiltak.status_at_least("forslag") with input as fixtures.input_for(doc)
	not tiltak.status_below("evaluert") with input as fixtures.input_for(doc)
	tiltak.status_below("vedtatt") with input as fixtures.input_for(json.remove(fixtures.omstilling, ["status"]))
}

test_success_set_true_given if {
	tiltak.set_at(["owner", "name"]) with input as fixtures.input_for(fixtures.omstilling)
	not tiltak.set_at(["owner", "nope"]) with input as fixtures.input_for(fixtures.omstilling)
	not tiltak.true_at(["personal_data", "processes"]) with input as fixtures.input_for(fixtures.omstilling)
	tiltak.given_at(["owner"]) with input as fixtures.input_for(fixtures.omstilling)
	tiltak.value_at(["nope"]) == null with input as fixtures.input_for(fixtures.omstilling)
	not tiltak.filled("")
	not tiltak.filled([])
	not tiltak.filled({})
}

test_success_net_sums_drift_lines_by_year if {
	tiltak.net_in(2023) == -3000 with input as fixtures.input_for(fixtures.omstilling)
	tiltak.net_in(2030) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_period_is_p_as_a_range if {
	tiltak.period == "2021–2024" with input as fixtures.input_for(fixtures.omstilling)
	tiltak.period == "2023–2026" with input as fixtures.input_for(fixtures.digital)
	backwards := json.patch(
		fixtures.digital,
		[{"op": "replace", "path": "/plan_period", "value": {"start_year": 2025, "end_year": 2023}}],
	)
	tiltak.period == "2021–2024" with input as fixtures.input_for(backwards)
	tiltak.default_period == "2021–2024" with input as fixtures.input_for(fixtures.digital)
}

test_success_other_sectors_sorted_without_the_lead if {
	tiltak.other_sectors == "POM" with input as fixtures.input_for(fixtures.digital)
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/involved_sectors", "value": ["POM", "BYU", "OSU"]}])
	tiltak.other_sectors == "BYU, POM" with input as fixtures.input_for(doc)
}

test_success_climate_effect_defaults_to_zero if {
	tiltak.climate_effect == -35 with input as fixtures.input_for(fixtures.investering)
	tiltak.climate_effect == 0 with input as fixtures.input_for(fixtures.omstilling)
}
