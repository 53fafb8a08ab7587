package styring.rules.legal.uu_002_test

import data.styring.rules.legal.uu_002
import data.styring.test.fixtures

brief_uu_002 := {{"rule_id": "UU-002", "severity": "error", "path": "/ict_solution/accessibility_statement_url"}}

# no_statement: the digital example's app (launch 2024-03-01, D 2022-09-20) without an accessibility statement.
no_statement := json.remove(fixtures.digital, ["ict_solution/accessibility_statement_url"])

launched(d) := json.patch(no_statement, [{"op": "replace", "path": "/ict_solution/launch_date", "value": d}])

without_launch := json.remove(no_statement, ["ict_solution/launch_date"])

test_fail_launch_after_statement_required if {
	vs := uu_002.violation with input as fixtures.input_for(no_statement)
	fixtures.brief(vs) == brief_uu_002
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Den publikumsrettede løsningen (ict_solution.kind «app») må ha tilgjengelighetserklæring, som kreves fra",
			"2023-02-01 (lanseringsdato 2024-03-01), men ict_solution.accessibility_statement_url er ikke fylt ut.",
		]),
		"en": concat(" ", [
			"The public-facing solution (ict_solution.kind «app») must have an accessibility statement,",
			"required from 2023-02-01 (launch date 2024-03-01), but ict_solution.accessibility_statement_url is not filled in.",
		]),
	}}
}

test_fail_url_empty_string if {
	doc := json.patch(
		fixtures.digital,
		[{"op": "replace", "path": "/ict_solution/accessibility_statement_url", "value": ""}],
	)
	fixtures.brief(uu_002.violation) == brief_uu_002 with input as fixtures.input_for(doc)
}

test_fail_launch_on_day_statement_required if {
	fixtures.brief(uu_002.violation) == brief_uu_002 with input as fixtures.input_for(launched("2023-02-01"))
}

test_success_launch_and_as_of_day_before if {
	count(uu_002.violation) == 0 with input as fixtures.input_at(launched("2023-01-31"), "2023-01-31")
}

test_fail_as_of_on_day_statement_required if {
	vs := uu_002.violation with input as fixtures.input_at(launched("2023-01-31"), "2023-02-01")
	fixtures.brief(vs) == brief_uu_002
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Den publikumsrettede løsningen (ict_solution.kind «app») må ha tilgjengelighetserklæring, som kreves fra",
			"2023-02-01 (vurderingsdato 2023-02-01), men ict_solution.accessibility_statement_url er ikke fylt ut.",
		]),
		"en": concat(" ", [
			"The public-facing solution (ict_solution.kind «app») must have an accessibility statement, required from",
			"2023-02-01 (assessment date 2023-02-01), but ict_solution.accessibility_statement_url is not filled in.",
		]),
	}}
}

test_fail_both_dates_named if {
	vs := uu_002.violation with input as fixtures.input_at(no_statement, "2023-06-01")
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Den publikumsrettede løsningen (ict_solution.kind «app») må ha tilgjengelighetserklæring,",
			"som kreves fra 2023-02-01 (vurderingsdato 2023-06-01, lanseringsdato 2024-03-01),",
			"men ict_solution.accessibility_statement_url er ikke fylt ut.",
		]),
		"en": concat(" ", [
			"The public-facing solution (ict_solution.kind «app») must have an accessibility statement,",
			"required from 2023-02-01 (assessment date 2023-06-01, launch date 2024-03-01),",
			"but ict_solution.accessibility_statement_url is not filled in.",
		]),
	}}
}

test_fail_without_launch_date_on_day_required if {
	fixtures.brief(uu_002.violation) == brief_uu_002 with input as fixtures.input_at(without_launch, "2023-02-01")
}

test_success_without_launch_date_day_before if {
	count(uu_002.violation) == 0 with input as fixtures.input_at(without_launch, "2023-01-31")
}

test_fail_website if {
	doc := json.patch(no_statement, [{"op": "replace", "path": "/ict_solution/kind", "value": "nettsted"}])
	fixtures.brief(uu_002.violation) == brief_uu_002 with input as fixtures.input_for(doc)
}

test_success_other_kinds if {
	every k in ["automat", "intranett", "ekstranett", "fagsystem"] {
		doc := json.patch(no_statement, [{"op": "replace", "path": "/ict_solution/kind", "value": k}])
		count(uu_002.violation) == 0 with input as fixtures.input_for(doc)
	}
}

test_success_not_public_facing if {
	doc := json.patch(no_statement, [{"op": "replace", "path": "/ict_solution/public_facing", "value": false}])
	count(uu_002.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_statement_published if {
	count(uu_002.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}
