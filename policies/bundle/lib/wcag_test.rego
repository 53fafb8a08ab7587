package styring.lib.wcag_test

import data.styring.lib.wcag
import data.styring.test.fixtures

test_success_wcag_du_is_the_launch_date if {
	inp := fixtures.input_for(fixtures.digital)
	wcag.du == "2024-03-01" with input as inp
	wcag.du_nb == "lanseringsdato 2024-03-01" with input as inp
	wcag.du_en == "launch date 2024-03-01" with input as inp
	wcag.required == {"from": "2023-02-01", "value": "2.1"} with input as inp
	wcag.conforms with input as inp
	wcag.problems == {} with input as inp
}

test_success_wcag_du_is_d_without_launch_date if {
	doc := json.remove(fixtures.digital, ["ict_solution/launch_date"])
	inp := fixtures.input_at(doc, "2023-01-31")
	wcag.du == "2023-01-31" with input as inp
	wcag.du_nb == "vurderingsdato 2023-01-31 (ingen lanseringsdato)" with input as inp
	wcag.du_en == "assessment date 2023-01-31 (no launch date)" with input as inp
	wcag.required == {"from": "2014-07-01", "value": "2.0"} with input as inp
}

test_fail_wcag_version_below_the_required_one if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/ict_solution/wcag_version", "value": "2.0"}])
	not wcag.conforms with input as fixtures.input_for(doc)
	wcag.problems_nb == "ict_solution.wcag_version «2.0» er lavere enn 2.1" with input as fixtures.input_for(doc)
	wcag.problems_en == "ict_solution.wcag_version «2.0» is below 2.1" with input as fixtures.input_for(doc)

	# Versions compare as numbers: 2.0 conforms where 2.0 is required.
	earlier := json.patch(doc, [{"op": "replace", "path": "/ict_solution/launch_date", "value": "2022-06-01"}])
	wcag.conforms with input as fixtures.input_for(earlier)
}

test_fail_wcag_problems_in_their_order if {
	doc := json.patch(fixtures.digital, [
		{"op": "replace", "path": "/ict_solution/wcag_level", "value": "A"},
		{"op": "remove", "path": "/ict_solution/wcag_version"},
	])
	inp := fixtures.input_for(doc)
	not wcag.conforms with input as inp
	wcag.problems_nb == "ict_solution.wcag_level er «A» og ict_solution.wcag_version er ikke oppgitt" with input as inp
	wcag.problems_en == "ict_solution.wcag_level is «A» and ict_solution.wcag_version is not given" with input as inp
	missing := json.remove(doc, ["ict_solution/wcag_level"])
	wcag.problems_en == concat(" and ", [
		"ict_solution.wcag_level is not given",
		"ict_solution.wcag_version is not given",
	]) with input as fixtures.input_for(missing)
}

test_fail_wcag_nothing_required_before_the_first_date if {
	doc := json.remove(fixtures.digital, ["ict_solution/launch_date", "ict_solution/wcag_version"])
	inp := fixtures.input_at(doc, "2014-06-30")
	not wcag.required with input as inp
	not wcag.conforms with input as inp
	wcag.problems == {} with input as inp
}
