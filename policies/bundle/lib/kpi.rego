# METADATA
# title: KPI wording
# description: |
#   How the messages of the per-KPI rules (KPI-002…KPI-006, KPI-009) name a KPI
#   and list what it lacks.
package styring.lib.kpi

import data.styring.lib.initiative as tiltak

# label names the KPI by its name, else its id, else nothing.
label(k) := sprintf(" «%s»", [k.name]) if {
	tiltak.filled(object.get(k, "name", null))
} else := sprintf(" (id %s)", [k.id]) if {
	tiltak.filled(object.get(k, "id", null))
} else := ""

# join lists xs as "a, b og c" (word is "og" or "and").
join(xs, _) := xs[0] if count(xs) == 1

join(xs, word) := sprintf("%s %s %s", [concat(", ", array.slice(xs, 0, count(xs) - 1)), word, xs[count(xs) - 1]]) if {
	count(xs) > 1
}
