# METADATA
# title: Overføring til tredjeland uten gyldig overføringsgrunnlag
# description: |
#   When an initiative that processes personal data (personal_data.processes)
#   transfers it to a third country (third_country_transfer true), the transfer needs
#   a mechanism of GDPR chapter V: an adequacy decision (adequacy), standard
#   contractual clauses (scc) or binding corporate rules (bcr). A missing mechanism
#   or none fails.
# scope: package
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: Personvernforordningen (GDPR) art. 44–49
#   - ref: https://lovdata.no/lov/2018-06-15-38
#     description: Personopplysningsloven
# custom:
#   id: PRV-007
#   severity: error
#   category: legal
#   reference: GDPR art. 44–49
#   waivable: false
#   title_en: Transfer to a third country without a valid transfer mechanism
#   remedy:
#     nb: Oppgi et gyldig overføringsgrunnlag (personal_data.transfer_mechanism = adequacy, scc eller bcr), eller stans
#       overføringen til tredjeland.
#     en: Give a valid transfer mechanism (personal_data.transfer_mechanism = adequacy, scc or bcr), or stop the
#       transfer to a third country.
package styring.rules.legal.prv_007

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/personal_data/transfer_mechanism",
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Personopplysninger overføres til tredjeland (personal_data.third_country_transfer), men %s;",
				"gyldige grunnlag er adequacy, scc og bcr.",
			]),
			[_mechanism_nb],
		),
		sprintf(
			concat(" ", [
				"Personal data is transferred to a third country (personal_data.third_country_transfer), but %s;",
				"valid mechanisms are adequacy, scc and bcr.",
			]),
			[_mechanism_en],
		),
	),
}) if {
	tiltak.doc.personal_data.processes == true
	tiltak.doc.personal_data.third_country_transfer == true
	not object.get(tiltak.doc.personal_data, "transfer_mechanism", null) in _valid_mechanisms
}

_valid_mechanisms := {"adequacy", "scc", "bcr"}

default _mechanism_nb := "overføringsgrunnlag er ikke oppgitt (personal_data.transfer_mechanism)"

_mechanism_nb := sprintf(
	"overføringsgrunnlaget personal_data.transfer_mechanism er «%s»",
	[tiltak.doc.personal_data.transfer_mechanism],
) if {
	tiltak.set_at(["personal_data", "transfer_mechanism"])
}

default _mechanism_en := "no transfer mechanism is given (personal_data.transfer_mechanism)"

_mechanism_en := sprintf(
	"the transfer mechanism personal_data.transfer_mechanism is «%s»",
	[tiltak.doc.personal_data.transfer_mechanism],
) if {
	tiltak.set_at(["personal_data", "transfer_mechanism"])
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
