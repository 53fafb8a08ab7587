# METADATA
# title: Vedtatt tiltak mangler saksnummer for vedtaket
# description: |
#   An initiative with status vedtatt or later (i_gjennomforing, gjennomfort, evaluert)
#   must refer to the political or administrative decision: at least one decisions
#   entry with case_no set. A missing status counts as forslag; avvist is outside the
#   status order, so the rule never applies to it.
# scope: package
# related_resources:
#   - ref: https://lovdata.no/lov/2018-06-22-83/§14-5
#     description: Kommuneloven § 14-5
# custom:
#   id: GOV-002
#   severity: error
#   category: governance
#   reference: Kommuneloven § 14-5
#   waivable: true
#   title_en: An adopted initiative has no case number for its decision
#   remedy:
#     nb: Registrer vedtaket i decisions med organ, dato og saksnummer (case_no), eller rett statusen hvis tiltaket ikke
#       er vedtatt.
#     en: Record the decision in decisions with body, date and case number (case_no), or correct the status if the
#       initiative has not been adopted.
package styring.rules.governance.gov_002

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/decisions",
	"message": result.msg(
		sprintf("Tiltaket har status %s, men %s.", [tiltak.status, _found_nb]),
		sprintf("The initiative has status %s, but %s.", [tiltak.status, _found_en]),
	),
}) if {
	# status at least vedtatt; avvist has no rank, so the lookup fails for it.
	tiltak.status_rank[tiltak.status] >= tiltak.status_rank.vedtatt
	not _has_case_no
}

_decisions := object.get(tiltak.doc, "decisions", [])

# case_no is a string: set is present and not "".
_has_case_no if {
	some d in _decisions
	object.get(d, "case_no", "") != ""
}

_found_nb := "ingen vedtak er registrert i decisions" if count(_decisions) == 0

_found_nb := sprintf(
	"ingen av de %d registrerte vedtakene i decisions har saksnummer (case_no)",
	[count(_decisions)],
) if {
	count(_decisions) > 1
}

_found_nb := "det registrerte vedtaket i decisions har ikke saksnummer (case_no)" if count(_decisions) == 1

_found_en := "no decision is recorded in decisions" if count(_decisions) == 0

_found_en := sprintf(
	"none of the %d decisions recorded in decisions has a case number (case_no)",
	[count(_decisions)],
) if {
	count(_decisions) > 1
}

_found_en := "the decision recorded in decisions has no case number (case_no)" if count(_decisions) == 1

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
