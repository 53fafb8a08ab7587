# METADATA
# title: Tiltaket mangler start, slutt eller økonomiplanperiode
# description: |
#   Every initiative must say when it starts and ends (start_date, end_date) and which
#   plan period it belongs to (plan_period); one violation per field that is not set.
#   While plan_period is missing, the other rules use parameters.plan.plan_years as P;
#   the message says so.
# scope: package
# related_resources:
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024
# custom:
#   id: GOV-004
#   severity: error
#   category: governance
#   reference: HP 2021–2024 kap. 2.3
#   waivable: true
#   title_en: The initiative has no start, end or plan period
#   remedy:
#     nb: Fyll ut startdato (start_date), sluttdato (end_date) og økonomiplanperiode (plan_period med start_year og
#       end_year).
#     en: Fill in the start date (start_date), the end date (end_date) and the plan period (plan_period with start_year
#       and end_year).
package styring.rules.governance.gov_004

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": sprintf("/%s", [field]),
	"message": message,
}) if {
	doc := tiltak.doc
	some field in ["start_date", "end_date", "plan_period"]

	# not set (tiltak.filled): missing, null or empty
	object.get(doc, field, null) in {null, "", [], {}}
	message := _text[field]
}

_text["start_date"] := result.msg(
	"Tiltaket mangler startdato: start_date er ikke fylt ut.",
	"The initiative has no start date: start_date is not filled in.",
)

_text["end_date"] := result.msg(
	"Tiltaket mangler sluttdato: end_date er ikke fylt ut.",
	"The initiative has no end date: end_date is not filled in.",
)

_text["plan_period"] := result.msg(
	sprintf(
		concat(" ", [
			"Tiltaket mangler økonomiplanperiode: plan_period er ikke fylt ut.",
			"Til den er fylt ut, vurderes tiltaket mot standardperioden %s.",
		]),
		[tiltak.default_period],
	),
	sprintf(
		concat(" ", [
			"The initiative has no plan period: plan_period is not filled in.",
			"Until it is, the initiative is checked against the default period %s.",
		]),
		[tiltak.default_period],
	),
)

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
