package styring.lib.kpi_test

import data.styring.lib.kpi

test_success_kpi_label_by_name_else_id if {
	kpi.label({"id": "k1", "name": "Saksbehandlingstid"}) == " «Saksbehandlingstid»"
	kpi.label({"id": "k1", "name": ""}) == " (id k1)"
	kpi.label({"id": "k1"}) == " (id k1)"
}

test_fail_kpi_label_without_name_or_id if {
	kpi.label({"id": ""}) == ""
	kpi.label({}) == ""
}

test_success_kpi_join if {
	kpi.join(["name"], "og") == "name"
	kpi.join(["name", "unit"], "og") == "name og unit"
	kpi.join(["name", "unit", "baseline.value"], "and") == "name, unit and baseline.value"
}
