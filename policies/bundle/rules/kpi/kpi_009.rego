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
#     en: Correct the target value (target.value) or the direction (direction) so that the target improves on the baseline.
package styring.rules.kpi.kpi_009

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(rego.metadata.chain(), {
	"path": sprintf("/kpis/%d/target/value", [i]),
	"message": result.msg(
		sprintf(
			"Styringsparameter nr. %d%s skal %s (direction %s), men målverdien %v er ikke %s enn utgangsverdien %v.",
			[i + 1, label(k), w.nb_goal, k.direction, target, w.nb_cmp, baseline],
		),
		sprintf(
			"KPI no. %d%s should go %s (direction %s), but the target value %v is not %s than the baseline value %v.",
			[i + 1, label(k), k.direction, k.direction, target, w.en_cmp, baseline],
		),
	),
}) if {
	some i, k in object.get(tiltak.doc, "kpis", [])
	w := wording[object.get(k, "direction", null)]
	target := object.get(k, ["target", "value"], null)
	baseline := object.get(k, ["baseline", "value"], null)
	is_number(target)
	is_number(baseline)
	not improves(k.direction, target, baseline)
}

improves("up", target, baseline) if target > baseline

improves("down", target, baseline) if target < baseline

wording := {
	"up": {"nb_goal": "gå opp", "nb_cmp": "høyere", "en_cmp": "higher"},
	"down": {"nb_goal": "gå ned", "nb_cmp": "lavere", "en_cmp": "lower"},
}

# label names the KPI by its name, else its id, else nothing.
label(k) := sprintf(" «%s»", [k.name]) if {
	tiltak.is_set(object.get(k, "name", null))
} else := sprintf(" (id %s)", [k.id]) if {
	tiltak.is_set(object.get(k, "id", null))
} else := ""
