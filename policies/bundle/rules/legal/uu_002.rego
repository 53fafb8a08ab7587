# METADATA
# title: Tilgjengelighetserklæring mangler
# description: |
#   A public-facing website or app (ict_solution.public_facing true, kind nettsted or
#   app) must publish an accessibility statement (accessibility_statement_url) when
#   the as-of date D or its launch_date is on or after
#   universal_design.accessibility_statement_from. A missing or empty URL fails.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/forskrift/2013-06-21-732
#     description: Forskrift om universell utforming av IKT-løsninger (tilgjengelighetserklæring)
#   - ref: https://lovdata.no/lov/2017-06-16-51/§18
#     description: Likestillings- og diskrimineringsloven § 18 (universell utforming av IKT)
# custom:
#   id: UU-002
#   severity: error
#   category: legal
#   reference: Forskrift om universell utforming av IKT-løsninger (tilgjengelighetserklæring)
#   waivable: false
#   title_en: No accessibility statement
#   remedy:
#     nb: Publiser tilgjengelighetserklæring for løsningen (for eksempel på uustatus.no) og oppgi adressen i
#       ict_solution.accessibility_statement_url.
#     en: Publish an accessibility statement for the solution (for example at uustatus.no) and give its address in
#       ict_solution.accessibility_statement_url.
package styring.rules.legal.uu_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/ict_solution/accessibility_statement_url",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Den publikumsrettede løsningen (ict_solution.kind «%s») må ha tilgjengelighetserklæring,",
				"som kreves fra %s (%s), men ict_solution.accessibility_statement_url er ikke fylt ut.",
			]),
			[tiltak.doc.ict_solution.kind, _from, concat(", ", [t.nb | some t in _triggers])],
		),
		sprintf(
			concat(" ", [
				"The public-facing solution (ict_solution.kind «%s») must have an accessibility statement,",
				"required from %s (%s), but ict_solution.accessibility_statement_url is not filled in.",
			]),
			[tiltak.doc.ict_solution.kind, _from, concat(", ", [t.en | some t in _triggers])],
		),
	),
}) if {
	tiltak.doc.ict_solution.public_facing == true
	tiltak.doc.ict_solution.kind in {"nettsted", "app"}
	object.get(tiltak.doc.ict_solution, "accessibility_statement_url", "") == ""
	count(_triggers) > 0
}

_from := tiltak.params.universal_design.accessibility_statement_from

# _triggers: the dates on or after _from that make the statement required, in a fixed order.
_triggers := [t |
	some t in [
		{
			"date": tiltak.as_of,
			"nb": sprintf("vurderingsdato %s", [tiltak.as_of]),
			"en": sprintf("assessment date %s", [tiltak.as_of]),
		},
		{"date": _launch, "nb": sprintf("lanseringsdato %s", [_launch]), "en": sprintf("launch date %s", [_launch])},
	]
	is_string(t.date)
	t.date >= _from
]

_launch := tiltak.value_at(["ict_solution", "launch_date"])

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
