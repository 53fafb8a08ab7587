package styring.rules.budget.bud_004_test

import data.styring.rules.budget.bud_004
import data.styring.test.fixtures

test_fail_warning_for_nytt_tiltak if {
	doc := json.remove(fixtures.digital, ["budget_effects/1/calc_basis"])
	vs := bud_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-004", "severity": "warning", "path": "/budget_effects/1/calc_basis"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Budsjettlinje nr. 2 (2024, drift, 1800 kNOK) mangler beregningsgrunnlag (calc_basis);",
			"det kreves når beløpet er minst 500 kNOK i absoluttverdi.",
		]),
		"en": concat(" ", [
			"Budget line no. 2 (2024, drift, 1800 kNOK) has no calculation basis (calc_basis);",
			"one is required when the absolute amount is at least 500 kNOK.",
		]),
	}}
}

test_fail_error_for_saving_type if {
	doc := json.remove(fixtures.omstilling, ["budget_effects/1/calc_basis"])
	vs := bud_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-004", "severity": "error", "path": "/budget_effects/1/calc_basis"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Budsjettlinje nr. 2 (2022, drift, -1500 kNOK) mangler beregningsgrunnlag (calc_basis);",
			"det kreves når beløpet er minst 500 kNOK i absoluttverdi, og for tiltakstypen omstilling er det en feil.",
		]),
		"en": concat(" ", [
			"Budget line no. 2 (2022, drift, -1500 kNOK) has no calculation basis (calc_basis); one is required",
			"when the absolute amount is at least 500 kNOK, and for the initiative type omstilling it is an error.",
		]),
	}}
}

test_fail_error_for_effektivisering_and_innsparing if {
	doc := json.remove(fixtures.effektivisering, ["budget_effects/0/calc_basis"])
	vs := bud_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-004", "severity": "error", "path": "/budget_effects/0/calc_basis"}}
	doc2 := json.patch(doc, [{"op": "replace", "path": "/type", "value": "innsparing"}])
	fixtures.brief(bud_004.violation) == {{
		"rule_id": "BUD-004",
		"severity": "error",
		"path": "/budget_effects/0/calc_basis",
	}} with input as fixtures.input_for(doc2)
}

test_fail_warning_for_investment_line if {
	doc := json.remove(fixtures.investering, ["budget_effects/2/calc_basis"])
	vs := bud_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-004", "severity": "warning", "path": "/budget_effects/2/calc_basis"}}
}

test_fail_exactly_at_threshold if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/budget_effects/0/amount_knok", "value": 500}])
	vs := bud_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-004", "severity": "error", "path": "/budget_effects/0/calc_basis"}}
}

test_fail_negative_amount_at_threshold if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/budget_effects/0/amount_knok", "value": -500}])
	vs := bud_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-004", "severity": "error", "path": "/budget_effects/0/calc_basis"}}
}

test_success_just_below_threshold if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/budget_effects/0/amount_knok", "value": -499}])
	count(bud_004.violation) == 0 with input as fixtures.input_for(doc)
}

test_fail_empty_calc_basis if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/budget_effects/2/calc_basis", "value": ""}])
	vs := bud_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "BUD-004", "severity": "error", "path": "/budget_effects/2/calc_basis"}}
}

test_success_all_large_lines_have_calc_basis if {
	# investering has two drift lines of 0 kNOK without calc_basis.
	count(bud_004.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}
