# METADATA
# title: Målet går i feil retning
# description: |
#   A KPI's target must improve on its baseline in the KPI's direction: for up,
#   target.value must be above baseline.value; for down, below it (an equal target is no
#   improvement). Not checked when direction or either value is missing.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024
# custom:
#   id: KPI-009
#   severity: warning
#   category: kpi
#   reference: HP 2021–2024 kap. 2.3
#   waivable: true
#   title_en: The target goes in the wrong direction
#   remedy:
#     nb: Rett målverdien (target.value) eller retningen (direction) slik at målet er en forbedring fra utgangsverdien.
#     en: Correct the target value (target.value) or the direction (direction) so that the target improves on the
#       baseline.
package styring.rules.kpi.kpi_009

import data.styring.lib.initiative as tiltak
import data.styring.lib.kpi
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/kpis/%d/target/value", [i]),
	"message": result.msg(
		sprintf(
			"Styringsparameter nr. %d%s skal %s (direction %s), men målverdien %v er ikke %s enn utgangsverdien %v.",
			[i + 1, kpi.label(k), w.nb_goal, k.direction, target, w.nb_cmp, baseline],
		),
		sprintf(
			"KPI no. %d%s should go %s (direction %s), but the target value %v is not %s than the baseline value %v.",
			[i + 1, kpi.label(k), k.direction, k.direction, target, w.en_cmp, baseline],
		),
	),
}) if {
	some i in _no_improvement
	k := tiltak.doc.kpis[i]
	w := _wording[k.direction]
	target := k.target.value
	baseline := k.baseline.value
}

# _no_improvement holds the indexes of the KPIs whose target does not improve on
# the baseline in their direction. The direction is matched in one pass over
# the KPIs; only the KPIs of that direction compare their values (a missing
# value makes the comparison undefined, so such a KPI is not reported).
_no_improvement contains i if {
	kpis := tiltak.doc.kpis
	some i
	kpis[i].direction == "up"
	kpis[i].target.value <= kpis[i].baseline.value
}

_no_improvement contains i if {
	kpis := tiltak.doc.kpis
	some i
	kpis[i].direction == "down"
	kpis[i].target.value >= kpis[i].baseline.value
}

_wording := {
	"up": {"nb_goal": "gå opp", "nb_cmp": "høyere", "en_cmp": "higher"},
	"down": {"nb_goal": "gå ned", "nb_cmp": "lavere", "en_cmp": "lower"},
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
