package styring.rules.legal.ris_001_test

import data.styring.rules.legal.ris_001
import data.styring.test.fixtures

test_fail_omstilling_assessment_ref_missing_is_error if {
	doc := json.remove(fixtures.omstilling, ["risk/assessment_ref"])
	vs := ris_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "RIS-001", "severity": "error", "path": "/risk"}}
	fixtures.messages(vs) == {{
		"nb": "Tiltaket (type omstilling) mangler risikovurdering: risk.assessment_ref er ikke fylt ut.",
		"en": "The initiative (type omstilling) has no risk assessment: risk.assessment_ref is not filled in.",
	}}
}

test_fail_investering_risk_missing_is_error if {
	doc := json.remove(fixtures.investering, ["risk"])
	vs := ris_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "RIS-001", "severity": "error", "path": "/risk"}}
	fixtures.messages(vs) == {{
		"nb": "Tiltaket (type investering) mangler risikovurdering: risk.assessment_ref og risk.date er ikke fylt ut.",
		"en": concat(" ", [
			"The initiative (type investering) has no risk assessment:",
			"risk.assessment_ref and risk.date are not filled in.",
		]),
	}}
}

test_fail_innsparing_date_missing_is_error if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/type", "value": "innsparing"},
		{"op": "remove", "path": "/risk/date"},
	])
	vs := ris_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "RIS-001", "severity": "error", "path": "/risk"}}
}

test_fail_nytt_tiltak_date_missing_is_warning if {
	doc := json.remove(fixtures.digital, ["risk/date"])
	vs := ris_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "RIS-001", "severity": "warning", "path": "/risk"}}
	fixtures.messages(vs) == {{
		"nb": "Tiltaket (type nytt_tiltak) mangler risikovurdering: risk.date er ikke fylt ut.",
		"en": "The initiative (type nytt_tiltak) has no risk assessment: risk.date is not filled in.",
	}}
}

test_fail_effektivisering_assessment_ref_empty_is_warning if {
	doc := json.patch(fixtures.effektivisering, [{"op": "replace", "path": "/risk/assessment_ref", "value": ""}])
	vs := ris_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "RIS-001", "severity": "warning", "path": "/risk"}}
}

test_fail_risk_empty_object if {
	doc := json.patch(fixtures.omstilling, [{"op": "replace", "path": "/risk", "value": {}}])
	vs := ris_001.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "RIS-001", "severity": "error", "path": "/risk"}}
}

test_success_risk_complete if {
	count(ris_001.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_risk_complete_without_covers if {
	doc := json.remove(fixtures.digital, ["risk/covers"])
	count(ris_001.violation) == 0 with input as fixtures.input_for(doc)
}
