package styring.lib.budget_test

import data.styring.lib.budget
import data.styring.test.fixtures

# lines: a drift line, an omstilling line, a one-off effektivisering line, an
# investering line outside P (2021–2024) and an investering line in bucket effektivisering.
lines := [
	{"year": 2021, "account": "drift", "amount_knok": 0},
	{"year": 2022, "account": "drift", "amount_knok": -1500, "bucket": "omstilling"},
	{"year": 2023, "account": "drift", "amount_knok": -300, "bucket": "effektivisering", "one_off": true},
	{"year": 2025, "account": "investering", "amount_knok": 500},
	{"year": 2022, "account": "investering", "amount_knok": 700, "bucket": "effektivisering"},
]

doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/budget_effects", "value": lines}])

test_success_budget_years_and_amounts if {
	budget.line_years == {2021, 2022, 2023, 2025} with input as fixtures.input_for(doc)
	budget.outside_years == {2025} with input as fixtures.input_for(doc)
	budget.amounts == [0, -1500, -300, 500, 700] with input as fixtures.input_for(doc)
}

test_success_budget_line_indexes if {
	budget.one_off_lines == {2} with input as fixtures.input_for(doc)
	budget.omstilling_lines == {1} with input as fixtures.input_for(doc)
	budget.effektivisering_lines == {2, 4} with input as fixtures.input_for(doc)
	budget.gain_lines == {1, 2, 4} with input as fixtures.input_for(doc)
	budget.investering_lines == {3, 4} with input as fixtures.input_for(doc)
	budget.investering_years == {2022, 2025} with input as fixtures.input_for(doc)
}

test_success_budget_without_lines if {
	inp := fixtures.input_for(json.remove(fixtures.omstilling, ["budget_effects"]))
	budget.line_years == set() with input as inp
	budget.outside_years == set() with input as inp
	budget.amounts == [] with input as inp
	count(budget.gain_lines) == 0 with input as inp
	count(budget.investering_lines) == 0 with input as inp
	count(budget.investering_years) == 0 with input as inp
}
