package styring.rules.data.dat_001_test

import data.styring.rules.data.dat_001
import data.styring.test.fixtures

test_fail_one_violation_per_schema_error if {
	errs := [
		{
			"path": "/sector",
			"message": {"nb": "sector: «XYZ» er ikke en gyldig sektor", "en": "sector: «XYZ» is not a valid sector"},
		},
		{"path": "", "message": {"nb": "mangler påkrevd felt title", "en": "missing required property title"}},
	]
	vs := dat_001.violation with input as object.union(fixtures.input_for(fixtures.omstilling), {"schema_errors": errs})
	fixtures.brief(vs) == {
		{"rule_id": "DAT-001", "severity": "error", "path": "/sector"},
		{"rule_id": "DAT-001", "severity": "error", "path": ""},
	}
	fixtures.messages(vs) == {e.message | some e in errs}
}

test_success_no_schema_errors if {
	count(dat_001.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}
