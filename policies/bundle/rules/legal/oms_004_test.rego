package styring.rules.legal.oms_004_test

import data.styring.rules.legal.oms_004
import data.styring.test.fixtures

test_fail_one_per_non_compliant_entry if {
	doc := json.patch(fixtures.omstilling, [
		{
			"op": "add",
			"path": "/legal_requirements/-",
			"value": {"law": "forvaltningsloven", "section": "§ 17", "compliance": "avvik"},
		},
		{
			"op": "add",
			"path": "/legal_requirements/-",
			"value": {"law": "personopplysningsloven", "compliance": "ikke_vurdert"},
		},
	])
	vs := oms_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {
		{"rule_id": "OMS-004", "severity": "error", "path": "/legal_requirements/1/compliance"},
		{"rule_id": "OMS-004", "severity": "error", "path": "/legal_requirements/2/compliance"},
	}
	fixtures.messages(vs) == {
		{
			"nb": concat(" ", [
				"Lovkravet forvaltningsloven § 17 (legal_requirements/1) har samsvar «avvik» (avvik fra kravet);",
				"tiltaket må ligge innenfor gjeldende lover og regler, med samsvar «ok».",
			]),
			"en": concat(" ", [
				"The legal requirement forvaltningsloven § 17 (legal_requirements/1) has compliance «avvik» (deviation from",
				"the requirement); the initiative must stay within the laws and regulations in force, with compliance «ok».",
			]),
		},
		{
			"nb": concat(" ", [
				"Lovkravet personopplysningsloven (legal_requirements/2) har samsvar «ikke_vurdert» (ikke vurdert);",
				"tiltaket må ligge innenfor gjeldende lover og regler, med samsvar «ok».",
			]),
			"en": concat(" ", [
				"The legal requirement personopplysningsloven (legal_requirements/2) has compliance «ikke_vurdert» (not assessed);",
				"the initiative must stay within the laws and regulations in force, with compliance «ok».",
			]),
		},
	}
}

test_fail_empty_section_names_law_only if {
	doc := json.patch(fixtures.omstilling, [
		{"op": "replace", "path": "/legal_requirements/0/section", "value": ""},
		{"op": "replace", "path": "/legal_requirements/0/compliance", "value": "avvik"},
	])
	vs := oms_004.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == {{"rule_id": "OMS-004", "severity": "error", "path": "/legal_requirements/0/compliance"}}
	some v in vs
	startswith(v.message.nb, "Lovkravet opplæringsloven (legal_requirements/0) har")
}

test_fail_not_waivable if {
	doc := json.patch(
		fixtures.omstilling,
		[{"op": "replace", "path": "/legal_requirements/0/compliance", "value": "avvik"}],
	)
	vs := oms_004.violation with input as fixtures.input_for(doc)
	{v.waivable | some v in vs} == {false}
	{v.category | some v in vs} == {"legal"}
}

test_success_all_compliant if {
	count(oms_004.violation) == 0 with input as fixtures.input_for(fixtures.omstilling)
}

test_success_no_legal_requirements if {
	count(oms_004.violation) == 0 with input as fixtures.input_for(fixtures.investering)
}
