# METADATA
# title: Test fixtures
# description: |
#   Valid initiatives that rule tests start from and change one field of (the
#   contract's valid examples, generated into styring.test.examples), and the
#   helpers that wrap a document as the engine's input and project the results.
package styring.test.fixtures

import data.styring.test.examples

# omstilling: testdata/examples/omstilling-valid.json (yields no violation).
omstilling := examples.omstilling_valid

# effektivisering: testdata/examples/effektivisering-valid.json (yields no violation).
effektivisering := examples.effektivisering_valid

# investering: testdata/examples/investering-valid.json (yields no violation).
investering := examples.investering_valid

# digital: testdata/examples/digital-valid.json, a cross-sector nytt_tiltak with
# personal data, an app and procurement (yields only STR-005).
digital := examples.digital_valid

# input_for wraps an initiative as the engine does, with D = submitted_at.
input_for(doc) := {"initiative": doc, "as_of": doc.submitted_at, "schema_errors": []}

# input_at wraps an initiative with an explicit as-of date.
input_at(doc, d) := {"initiative": doc, "as_of": d, "schema_errors": []}

# brief projects violations on what the catalog fixes: id, severity, path and year.
brief(vs) := {object.filter(v, {"rule_id", "severity", "path", "year"}) | some v in vs}

# messages projects violations on their messages in both languages.
messages(vs) := {v.message | some v in vs}
