# METADATA
# title: Portfolio entry point
# description: |
#   data.styring.portfolio.main.violations: every portfolio violation of the
#   figures in input.rows; data.styring.portfolio.main.figures: the figures.
package styring.portfolio.main

import data.styring.portfolio.figures as f

violations contains v if {
	some v in data.styring.portfolio.rules[_].violation
}

figures := f.report
