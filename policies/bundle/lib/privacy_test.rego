package styring.lib.privacy_test

import data.styring.lib.privacy
import data.styring.test.fixtures

test_success_privacy_indicators_in_catalog_order if {
	privacy.indicators == ["special_categories", "large_scale"] with input as fixtures.input_for(fixtures.digital)
	doc := json.patch(fixtures.digital, [
		{"op": "add", "path": "/personal_data/location_data", "value": true},
		{"op": "add", "path": "/personal_data/children", "value": true},
		{"op": "replace", "path": "/personal_data/large_scale", "value": false},
	])
	privacy.indicators == ["special_categories", "children", "location_data"] with input as fixtures.input_for(doc)
	privacy.dpia_limit == 2 with input as fixtures.input_for(doc)
}

test_success_privacy_no_indicators_without_personal_data if {
	privacy.indicators == [] with input as fixtures.input_for(fixtures.omstilling)
}
