# METADATA
# title: Entry point
# description: |
#   data.styring.main.violations is the query the engine prepares: every record
#   violation of the initiative in input.initiative. When the document does not
#   match the schema (input.schema_errors is non-empty), only DAT-001 is reported
#   and no other rule is evaluated, as rules.md requires.
# entrypoint: true
package styring.main

schema_errors := object.get(input, "schema_errors", [])

violations contains v if {
	count(schema_errors) > 0
	some v in data.styring.rules.data.dat_001.violation
}

violations contains v if {
	count(schema_errors) == 0
	v := data.styring.rules[_][_].violation[_]
}
