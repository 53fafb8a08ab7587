# METADATA
# title: Behandlingsgrunnlag for personopplysninger mangler
# description: |
#   An initiative that processes personal data (personal_data.processes true) must
#   give its legal basis, the letter of GDPR art. 6 (1) (personal_data.legal_basis).
# scope: package
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: Personvernforordningen (GDPR) art. 6
#   - ref: https://lovdata.no/lov/2018-06-15-38
#     description: Personopplysningsloven
# custom:
#   id: PRV-001
#   severity: error
#   category: legal
#   reference: GDPR art. 6 (1)
#   waivable: false
#   title_en: No legal basis for processing personal data
#   remedy:
#     nb: Oppgi behandlingsgrunnlaget etter GDPR art. 6 (1) bokstav a–f (personal_data.legal_basis).
#     en: Give the legal basis under GDPR art. 6 (1) letters a–f (personal_data.legal_basis).
package styring.rules.legal.prv_001

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/personal_data/legal_basis",
	"message": result.msg(
		concat(" ", [
			"Tiltaket behandler personopplysninger (personal_data.processes),",
			"men behandlingsgrunnlaget etter GDPR art. 6 (1) er ikke oppgitt (personal_data.legal_basis).",
		]),
		concat(" ", [
			"The initiative processes personal data (personal_data.processes),",
			"but its legal basis under GDPR art. 6 (1) is not given (personal_data.legal_basis).",
		]),
	),
}) if {
	tiltak.doc.personal_data.processes == true
	object.get(tiltak.doc.personal_data, "legal_basis", "") == ""
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
