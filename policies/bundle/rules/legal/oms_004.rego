# METADATA
# title: Tiltaket oppfyller ikke et lovkrav
# description: |
#   Every legal requirement listed for the initiative must be assessed and met
#   (compliance ok). An entry with compliance avvik or ikke_vurdert is a
#   violation; one per entry.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024, kap. 2.3
# custom:
#   id: OMS-004
#   severity: error
#   category: legal
#   reference: HP 2021–2024 kap. 2.3 ("innen … gjeldende lover og regler")
#   waivable: false
#   title_en: The initiative does not meet a legal requirement
#   remedy:
#     nb: Vurder lovkravet og endre tiltaket slik at det oppfylles, og sett compliance til «ok».
#     en: Assess the legal requirement, change the initiative so that it is met, and set compliance to «ok».
package styring.rules.legal.oms_004

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/legal_requirements/%d/compliance", [i]),
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Lovkravet %s (legal_requirements/%d) har samsvar «%s» (%s);",
				"tiltaket må ligge innenfor gjeldende lover og regler, med samsvar «ok».",
			]),
			[_label(r), i, r.compliance, object.get(_compliance_nb, r.compliance, r.compliance)],
		),
		sprintf(
			concat(" ", [
				"The legal requirement %s (legal_requirements/%d) has compliance «%s» (%s);",
				"the initiative must stay within the laws and regulations in force, with compliance «ok».",
			]),
			[_label(r), i, r.compliance, object.get(_compliance_en, r.compliance, r.compliance)],
		),
	),
}) if {
	some i, r in tiltak.doc.legal_requirements
	r.compliance != "ok"
}

_compliance_nb := {"avvik": "avvik fra kravet", "ikke_vurdert": "ikke vurdert"}

_compliance_en := {"avvik": "deviation from the requirement", "ikke_vurdert": "not assessed"}

_label(r) := sprintf("%s %s", [r.law, r.section]) if {
	tiltak.filled(object.get(r, "section", ""))
} else := r.law

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
