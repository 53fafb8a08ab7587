# METADATA
# title: Dated parameters
# description: |
#   The one lookup of numbers and dates the rules read from data.parameters
#   (a copy of shared/spec/parameters.json). A dated list [{from, value}] is in
#   force from its from date (inclusive) until the next entry's from.
package styring.lib.params

# entry_at returns the entry of a dated list in force at date d (YYYY-MM-DD), or
# is undefined when d is before the first entry. ISO dates compare as strings.
entry_at(list, d) := in_force[count(in_force) - 1] if {
	in_force := [e | some e in list; e.from <= d]
	count(in_force) > 0
}

# at returns the value of a dated list in force at date d.
at(list, d) := entry_at(list, d).value
