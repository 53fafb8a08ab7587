package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/baerum/styring/models"
)

func writeText(t *testing.T, rep models.ComplianceReport) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteReportText(&b, rep); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteReportText(t *testing.T) {
	for _, c := range []struct {
		lang  models.Lang
		wants []string
	}{
		{models.LangNB, []string{
			"Samsvarsrapport per 2022-09-20 — policy sha256:28e7744651f2, 2 tiltak i porteføljen\n",
			"Porteføljen: 2 feil, 0 advarsler, 0 info\n",
			"ÅR    OMSTILLING   KRAV         ØVRE         NETTO DRIFT  DRIFTSRESULTAT %\n",
			"2023  126000 kNOK  200000 kNOK  300000 kNOK  -1000 kNOK   3.22\n",
			"Bufferfond ved periodens slutt: -120000 kNOK (bruk 300000 kNOK, minst 100000 kNOK)\n",
			"error        PBUD-001  OSK     2022  OSK over",
			"error        PFIN-002                Bufferfondet",
			"HP2124-OSK-001  OSK     forslag  NEI      1     0          Digital skolestart\n",
			"HP2124-POM-002  POM     vedtatt  ja       0     0          Velferdsteknologi\n",
			"\nTiltak: 1 tillatt, 1 ikke tillatt\n",
		}},
		{models.LangEN, []string{
			"Compliance report as of 2022-09-20 — policy sha256:28e7744651f2, 2 initiatives in the portfolio\n",
			"Portfolio: 2 errors, 0 warnings, 0 info\n",
			"Buffer fund at period end: -120000 kNOK (use 300000 kNOK, minimum 100000 kNOK)\n",
			"\nInitiatives: 1 allowed, 1 not allowed\n",
		}},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			out := writeText(t, reportFixture(c.lang))
			for _, w := range c.wants {
				if !strings.Contains(out, w) {
					t.Errorf("no %q in\n%s", w, out)
				}
			}
		})
	}
}

func TestWriteReportTextWithoutPortfolioViolations(t *testing.T) {
	rep := reportFixture(models.LangNB)
	rep.Portfolio.Violations = nil
	out := writeText(t, rep)
	if strings.Contains(out, "ALVORLIGHET") {
		t.Errorf("a table of portfolio violations without any:\n%s", out)
	}
	if !strings.Contains(out, "TILTAK") {
		t.Errorf("no initiatives table:\n%s", out)
	}
}

// TestWriteReportTextTables pins the tables' layout, in English.
func TestWriteReportTextTables(t *testing.T) {
	want := `Compliance report as of 2022-09-20 — policy sha256:28e7744651f2, 2 initiatives in the portfolio
Portfolio: 2 errors, 0 warnings, 0 info

YEAR  OMSTILLING   REQUIRED     UPPER        NET DRIFT   OPERATING RESULT %
2022  126000 kNOK  100000 kNOK  150000 kNOK  5400 kNOK   4.50
2023  126000 kNOK  200000 kNOK  300000 kNOK  -1000 kNOK  3.22
Buffer fund at period end: -120000 kNOK (use 300000 kNOK, minimum 100000 kNOK)

SEVERITY  RULE      SECTOR  YEAR  MESSAGE
error     PBUD-001  OSK     2022  OSK over, "5400" kNOK
error     PFIN-002                Bufferfondet blir -120000 kNOK

INITIATIVE      SECTOR  STATUS   ALLOWED  ERRORS  WARNINGS  TITLE
HP2124-OSK-001  OSK     forslag  NO       1       0         Digital skolestart
HP2124-POM-002  POM     vedtatt  yes      0       0         Velferdsteknologi

Initiatives: 1 allowed, 1 not allowed
`
	if got := writeText(t, reportFixture(models.LangEN)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
