# METADATA
# title: Dated parameters
# description: |
#   The one lookup of numbers and dates the rules read from data.styring.parameters
#   (policies/bundle/styring/parameters/data.json, a copy of the contract's
#   parameters.json). A dated list [{from, value}] is in force from its from date
#   (inclusive) until the next entry's from.
package styring.lib.params

# entry_at returns the entry of a dated list in force at date d (YYYY-MM-DD), or
# is undefined when d is before the first entry. ISO dates compare as strings.
entry_at(list, d) := e if {
	# Lists are sorted by from. Written without building an array, as rules
	# call it often: the last entry when it has started, else the entry whose
	# successor has not.
	e := list[count(list) - 1]
	e.from <= d
}

entry_at(list, d) := e if {
	some i, e in list
	e.from <= d
	list[i + 1].from > d
}

# at returns the value of a dated list in force at date d.
at(list, d) := entry_at(list, d).value
