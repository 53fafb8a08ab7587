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
import data.styring.lib.kpi
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/kpis/%d/measurements", [i]),
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Styringsparameter nr. %d%s mangler måling i %s %s.",
				"Effekten må måles før, underveis og etter (for, under og etter).",
			]),
			[i + 1, kpi.label(k), _phase_word_nb(missing), kpi.join(missing, "og")],
		),
		sprintf(
			concat(" ", [
				"KPI no. %d%s has no measurement in the %s %s.",
				"The effect must be measured before, during and after (for, under and etter).",
			]),
			[i + 1, kpi.label(k), _phase_word_en(missing), kpi.join(missing, "and")],
		),
	),
}) if {
	some i, k in tiltak.doc.kpis
	present := {p | p := k.measurements[_].phase}
	count(present) < 3 # the schema knows only the three phases
	missing := [p | some p in _phases; not p in present]
	count(missing) > 0
}

_phases := ["for", "under", "etter"]

_phase_word_nb(xs) := "fasen" if count(xs) == 1

_phase_word_nb(xs) := "fasene" if count(xs) > 1

_phase_word_en(xs) := "phase" if count(xs) == 1

_phase_word_en(xs) := "phases" if count(xs) > 1

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
