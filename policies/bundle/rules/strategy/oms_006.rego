# METADATA
# title: Omstillingstiltaket er ikke knyttet til Omstilling 2024
# description: |
#   An initiative of type omstilling must name the part of the Omstilling 2024
#   programme it belongs to (omstilling_program_ref; missing or empty fails).
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024, kap. 2.2 (Omstilling 2024)
# custom:
#   id: OMS-006
#   severity: warning
#   category: strategy
#   reference: Omstilling 2024 (kommunestyret 11.12.2019, sak 145/19)
#   waivable: true
#   title_en: The restructuring initiative is not linked to Omstilling 2024
#   remedy:
#     nb: Oppgi hvilket delprogram i Omstilling 2024 tiltaket hører til (omstilling_program_ref).
#     en: Name the Omstilling 2024 sub-programme the initiative belongs to (omstilling_program_ref).
package styring.rules.strategy.oms_006

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/omstilling_program_ref",
	"message": result.msg(
		concat(" ", [
			"Tiltak av typen «omstilling» mangler omstilling_program_ref:",
			"oppgi hvilket delprogram i Omstilling 2024 (kommunestyret 11.12.2019, sak 145/19) tiltaket hører til.",
		]),
		concat(" ", [
			"An initiative of type «omstilling» has no omstilling_program_ref:",
			"name the Omstilling 2024 sub-programme (municipal council 11.12.2019, case 145/19) it belongs to.",
		]),
	),
}) if {
	tiltak.doc.type == "omstilling"
	object.get(tiltak.doc, "omstilling_program_ref", "") == ""
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
