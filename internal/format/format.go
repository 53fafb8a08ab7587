// Package format writes numbers, amounts, percentages and dates the way
// Norwegian and English readers expect them: grouped thousands, the right
// decimal mark, no-break spaces before units, Norway's time zone. The pages
// (web) use it; any other rendering for people (output) can too.
package format

import (
	"math"
	"strconv"
	"strings"
	"time"

	// Times are written in Norway's time zone, also on a host without a zoneinfo database.
	_ "time/tzdata"

	"github.com/baerum/styring/models"
)

// Separators of the two languages. Norwegian groups thousands with a space and
// keeps a space before a unit (Språkrådet); both are no-break spaces so that
// "1 234 567 kr" never wraps inside the number.
const (
	nbsp  = "\u00a0"
	minus = "\u2212" // the minus sign, not a hyphen
)

// Number writes f with decimals digits after the decimal mark (a negative
// decimals: as few as the value needs), thousands grouped the way lang writes
// them: "1 234 567,5" in Norwegian, "1,234,567.5" in English.
func Number(f float64, decimals int, lang models.Lang) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "–"
	}
	digits := strconv.FormatFloat(math.Abs(f), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(digits, ".")
	group, mark := nbsp, ","
	if lang == models.LangEN {
		group, mark = ",", "."
	}
	var b strings.Builder
	// A value that rounds to zero has no sign ("0,0", not "−0,0").
	if f < 0 && strings.Trim(digits, "0.") != "" {
		b.WriteString(minus)
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(mark)
		b.WriteString(frac)
	}
	return b.String()
}

// Int writes a count with grouped thousands.
func Int(n int, lang models.Lang) string { return Number(float64(n), 0, lang) }

// NOK writes an amount given in kNOK in whole kroner: "1 234 567 kr", "1,234,567 NOK".
func NOK(kNOK float64, lang models.Lang) string {
	unit := "kr"
	if lang == models.LangEN {
		unit = "NOK"
	}
	return Number(math.Round(kNOK*1000), 0, lang) + nbsp + unit
}

// MNOK writes an amount given in kNOK in millions with one decimal:
// "12,3 mill. kr", "12.3 MNOK".
func MNOK(kNOK float64, lang models.Lang) string {
	return Number(kNOK/1000, 1, lang) + nbsp + MNOKUnit(lang)
}

// MNOKUnit is the unit of MNOK.
func MNOKUnit(lang models.Lang) string {
	if lang == models.LangEN {
		return "MNOK"
	}
	return "mill." + nbsp + "kr"
}

// Percent writes a percentage: "0,7 %" in Norwegian (a space before the
// sign), "0.7%" in English. decimals < 0 writes as few digits as the value needs.
func Percent(pct float64, decimals int, lang models.Lang) string {
	if lang == models.LangEN {
		return Number(pct, decimals, lang) + "%"
	}
	return Number(pct, decimals, lang) + nbsp + "%"
}

var monthNames = map[models.Lang][12]string{
	models.LangNB: {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"},
	models.LangEN: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// Date writes a date (YYYY-MM-DD) in words: "1. desember 2026", "1 December 2026".
// Anything that is not a date is returned as it is.
func Date(date string, lang models.Lang) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return formatDay(t, lang)
}

func formatDay(t time.Time, lang models.Lang) string {
	if lang == models.LangEN {
		return strconv.Itoa(t.Day()) + " " + monthNames[models.LangEN][t.Month()-1] + " " + strconv.Itoa(t.Year())
	}
	return strconv.Itoa(t.Day()) + ". " + monthNames[models.LangNB][t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// oslo is the municipality's time zone.
var oslo = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// DateTime writes a point in time in Norwegian local time:
// "1. desember 2026 kl. 20.36", "1 December 2026, 20:36".
func DateTime(t time.Time, lang models.Lang) string {
	t = t.In(oslo)
	if lang == models.LangEN {
		return formatDay(t, lang) + ", " + t.Format("15:04")
	}
	return formatDay(t, lang) + " kl." + nbsp + t.Format("15.04")
}
