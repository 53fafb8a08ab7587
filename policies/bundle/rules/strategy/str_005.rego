# METADATA
# title: Tverrsektorielt tiltak prioriteres
# description: |
#   A cross-sector initiative (some involved sector is not the lead sector) is
#   prioritised in the action programme (Ett Bærum). This is advice to the case
#   handler, given whether or not the split is valid (that is STR-004).
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024, kap. 2.3 (Ett Bærum)
# custom:
#   id: STR-005
#   severity: info
#   category: strategy
#   reference: HP 2021–2024 kap. 2.3
#   waivable: true
#   title_en: A cross-sector initiative is prioritised
#   remedy:
#     nb: Ingen endring er nødvendig; behandle tiltaket som prioritert og sørg for at sektorene samarbeider om
#       gjennomføringen.
#     en: No change is needed; treat the initiative as prioritised and make sure the sectors cooperate on carrying it
#       out.
package styring.rules.strategy.str_005

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/involved_sectors",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket er tverrsektorielt (hovedsektor %s, involverte",
				"sektorer %s) og prioriteres i handlingsprogrammet (Ett Bærum).",
			]),
			[tiltak.doc.sector, tiltak.other_sectors],
		),
		sprintf(
			concat(" ", [
				"The initiative is cross-sector (lead sector %s, involved sectors",
				"%s) and is prioritised in the action programme (Ett Bærum).",
			]),
			[tiltak.doc.sector, tiltak.other_sectors],
		),
	),
}) if {
	tiltak.is_cross_sector
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
