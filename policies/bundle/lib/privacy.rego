# METADATA
# title: Privacy risk
# description: |
#   The high-risk indicators of personal_data and the number of them from which a
#   data protection impact assessment (DPIA) is required, shared by PRV-002…PRV-004.
package styring.lib.privacy

import data.styring.lib.initiative as tiltak

# dpia_limit: a DPIA is required from this many high-risk indicators.
dpia_limit := tiltak.params.privacy.dpia_indicator_count

# indicators: the high-risk indicators that are true, in catalog order.
indicators := [name |
	some name in [
		"special_categories", "children", "large_scale", "systematic_monitoring",
		"new_technology", "profiling", "location_data",
	]
	tiltak.doc.personal_data[name] == true
]
