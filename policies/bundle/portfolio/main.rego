# METADATA
# title: Portfolio entry point
# description: |
#   data.styring.portfolio.main.violations: every portfolio violation of the
#   figures in input.rows; data.styring.portfolio.main.figures: the figures.
package styring.portfolio.main

import data.styring.portfolio.figures as f

violations contains data.styring.portfolio.rules[_].violation[_]

figures := f.report
