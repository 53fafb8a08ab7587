# METADATA
# title: Gevinstrealiseringsplanen mangler ansvarlig eier
# description: |
#   An initiative that is to realise gains needs an owner of its benefits plan
#   (benefits_plan.owner): every initiative of a saving type (omstilling,
#   effektivisering, innsparing), and an investment (type investering) with a net
#   operating saving, net(y) < 0, in some plan year y in P.
# scope: package
# related_resources:
#   - ref: https://dfo.no/fagomrader/gevinstrealisering
#     description: DFØ, veileder for gevinstrealisering
#   - ref: https://www.baerum.kommune.no/om-barum-kommune/planer-og-styringsdokumenter/handlingsprogram/
#     description: Handlingsprogram 2021–2024, kap. 2.2
# custom:
#   id: BEN-001
#   severity: error
#   category: kpi
#   reference: DFØ, veileder for gevinstrealisering; HP kap. 2.2
#   waivable: true
#   title_en: The benefits realisation plan has no accountable owner
#   remedy:
#     nb: Oppgi hvem som er ansvarlig for å realisere gevinstene (benefits_plan.owner), normalt linjelederen som skal ta
#       ut gevinsten.
#     en: Name the person accountable for realising the benefits (benefits_plan.owner), normally the line manager who is
#       to take out the gain.
package styring.rules.kpi.ben_001

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/benefits_plan/owner",
	"message": result.msg(
		sprintf(
			"Gevinstrealiseringsplanen mangler eier (benefits_plan.owner er ikke fylt ut), men %s.",
			[_why_nb],
		),
		sprintf(
			"The benefits realisation plan has no owner (benefits_plan.owner is not filled in), but %s.",
			[_why_en],
		),
	),
}) if {
	object.get(tiltak.doc, ["benefits_plan", "owner"], "") == ""
	_gains_expected
}

_gains_expected if tiltak.is_saving_type

_gains_expected if {
	tiltak.doc.type == "investering"
	nets := tiltak.net_by_year
	some y in tiltak.plan_years
	nets[y] < 0
}

_saving_years := sort([y | some y in tiltak.plan_years; tiltak.net_by_year[y] < 0])

_savings := [sprintf("%d: %v kNOK", [y, tiltak.net_by_year[y]]) | some y in _saving_years]

_why_nb := sprintf("tiltak av typen «%s» skal realisere gevinster", [tiltak.doc.type]) if {
	tiltak.is_saving_type
} else := sprintf("investeringen gir netto innsparing i drift (%s)", [concat(", ", _savings)])

_why_en := sprintf("an initiative of type «%s» is to realise gains", [tiltak.doc.type]) if {
	tiltak.is_saving_type
} else := sprintf("the investment gives a net operating saving (%s)", [concat(", ", _savings)])

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
