# METADATA
# title: Sektoren overskrider endringsrommet i rammen
# description: |
#   For each sector and plan year, the attributed net change of the sector's
#   operating budget from all initiatives together must not exceed the sector's
#   change room (sectors.change_room_knok): the appropriations are binding.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-5
#     description: Kommuneloven § 14-5
# custom:
#   id: PBUD-001
#   severity: error
#   category: budget
#   reference: Kommuneloven § 14-5 (bevilgningene er bindende)
#   waivable: false
#   title_en: The sector exceeds the change room of its frame
#   remedy:
#     nb: Finn innsparinger eller omprioriteringer i sektoren som dekker overskridelsen, eller be om endret ramme.
#     en: Find savings or reprioritisations in the sector that cover the excess, or ask for a changed frame.
package styring.portfolio.rules.pbud_001

import data.styring.lib.result
import data.styring.portfolio.figures as f

violation contains result.fail(_meta, {
	"sector": s,
	"year": y,
	"value": change,
	"limit": room,
	"message": result.msg(
		sprintf(
			"%s (%s) endrer driftsbudsjettet med %v kNOK i %d, men endringsrommet er %v kNOK: %v kNOK for mye.",
			[s, name, change, y, room, change - room],
		),
		sprintf(
			"%s (%s) changes its operating budget by %v kNOK in %d, but its change room is %v kNOK: %v kNOK too much.",
			[s, name, change, y, room, change - room],
		),
	),
}) if {
	some s in f.sectors
	some y in f.years
	room := f.params.sectors.change_room_knok[s][sprintf("%d", [y])]
	change := f.sector_net[s][y]
	change > room
	name := f.params.sectors.names[s]
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
