package web

import (
	"math"
)

// The charts are inline SVG drawn here, on the server: bars in groups, with a
// limit drawn as a line across a bar or a band behind it. The geometry is
// computed in Go and written by the "chart" template; colours come from
// report.css by class, so there is no inline style (a strict CSP holds).

// barDatum is one bar: its value, the limit it is held against and how it is drawn.
type barDatum struct {
	Value  float64
	Limit  *float64 // drawn as a line across the bar
	BandLo *float64 // with BandHi, a band behind the bar
	BandHi *float64
	Class  string // bar-ok, bar-bad, bar-warn, bar-primary
	Title  string // the bar's tooltip
	Label  string // written above (or below) the bar, when there is room
	Sub    string // written under the bar, e.g. the year
}

type barGroup struct {
	Label string
	Bars  []barDatum
}

// barChart is what the "chart" template draws.
type barChart struct {
	ID, Title, Desc string
	Width, Height   float64
	Unit            string
	Left, Right     float64 // the plot area
	Top, Bottom     float64
	Grid            []gridLine
	Groups          []groupLabel
	Bands           []svgRect
	Bars            []svgBar
	Marks           []svgLine
	Legend          []legendEntry
}

type gridLine struct {
	Y     float64
	Label string
	Zero  bool
}

type groupLabel struct {
	X     float64
	Label string
	Subs  []subLabel
}

type subLabel struct {
	X     float64
	Label string
}

type svgRect struct{ X, Y, W, H float64 }

type svgBar struct {
	svgRect
	Class, Title, Label string
	LabelX, LabelY      float64
}

type svgLine struct{ X1, X2, Y float64 }

// legendEntry is one line of a chart's legend (written as HTML beside the chart).
type legendEntry struct {
	Kind  string // bar, line or band
	Class string
	Label string
}

// chartLayout is a chart's size; the SVG scales to its container by its viewBox.
type chartLayout struct {
	Width, Height float64
	BarWidth      float64 // at most; bars narrow to fit
	ValueLabels   bool
}

// newBarChart lays the groups out left to right on one value axis that spans
// every value, limit and band (and zero). tick writes an axis value.
func newBarChart(id, title, desc, unit string, layout chartLayout, groups []barGroup, tick func(float64) string) barChart {
	c := barChart{ID: id, Title: title, Desc: desc, Unit: unit, Width: layout.Width, Height: layout.Height,
		Left: 72, Right: layout.Width - 12, Top: 28, Bottom: layout.Height - 44}
	lo, hi := 0.0, 0.0
	barLo, barHi := 0.0, 0.0
	widen := func(v float64) { lo, hi = math.Min(lo, v), math.Max(hi, v) }
	maxBars := 1
	for _, g := range groups {
		maxBars = max(maxBars, len(g.Bars))
		for _, b := range g.Bars {
			widen(b.Value)
			barLo, barHi = math.Min(barLo, b.Value), math.Max(barHi, b.Value)
			for _, p := range []*float64{b.Limit, b.BandLo, b.BandHi} {
				if p != nil {
					widen(*p)
				}
			}
		}
	}
	if layout.ValueLabels {
		// Room above the highest bar (and below the lowest) for its label.
		span := hi - lo
		hi = math.Max(hi, barHi+span*0.08)
		if barLo < 0 {
			lo = math.Min(lo, barLo-span*0.08)
		}
	}
	step := niceStep((hi - lo) / 5)
	lo, hi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	if hi == lo {
		hi = lo + step
	}
	y := func(v float64) float64 { return c.Top + (hi-v)/(hi-lo)*(c.Bottom-c.Top) }
	for v := lo; v <= hi+step/1000; v += step {
		c.Grid = append(c.Grid, gridLine{Y: y(v), Label: tick(v), Zero: math.Abs(v) < step/1000})
	}
	if len(groups) == 0 {
		return c
	}
	groupW := (c.Right - c.Left) / float64(len(groups))
	gap := 4.0
	barW := math.Min(layout.BarWidth, (groupW*0.78-gap*float64(maxBars-1))/float64(maxBars))
	for gi, g := range groups {
		center := c.Left + groupW*(float64(gi)+0.5)
		gl := groupLabel{X: center, Label: g.Label}
		span := barW*float64(len(g.Bars)) + gap*float64(len(g.Bars)-1)
		x0 := center - span/2
		for bi, b := range g.Bars {
			x := x0 + float64(bi)*(barW+gap)
			if b.BandLo != nil && b.BandHi != nil {
				top, bottom := y(*b.BandHi), y(*b.BandLo)
				c.Bands = append(c.Bands, svgRect{X: x - barW*0.35, Y: top, W: barW * 1.7, H: bottom - top})
			}
			top, bottom := y(math.Max(b.Value, 0)), y(math.Min(b.Value, 0))
			bar := svgBar{svgRect: svgRect{X: x, Y: top, W: barW, H: bottom - top}, Class: b.Class, Title: b.Title, LabelX: x + barW/2}
			if layout.ValueLabels {
				bar.Label = b.Label
				bar.LabelY = top - 6
				if b.Value < 0 {
					bar.LabelY = bottom + 14
				}
				if b.Limit != nil && math.Abs(y(*b.Limit)-bar.LabelY) < 12 {
					bar.LabelY -= 12
				}
			}
			c.Bars = append(c.Bars, bar)
			if b.Limit != nil {
				c.Marks = append(c.Marks, svgLine{X1: x - 3, X2: x + barW + 3, Y: y(*b.Limit)})
			}
			if b.Sub != "" {
				gl.Subs = append(gl.Subs, subLabel{X: x + barW/2, Label: b.Sub})
			}
		}
		c.Groups = append(c.Groups, gl)
	}
	return c
}

// niceStep rounds a raw axis step up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*p {
			return m * p
		}
	}
	return 10 * p
}

func ptr(f float64) *float64 { return &f }
