package styring.rules.legal.uu_001_test

import data.styring.rules.legal.uu_001
import data.styring.test.fixtures

brief_uu_001 := {{"rule_id": "UU-001", "severity": "error", "path": "/ict_solution"}}

# with_ict changes fields of the digital example's app (launch 2024-03-01, WCAG 2.1 AA).
with_ict(fields) := object.union(fixtures.digital, {"ict_solution": fields})

without_ict(fields) := json.remove(fixtures.digital, [sprintf("ict_solution/%s", [f]) | some f in fields])

test_fail_wcag_20_after_21_required if {
	vs := uu_001.violation with input as fixtures.input_for(with_ict({"wcag_version": "2.0"}))
	fixtures.brief(vs) == brief_uu_001
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Den publikumsrettede løsningen (ict_solution.kind «app») må ved lanseringsdato 2024-03-01 følge WCAG 2.1",
			"(påkrevd fra 2023-02-01) på nivå AA eller AAA, men ict_solution.wcag_version «2.0» er lavere enn 2.1.",
		]),
		"en": concat(" ", [
			"The public-facing solution (ict_solution.kind «app») must at launch date 2024-03-01 conform to WCAG",
			"2.1 (required from 2023-02-01) at level AA or AAA, but ict_solution.wcag_version «2.0» is below 2.1.",
		]),
	}}
}

test_fail_wcag_20_launched_on_day_21_required if {
	vs := uu_001.violation with input as fixtures.input_for(with_ict({"wcag_version": "2.0", "launch_date": "2023-02-01"}))
	fixtures.brief(vs) == brief_uu_001
}

test_success_wcag_20_launched_day_before if {
	count(uu_001.violation) == 0 with input as fixtures.input_for(with_ict({
		"wcag_version": "2.0",
		"launch_date": "2023-01-31",
	}))
}

test_fail_level_a_day_before if {
	vs := uu_001.violation with input as fixtures.input_for(with_ict({
		"wcag_version": "2.0",
		"wcag_level": "A",
		"launch_date": "2023-01-31",
	}))
	fixtures.brief(vs) == brief_uu_001
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Den publikumsrettede løsningen (ict_solution.kind «app») må ved lanseringsdato 2023-01-31 følge",
			"WCAG 2.0 (påkrevd fra 2014-07-01) på nivå AA eller AAA, men ict_solution.wcag_level er «A».",
		]),
		"en": concat(" ", [
			"The public-facing solution (ict_solution.kind «app») must at launch date 2023-01-31 conform",
			"to WCAG 2.0 (required from 2014-07-01) at level AA or AAA, but ict_solution.wcag_level is «A».",
		]),
	}}
}

test_fail_level_and_version_wrong if {
	vs := uu_001.violation with input as fixtures.input_for(with_ict({"wcag_version": "2.0", "wcag_level": "A"}))
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Den publikumsrettede løsningen (ict_solution.kind «app») må ved lanseringsdato",
			"2024-03-01 følge WCAG 2.1 (påkrevd fra 2023-02-01) på nivå AA eller AAA,",
			"men ict_solution.wcag_level er «A» og ict_solution.wcag_version «2.0» er lavere enn 2.1.",
		]),
		"en": concat(" ", [
			"The public-facing solution (ict_solution.kind «app») must at launch date",
			"2024-03-01 conform to WCAG 2.1 (required from 2023-02-01) at level AA or AAA,",
			"but ict_solution.wcag_level is «A» and ict_solution.wcag_version «2.0» is below 2.1.",
		]),
	}}
}

test_fail_level_and_version_missing if {
	vs := uu_001.violation with input as fixtures.input_for(without_ict(["wcag_level", "wcag_version"]))
	fixtures.brief(vs) == brief_uu_001
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Den publikumsrettede løsningen (ict_solution.kind «app») må ved lanseringsdato",
			"2024-03-01 følge WCAG 2.1 (påkrevd fra 2023-02-01) på nivå AA eller AAA,",
			"men ict_solution.wcag_level er ikke oppgitt og ict_solution.wcag_version er ikke oppgitt.",
		]),
		"en": concat(" ", [
			"The public-facing solution (ict_solution.kind «app») must at launch date",
			"2024-03-01 conform to WCAG 2.1 (required from 2023-02-01) at level AA or AAA,",
			"but ict_solution.wcag_level is not given and ict_solution.wcag_version is not given.",
		]),
	}}
}

test_fail_version_missing_is_below_any_version if {
	doc := json.patch(
		without_ict(["wcag_version"]),
		[{"op": "replace", "path": "/ict_solution/launch_date", "value": "2023-01-31"}],
	)
	fixtures.brief(uu_001.violation) == brief_uu_001 with input as fixtures.input_for(doc)
}

test_fail_without_launch_date_on_day_21_required if {
	vs := uu_001.violation with input as fixtures.input_at(
		json.remove(with_ict({"wcag_version": "2.0"}), ["ict_solution/launch_date"]),
		"2023-02-01",
	)
	fixtures.brief(vs) == brief_uu_001
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Den publikumsrettede løsningen (ict_solution.kind «app») må ved vurderingsdato",
			"2023-02-01 (ingen lanseringsdato) følge WCAG 2.1 (påkrevd fra 2023-02-01)",
			"på nivå AA eller AAA, men ict_solution.wcag_version «2.0» er lavere enn 2.1.",
		]),
		"en": concat(" ", [
			"The public-facing solution (ict_solution.kind «app») must at assessment date 2023-02-01 (no launch date) conform",
			"to WCAG 2.1 (required from 2023-02-01) at level AA or AAA, but ict_solution.wcag_version «2.0» is below 2.1.",
		]),
	}}
}

test_success_without_launch_date_day_before if {
	doc := json.remove(with_ict({"wcag_version": "2.0"}), ["ict_solution/launch_date"])
	count(uu_001.violation) == 0 with input as fixtures.input_at(doc, "2023-01-31")
}

test_success_before_any_version_required if {
	doc := with_ict({"wcag_version": "2.0", "wcag_level": "A", "launch_date": "2014-06-30"})
	count(uu_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_newer_version_and_level if {
	count(uu_001.violation) == 0 with input as fixtures.input_for(with_ict({"wcag_version": "2.2", "wcag_level": "AAA"}))
}

test_fail_website_and_kiosk if {
	every k in ["nettsted", "automat"] {
		vs := uu_001.violation with input as fixtures.input_for(with_ict({"kind": k, "wcag_level": "A"}))
		fixtures.brief(vs) == brief_uu_001
	}
}

test_success_other_kinds if {
	every k in ["intranett", "ekstranett", "fagsystem"] {
		count(uu_001.violation) == 0 with input as fixtures.input_for(with_ict({"kind": k, "wcag_level": "A"}))
	}
}

test_success_not_public_facing if {
	count(uu_001.violation) == 0 with input as fixtures.input_for(with_ict({"public_facing": false, "wcag_level": "A"}))
	count(uu_001.violation) == 0 with input as fixtures.input_for(json.remove(
		with_ict({"wcag_level": "A"}),
		["ict_solution/public_facing"],
	))
}

test_success_digital if {
	count(uu_001.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}
