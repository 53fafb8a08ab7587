# METADATA
# title: Lovkravene for omstillingen er ikke kartlagt
# description: |
#   An initiative of type omstilling or innsparing changes services, so the laws
#   and regulations it must stay within have to be listed in legal_requirements
#   (missing or an empty list fails).
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024, kap. 2.3
# custom:
#   id: OMS-005
#   severity: warning
#   category: legal
#   reference: HP 2021–2024 kap. 2.3
#   waivable: false
#   title_en: The legal requirements of the restructuring have not been mapped
#   remedy:
#     nb: List opp lover og forskrifter tiltaket berører i legal_requirements, med vurdering av samsvar.
#     en: List the laws and regulations the initiative affects in legal_requirements, with an assessment of compliance.
package styring.rules.legal.oms_005

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/legal_requirements",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltak av typen «%s» endrer tjenester, men legal_requirements er ikke fylt ut:",
				"list opp lovkravene tiltaket må ligge innenfor.",
			]),
			[tiltak.doc.type],
		),
		sprintf(
			concat(" ", [
				"An initiative of type «%s» changes services, but legal_requirements is not filled in:",
				"list the legal requirements the initiative must stay within.",
			]),
			[tiltak.doc.type],
		),
	),
}) if {
	tiltak.doc.type in {"omstilling", "innsparing"}
	count(object.get(tiltak.doc, "legal_requirements", [])) == 0
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
