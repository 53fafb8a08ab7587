package styring.rules.legal.uu_003_test

import data.styring.rules.legal.uu_003
import data.styring.test.fixtures

brief_uu_003 := {{"rule_id": "UU-003", "severity": "error", "path": "/ict_solution"}}

# intranet: the digital example with an intranet launched when the duty starts, at WCAG 2.0 AA.
intranet := json.patch(fixtures.digital, [{"op": "replace", "path": "/ict_solution", "value": {
	"public_facing": false,
	"kind": "intranett",
	"launch_date": "2023-02-01",
	"wcag_version": "2.0",
	"wcag_level": "AA",
}}])

with_ict(fields) := object.union(intranet, {"ict_solution": fields})

test_fail_intranet_launched_on_day_duty_starts if {
	vs := uu_003.violation with input as fixtures.input_for(intranet)
	fixtures.brief(vs) == brief_uu_003
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Løsningen (ict_solution.kind «intranett») har lanseringsdato 2023-02-01.",
			"Intranett og ekstranett som lanseres fra 2023-02-01, må følge WCAG 2.1 (påkrevd fra",
			"2023-02-01) på nivå AA eller AAA, men ict_solution.wcag_version «2.0» er lavere enn 2.1.",
		]),
		"en": concat(" ", [
			"The solution (ict_solution.kind «intranett») has launch date 2023-02-01.",
			"Intranets and extranets launched from 2023-02-01 must conform to WCAG 2.1 (required",
			"from 2023-02-01) at level AA or AAA, but ict_solution.wcag_version «2.0» is below 2.1.",
		]),
	}}
}

test_success_launched_day_before if {
	count(uu_003.violation) == 0 with input as fixtures.input_for(with_ict({
		"launch_date": "2023-01-31",
		"wcag_level": "A",
	}))
}

test_success_without_launch_date if {
	doc := json.remove(intranet, ["ict_solution/launch_date"])
	count(uu_003.violation) == 0 with input as fixtures.input_at(doc, "2024-01-01")
}

test_success_wcag_21_aa if {
	count(uu_003.violation) == 0 with input as fixtures.input_for(with_ict({"wcag_version": "2.1"}))
	count(uu_003.violation) == 0 with input as fixtures.input_for(with_ict({"wcag_version": "2.2", "wcag_level": "AAA"}))
}

test_fail_level_a if {
	vs := uu_003.violation with input as fixtures.input_for(with_ict({
		"wcag_version": "2.1",
		"wcag_level": "A",
		"kind": "ekstranett",
	}))
	fixtures.brief(vs) == brief_uu_003
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Løsningen (ict_solution.kind «ekstranett») har lanseringsdato 2023-02-01. Intranett og ekstranett som lanseres fra",
			"2023-02-01, må følge WCAG 2.1 (påkrevd fra 2023-02-01) på nivå AA eller AAA, men ict_solution.wcag_level er «A».",
		]),
		"en": concat(" ", [
			"The solution (ict_solution.kind «ekstranett») has launch date 2023-02-01.",
			"Intranets and extranets launched from 2023-02-01 must conform to WCAG 2.1",
			"(required from 2023-02-01) at level AA or AAA, but ict_solution.wcag_level is «A».",
		]),
	}}
}

test_fail_level_and_version_missing if {
	doc := json.remove(intranet, ["ict_solution/wcag_version", "ict_solution/wcag_level"])
	vs := uu_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_uu_003
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Løsningen (ict_solution.kind «intranett») har lanseringsdato 2023-02-01.",
			"Intranett og ekstranett som lanseres fra 2023-02-01, må følge WCAG 2.1 (påkrevd fra 2023-02-01) på nivå",
			"AA eller AAA, men ict_solution.wcag_level er ikke oppgitt og ict_solution.wcag_version er ikke oppgitt.",
		]),
		"en": concat(" ", [
			"The solution (ict_solution.kind «intranett») has launch date 2023-02-01.",
			"Intranets and extranets launched from 2023-02-01 must conform to WCAG 2.1 (required from 2023-02-01) at",
			"level AA or AAA, but ict_solution.wcag_level is not given and ict_solution.wcag_version is not given.",
		]),
	}}
}

test_fail_public_facing_intranet if {
	fixtures.brief(uu_003.violation) == brief_uu_003 with input as fixtures.input_for(with_ict({"public_facing": true}))
}

test_success_other_kinds if {
	every k in ["nettsted", "app", "automat", "fagsystem"] {
		count(uu_003.violation) == 0 with input as fixtures.input_for(with_ict({"kind": k}))
	}
}

test_success_digital if {
	count(uu_003.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}
