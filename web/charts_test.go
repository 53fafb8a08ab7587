package web

import (
	"math"
	"testing"

	"github.com/baerum/styring/internal/format"
	"github.com/baerum/styring/models"
)

func f(v float64) *float64 { return &v }

func TestBarChartGeometry(t *testing.T) {
	c := newBarChart("c", "t", "d", "u", chartLayout{Width: 400, Height: 200, BarWidth: 20}, []barGroup{
		{Label: "A", Bars: []barDatum{{Value: 50, Limit: f(0)}, {Value: -25}}},
		{Label: "B", Bars: []barDatum{{Value: 0, BandLo: f(10), BandHi: f(40)}}},
	}, func(v float64) string { return format.Number(v, 0, models.LangNB) })
	var zero float64
	for _, g := range c.Grid {
		if g.Zero {
			zero = g.Y
		}
	}
	if zero == 0 {
		t.Fatal("no zero line")
	}
	up, down := c.Bars[0], c.Bars[1]
	if math.Abs(up.Y+up.H-zero) > 1e-9 || up.H <= 0 {
		t.Errorf("a positive bar stands on the zero line: y %.1f h %.1f, zero %.1f", up.Y, up.H, zero)
	}
	if math.Abs(down.Y-zero) > 1e-9 || math.Abs(down.H-up.H/2) > 1e-9 {
		t.Errorf("a negative bar of half the value hangs half as far below zero: y %.1f h %.1f", down.Y, down.H)
	}
	if len(c.Marks) != 1 || math.Abs(c.Marks[0].Y-zero) > 1e-9 {
		t.Errorf("the limit 0 is drawn on the zero line: %+v", c.Marks)
	}
	if len(c.Bands) != 1 || c.Bands[0].H <= 0 || c.Bands[0].Y >= zero {
		t.Errorf("the band is above zero: %+v", c.Bands)
	}
	for _, c := range []struct{ raw, want float64 }{{7, 10}, {12, 20}, {0.3, 0.5}, {23, 25}, {0, 1}} {
		if got := niceStep(c.raw); got != c.want {
			t.Errorf("niceStep(%g) = %g, want %g", c.raw, got, c.want)
		}
	}
}
