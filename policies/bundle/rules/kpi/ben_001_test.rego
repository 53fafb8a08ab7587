package styring.rules.kpi.ben_001_test

import data.styring.rules.kpi.ben_001
import data.styring.test.fixtures

brief_fail := {{"rule_id": "BEN-001", "severity": "error", "path": "/benefits_plan/owner"}}

test_fail_saving_type_without_benefits_plan if {
	doc := json.remove(fixtures.omstilling, ["benefits_plan"])
	vs := ben_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_fail
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Gevinstrealiseringsplanen mangler eier (benefits_plan.owner er ikke fylt ut),",
			"men tiltak av typen «omstilling» skal realisere gevinster.",
		]),
		"en": concat(" ", [
			"The benefits realisation plan has no owner (benefits_plan.owner is not filled in),",
			"but an initiative of type «omstilling» is to realise gains.",
		]),
	}}
}

test_fail_owner_empty if {
	doc := json.patch(fixtures.effektivisering, [{"op": "replace", "path": "/benefits_plan/owner", "value": ""}])
	fixtures.brief(ben_001.violation) == brief_fail with input as fixtures.input_for(doc)
}

# A saving type needs an owner even without any saving in the budget.
test_fail_innsparing_without_owner if {
	doc := json.patch(
		json.remove(fixtures.omstilling, ["benefits_plan/owner", "budget_effects"]),
		[{"op": "replace", "path": "/type", "value": "innsparing"}],
	)
	fixtures.brief(ben_001.violation) == brief_fail with input as fixtures.input_for(doc)
}

test_fail_investment_with_operating_saving if {
	doc := json.patch(fixtures.investering, [
		{"op": "replace", "path": "/budget_effects/4/amount_knok", "value": -400},
		{"op": "replace", "path": "/budget_effects/6/amount_knok", "value": -900},
	])
	vs := ben_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_fail
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Gevinstrealiseringsplanen mangler eier (benefits_plan.owner er ikke fylt ut),",
			"men investeringen gir netto innsparing i drift (2022: -400 kNOK, 2024: -900 kNOK).",
		]),
		"en": concat(" ", [
			"The benefits realisation plan has no owner (benefits_plan.owner is not filled in),",
			"but the investment gives a net operating saving (2022: -400 kNOK, 2024: -900 kNOK).",
		]),
	}}
}

test_success_owner_given if {
	count(ben_001.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
	count(ben_001.violation) == 0 with input as fixtures.input_for(fixtures.effektivisering)
}

test_success_investment_without_saving if {
	count(ben_001.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}

# Only savings in the plan years count; a year outside P is DAT-004's concern.
test_success_investment_saving_outside_plan_years if {
	doc := json.patch(
		fixtures.investering,
		[{"op": "add", "path": "/budget_effects/-", "value": {"year": 2026, "account": "drift", "amount_knok": -500}}],
	)
	count(ben_001.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_new_measure_with_saving if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/budget_effects/1/amount_knok", "value": -100}])
	count(ben_001.violation) == 0 with input as fixtures.input_for(doc)
}
