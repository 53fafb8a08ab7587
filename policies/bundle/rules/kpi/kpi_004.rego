# METADATA
# title: Styringsparameteren måles ikke før, underveis og etter
# description: |
#   Every KPI must have measurements in each phase: for (before), under (during) and
#   etter (after). One violation per KPI, whose message lists the missing phases in that
#   order; a KPI without measurements lacks all three.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024
# custom:
#   id: KPI-004
#   severity: error
#   category: kpi
#   reference: HP 2021–2024 kap. 2.3
#   waivable: true
#   title_en: The KPI is not measured before, during and after
#   remedy:
#     nb: Planlegg minst én måling i hver fase (for, under og etter) i measurements.
#     en: Plan at least one measurement in each phase (for, under and etter) in measurements.
package styring.rules.kpi.kpi_004

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(rego.metadata.chain(), {
	"path": sprintf("/kpis/%d/measurements", [i]),
	"message": result.msg(
		sprintf(
			"Styringsparameter nr. %d%s mangler måling i %s %s. Effekten må måles før, underveis og etter (for, under og etter).",
			[i + 1, label(k), phase_word_nb(missing), join(missing, "og")],
		),
		sprintf(
			"KPI no. %d%s has no measurement in the %s %s. The effect must be measured before, during and after (for, under and etter).",
			[i + 1, label(k), phase_word_en(missing), join(missing, "and")],
		),
	),
}) if {
	some i, k in object.get(tiltak.doc, "kpis", [])
	present := {m.phase | some m in object.get(k, "measurements", [])}
	missing := [p | some p in phases; not p in present]
	count(missing) > 0
}

phases := ["for", "under", "etter"]

phase_word_nb(xs) := "fasen" if count(xs) == 1

phase_word_nb(xs) := "fasene" if count(xs) > 1

phase_word_en(xs) := "phase" if count(xs) == 1

phase_word_en(xs) := "phases" if count(xs) > 1

# label names the KPI by its name, else its id, else nothing.
label(k) := sprintf(" «%s»", [k.name]) if {
	tiltak.is_set(object.get(k, "name", null))
} else := sprintf(" (id %s)", [k.id]) if {
	tiltak.is_set(object.get(k, "id", null))
} else := ""

# join lists xs as "a, b og c".
join(xs, _) := xs[0] if count(xs) == 1

join(xs, word) := sprintf("%s %s %s", [concat(", ", array.slice(xs, 0, count(xs) - 1)), word, xs[count(xs) - 1]]) if {
	count(xs) > 1
}
