# METADATA
# title: Tiltaket mangler ansvarlig eier
# description: Every initiative needs an accountable owner, named with name and role (owner.name, owner.role).
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024
# custom:
#   id: GOV-001
#   severity: error
#   category: governance
#   reference: HP 2021–2024 kap. 2.3 (virksomhetsstyring)
#   waivable: true
#   title_en: The initiative has no accountable owner
#   remedy:
#     nb: Oppgi navn og rolle for den som eier tiltaket (owner.name og owner.role).
#     en: Give the name and role of the initiative's owner (owner.name and owner.role).
package styring.rules.governance.gov_001

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/owner",
	"message": result.msg(
		sprintf("Tiltaket mangler eier: %s er ikke fylt ut.", [concat(" og ", _missing_nb)]),
		sprintf("The initiative has no owner: %s %s not filled in.", [concat(" and ", _missing_nb), _verb_en]),
	),
}) if {
	_owner_incomplete
}

# _owner_incomplete: owner.name or owner.role is not set. Both are strings, so not
# set is missing or "".
_owner_incomplete if object.get(tiltak.doc, ["owner", "name"], "") == ""

_owner_incomplete if object.get(tiltak.doc, ["owner", "role"], "") == ""

_missing contains field if {
	some field in ["owner.name", "owner.role"]
	not tiltak.set_at(split(field, "."))
}

_missing_nb := sort(_missing)

default _verb_en := "is"

_verb_en := "are" if count(_missing) > 1

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
