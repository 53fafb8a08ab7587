package styring.rules.data.dat_003_test

import data.styring.rules.data.dat_003
import data.styring.test.fixtures

test_fail_later_line_repeats_earlier if {
	doc := json.patch(fixtures.omstilling, [{"op": "add", "path": "/budget_effects/-", "value": {
		"year": 2022, "account": "drift", "amount_knok": -500, "bucket": "omstilling",
		"calc_basis": "Tillegg",
	}}])
	vs := dat_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "DAT-003", "severity": "error", "path": "/budget_effects/4"}}
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Budsjettlinje nr. 5 (2022, drift, bucket omstilling, varig, -500 kNOK) gjentar linje nr. 2 (-1500 kNOK).",
			"Slå linjene sammen til én linje.",
		]),
		"en": concat(" ", [
			"Budget line no. 5 (2022, drift, bucket omstilling, permanent,",
			"-500 kNOK) repeats line no. 2 (-1500 kNOK). Merge the lines into one.",
		]),
	}}
}

test_fail_defaults_bucket_ingen_and_one_off_false if {
	# Line 0 (2021, drift) has neither bucket nor one_off; explicit defaults repeat it.
	doc := json.patch(fixtures.omstilling, [
		{
			"op": "add",
			"path": "/budget_effects/-",
			"value": {"year": 2021, "account": "drift", "amount_knok": 100, "bucket": "ingen"},
		},
		{
			"op": "add",
			"path": "/budget_effects/-",
			"value": {"year": 2021, "account": "drift", "amount_knok": 200, "one_off": false},
		},
	])
	vs := dat_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "DAT-003", "severity": "error", "path": "/budget_effects/4"},
		{"rule_id": "DAT-003", "severity": "error", "path": "/budget_effects/5"},
	}
	fixtures.messages(vs) == {
		{
			"nb": concat(" ", [
				"Budsjettlinje nr. 5 (2021, drift, bucket ingen, varig, 100 kNOK) gjentar linje nr. 1 (0 kNOK).",
				"Slå linjene sammen til én linje.",
			]),
			"en": concat(" ", [
				"Budget line no. 5 (2021, drift, bucket ingen, permanent,",
				"100 kNOK) repeats line no. 1 (0 kNOK). Merge the lines into one.",
			]),
		},
		{
			"nb": concat(" ", [
				"Budsjettlinje nr. 6 (2021, drift, bucket ingen, varig, 200 kNOK) gjentar linje nr. 1 (0 kNOK).",
				"Slå linjene sammen til én linje.",
			]),
			"en": concat(" ", [
				"Budget line no. 6 (2021, drift, bucket ingen, permanent,",
				"200 kNOK) repeats line no. 1 (0 kNOK). Merge the lines into one.",
			]),
		},
	}
}

test_fail_one_off_lines_repeat_each_other if {
	line := {"year": 2023, "account": "drift", "amount_knok": 300, "one_off": true}
	doc := json.patch(fixtures.omstilling, [
		{"op": "add", "path": "/budget_effects/-", "value": line},
		{"op": "add", "path": "/budget_effects/-", "value": line},
		{"op": "add", "path": "/budget_effects/-", "value": line},
	])
	vs := dat_003.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "DAT-003", "severity": "error", "path": "/budget_effects/5"},
		{"rule_id": "DAT-003", "severity": "error", "path": "/budget_effects/6"},
	}
	some v in vs
	v.message.en == concat(" ", [
		"Budget line no. 7 (2023, drift, bucket ingen, one-off,",
		"300 kNOK) repeats line no. 5 (300 kNOK). Merge the lines into one.",
	])
}

test_success_lines_differ_in_one_off_bucket_or_account if {
	doc := json.patch(fixtures.omstilling, [
		{
			"op": "add",
			"path": "/budget_effects/-",
			"value": {"year": 2022, "account": "drift", "amount_knok": 100, "bucket": "omstilling", "one_off": true},
		},
		{
			"op": "add",
			"path": "/budget_effects/-",
			"value": {"year": 2022, "account": "drift", "amount_knok": -100, "bucket": "effektivisering"},
		},
		{
			"op": "add",
			"path": "/budget_effects/-",
			"value": {"year": 2022, "account": "investering", "amount_knok": 100, "bucket": "omstilling"},
		},
		{"op": "add", "path": "/budget_effects/-", "value": {"year": 2022, "account": "drift", "amount_knok": 100}},
	])
	count(dat_003.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_valid_initiative if {
	count(dat_003.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}

test_success_no_budget_effects if {
	doc := json.remove(fixtures.omstilling, ["budget_effects"])
	count(dat_003.violation) == 0 with input as fixtures.input_for(doc)
}
