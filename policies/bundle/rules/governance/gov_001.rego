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

violation contains result.fail(meta, {
	"path": "/owner",
	"message": result.msg(
		sprintf("Tiltaket mangler eier: %s er ikke fylt ut.", [concat(" og ", missing_nb)]),
		sprintf("The initiative has no owner: %s %s not filled in.", [concat(" and ", missing_nb), verb_en]),
	),
}) if {
	owner_incomplete
}

# owner_incomplete: owner.name or owner.role is not set. Both are strings, so not
# set is missing or "".
owner_incomplete if object.get(tiltak.doc, ["owner", "name"], "") == ""

owner_incomplete if object.get(tiltak.doc, ["owner", "role"], "") == ""

missing contains field if {
	some field in ["owner.name", "owner.role"]
	not tiltak.set_at(split(field, "."))
}

missing_nb := sort(missing)

default verb_en := "is"

verb_en := "are" if count(missing) > 1

# meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
meta := rego.metadata.chain()
