package styring.rules.legal.pro_006_test

import data.styring.rules.legal.pro_006
import data.styring.test.fixtures

brief_pro_006 := {{"rule_id": "PRO-006", "severity": "warning", "path": "/procurement/uu_requirements"}}

test_fail_uu_requirements_false if {
	doc := json.patch(fixtures.digital, [{"op": "replace", "path": "/procurement/uu_requirements", "value": false}])
	vs := pro_006.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_006
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsen gjelder en IKT-løsning (ict_solution.kind «app»), men krav om universell",
			"utforming er ikke tatt inn i kravspesifikasjonen: procurement.uu_requirements er ikke true.",
		]),
		"en": concat(" ", [
			"The procurement concerns an ICT solution (ict_solution.kind «app»), but universal-design",
			"requirements are not in the technical specification: procurement.uu_requirements is not true.",
		]),
	}}
}

test_fail_uu_requirements_missing_kind_missing if {
	doc := json.remove(fixtures.digital, ["procurement/uu_requirements", "ict_solution/kind"])
	vs := pro_006.violation with input as fixtures.input_for(doc)
	fixtures.brief(vs) == brief_pro_006
	fixtures.messages(vs) == {{
		"nb": concat(" ", [
			"Anskaffelsen gjelder en IKT-løsning (ict_solution, type ikke oppgitt), men krav om universell",
			"utforming er ikke tatt inn i kravspesifikasjonen: procurement.uu_requirements er ikke true.",
		]),
		"en": concat(" ", [
			"The procurement concerns an ICT solution (ict_solution, kind not given), but universal-design",
			"requirements are not in the technical specification: procurement.uu_requirements is not true.",
		]),
	}}
}

test_success_uu_requirements_true if {
	count(pro_006.violation) == 0 with input as fixtures.input_for(fixtures.digital)
}

test_success_ict_solution_empty if {
	doc := json.remove(
		json.patch(fixtures.digital, [{"op": "replace", "path": "/ict_solution", "value": {}}]),
		["procurement/uu_requirements"],
	)
	count(pro_006.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_no_ict_solution if {
	doc := json.remove(fixtures.digital, ["procurement/uu_requirements", "ict_solution"])
	count(pro_006.violation) == 0 with input as fixtures.input_for(doc)
}

test_success_not_involved if {
	doc := json.patch(fixtures.digital, [
		{"op": "replace", "path": "/procurement/involved", "value": false},
		{"op": "remove", "path": "/procurement/uu_requirements"},
	])
	count(pro_006.violation) == 0 with input as fixtures.input_for(doc)
}
