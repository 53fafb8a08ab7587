package format

import (
	"strings"
	"testing"
	"time"

	"github.com/baerum/styring/models"
)

// sp writes the expected text with the no-break spaces the formatting uses,
// so the cases read as they look: "1 234 567 kr".
func sp(s string) string { return strings.ReplaceAll(s, " ", nbsp) }

func TestFormatNumbers(t *testing.T) {
	nb, en := models.LangNB, models.LangEN
	for _, c := range []struct {
		name string
		got  string
		want string
	}{
		{"kroner group thousands with a space in Norwegian", NOK(1234.567, nb), sp("1 234 567 kr")},
		{"kroner group thousands with a comma in English", NOK(1234.567, en), "1,234,567" + nbsp + "NOK"},
		{"kroner round to whole kroner", NOK(0.0004, nb), sp("0 kr")},
		{"kroner below a thousand have no separator", NOK(0.999, nb), sp("999 kr")},
		{"kroner of a negative amount take the minus sign", NOK(-5400, nb), sp("−5 400 000 kr")},
		{"millions have one decimal and a comma in Norwegian", MNOK(12345, nb), sp("12,3 mill. kr")},
		{"millions have a decimal point in English", MNOK(12345, en), "12.3" + nbsp + "MNOK"},
		{"millions group thousands", MNOK(2400000, nb), sp("2 400,0 mill. kr")},
		{"millions of a negative amount take the minus sign", MNOK(-120000, nb), sp("−120,0 mill. kr")},
		{"an amount that rounds to zero has no sign", MNOK(-10, nb), sp("0,0 mill. kr")},
		{"a parameter percentage keeps its digits in Norwegian", Percent(0.7, -1, nb), sp("0,7 %")},
		{"a parameter percentage keeps its digits in English", Percent(0.7, -1, en), "0.7%"},
		{"a whole parameter percentage has no decimals", Percent(4, -1, nb), sp("4 %")},
		{"a computed percentage has the decimals asked for", Percent(3.1169354838709675, 1, nb), sp("3,1 %")},
		{"a number with decimals groups its whole part", Number(1234567.891, 2, nb), sp("1 234 567,89")},
		{"an English number groups with commas", Number(1234567.891, 2, en), "1,234,567.89"},
		{"a thousand is grouped", Int(1000, nb), sp("1 000")},
		{"zero is zero", Int(0, en), "0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %q, want %q", c.got, c.want)
			}
		})
	}
}

func TestFormatDates(t *testing.T) {
	winter := time.Date(2026, 12, 1, 19, 36, 0, 0, time.UTC)
	summer := time.Date(2024, 7, 1, 10, 5, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		got  string
		want string
	}{
		{"a Norwegian date has the day with a period and the month in lower case", Date("2026-12-01", models.LangNB), "1. desember 2026"},
		{"an English date has the month capitalised", Date("2022-09-20", models.LangEN), "20 September 2022"},
		{"what is not a date is shown as it is", Date("snart", models.LangNB), "snart"},
		{"a time is Norwegian winter time with kl. and a period", DateTime(winter, models.LangNB), "1. desember 2026 kl." + nbsp + "20.36"},
		{"a summer time is two hours ahead of UTC", DateTime(summer, models.LangNB), "1. juli 2024 kl." + nbsp + "12.05"},
		{"an English time has a colon", DateTime(winter, models.LangEN), "1 December 2026, 20:36"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %q, want %q", c.got, c.want)
			}
		})
	}
}
