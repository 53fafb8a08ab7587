# METADATA
# title: Procurement terms
# description: |
#   The procurement terms of rules.md that PRO-002…PRO-005 share, defined once: the
#   threshold value V and its parts, the date Dp thresholds are read at (with its
#   wording for messages), the national threshold in force at Dp, and the procedure.
#   Rules read them only once procurement.involved is true.
package styring.lib.procurement

import data.styring.lib.initiative as tiltak
import data.styring.lib.params

# estimate: procurement.estimated_value_nok, 0 when it is not given.
estimate := object.get(tiltak.doc, ["procurement", "estimated_value_nok"], 0)

# related: procurement.related_purchases_nok, 0 when it is not given.
related := object.get(tiltak.doc, ["procurement", "related_purchases_nok"], 0)

# v is the threshold value V.
v := estimate + related

# _announced: procurement.announcement_date is set (a date string is set when not empty).
_announced if tiltak.doc.procurement.announcement_date != ""

# dp is Dp: the announcement date, else D.
dp := tiltak.doc.procurement.announcement_date if {
	_announced
} else := tiltak.as_of

# dp_nb and dp_en say which date Dp is, for messages.
dp_nb := sprintf("kunngjøringsdato %s", [dp]) if {
	_announced
} else := sprintf("vurdert per %s, ingen kunngjøringsdato", [dp])

dp_en := sprintf("announcement date %s", [dp]) if {
	_announced
} else := sprintf("assessed at %s, no announcement date", [dp])

# national_threshold is the national threshold in force at Dp (undefined before its first date).
national_threshold := params.entry_at(tiltak.params.procurement.national_threshold_nok, dp)

# procedure is procurement.procedure, null when missing (for the messages).
procedure := tiltak.value_at(["procurement", "procedure"])
