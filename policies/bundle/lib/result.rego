# METADATA
# title: Violation builder
# description: |
#   The one place a violation is built. Identity (id, severity, category, titles,
#   reference, waivable, remedy) comes from the rule's METADATA through its annotation
#   chain, so a violation can never drift from the catalog. The rule supplies only
#   what is particular to the finding: the path, the message in nb and en, and
#   (where the catalog says so) the severity, the year, the value and the limit.
package styring.lib.result

# fail returns the violation for the rule whose annotation chain is given.
# fields: {"path": ..., "message": {"nb": ..., "en": ...}} plus optional
# "severity", "year", "value", "limit", "sector".
fail(chain, fields) := object.union(
	{
		"rule_id": meta.custom.id,
		"severity": meta.custom.severity,
		"category": meta.custom.category,
		"title": {"nb": meta.title, "en": meta.custom.title_en},
		"reference": meta.custom.reference,
		"waivable": meta.custom.waivable,
		"remedy": object.get(meta.custom, "remedy", {"nb": "", "en": ""}),
	},
	fields,
) if {
	meta := rule_meta(chain)
}

# rule_meta picks the nearest annotation in the chain that names a rule id, so a
# rule may be annotated at package or at rule scope.
rule_meta(chain) := [entry.annotations |
	some entry in chain
	entry.annotations.custom.id
][0]

# msg pairs the Norwegian and English text of a message.
msg(nb, en) := {"nb": nb, "en": en}

# decimal_nb writes a number the Norwegian way, with a decimal comma (0,7).
decimal_nb(x) := replace(sprintf("%v", [x]), ".", ",")
