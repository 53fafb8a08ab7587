# METADATA
# title: Databehandleravtale er ikke signert
# description: |
#   When an initiative that processes personal data (personal_data.processes) uses a
#   data processor (processor_used true), a data processing agreement must be signed
#   (dpa_signed true). It is a warning while the initiative is being prepared and an
#   error once its status is at least i_gjennomforing (processing has started). The
#   status avvist is outside the order, so it stays a warning.
# scope: package
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: Personvernforordningen (GDPR) art. 28
#   - ref: https://lovdata.no/lov/2018-06-15-38
#     description: Personopplysningsloven
# custom:
#   id: PRV-006
#   severity: warning
#   category: legal
#   reference: GDPR art. 28 (3)
#   waivable: false
#   title_en: No data processing agreement is signed
#   remedy:
#     nb: Inngå og signer databehandleravtale med databehandleren før behandlingen starter, og sett
#       personal_data.dpa_signed = true.
#     en: Conclude and sign a data processing agreement with the processor before processing starts, and set
#       personal_data.dpa_signed = true.
package styring.rules.legal.prv_006

import data.styring.lib.initiative as tiltak
import data.styring.lib.result

violation contains result.fail(_meta, {
	"path": "/personal_data/dpa_signed",
	"severity": _severity,
	"message": result.msg(
		sprintf(
			concat(" ", [
				"Tiltaket bruker databehandler (personal_data.processor_used), men databehandleravtale er ikke signert:",
				"personal_data.dpa_signed er ikke true. Status er «%s»; %s",
			]),
			[tiltak.status, _consequence_nb],
		),
		sprintf(
			concat(" ", [
				"The initiative uses a data processor (personal_data.processor_used), but no data processing agreement is signed:",
				"personal_data.dpa_signed is not true. The status is «%s»; %s",
			]),
			[tiltak.status, _consequence_en],
		),
	),
}) if {
	tiltak.doc.personal_data.processes == true
	tiltak.doc.personal_data.processor_used == true
	not tiltak.doc.personal_data.dpa_signed == true
}

_in_operation if tiltak.status_at_least("i_gjennomforing")

default _severity := "warning"

_severity := "error" if {
	_in_operation
}

default _consequence_nb := "avtalen må være på plass før status «i_gjennomforing»."

_consequence_nb := "avtalen må være på plass før behandlingen fortsetter." if {
	_in_operation
}

default _consequence_en := "the agreement must be in place before status «i_gjennomforing»."

_consequence_en := "the agreement must be in place before processing continues." if {
	_in_operation
}

# _meta is the annotation chain of this rule, as a rule of its own so that it
# is evaluated only when a violation is built, not on every evaluation.
_meta := rego.metadata.chain()
