package output

import (
	"io"

	"github.com/baerum/styring/internal/textout"
	"github.com/baerum/styring/models"
)

// WriteReportText renders the compliance report for a terminal: the portfolio
// violations, the figures per year and the initiatives' standing.
func WriteReportText(w io.Writer, r models.ComplianceReport) error {
	lang := r.Lang
	out := textout.New(w)
	p := r.Portfolio
	out.Printf("%s %s — %s %s, %d %s\n", tr(lang, "Samsvarsrapport per", "Compliance report as of"), r.AsOf,
		tr(lang, "policy", "policy"), shortRevision(r.PolicyRevision), p.Initiatives, tr(lang, "tiltak i porteføljen", "initiatives in the portfolio"))
	out.Printf("%s: %d %s, %d %s, %d info\n\n", tr(lang, "Porteføljen", "Portfolio"),
		p.Summary.Error, tr(lang, "feil", "errors"), p.Summary.Warning, tr(lang, "advarsler", "warnings"), p.Summary.Info)

	tw := out.Table(0, 4, 2, ' ', 0)
	tw.Println(tr(lang, "ÅR\tOMSTILLING\tKRAV\tØVRE\tNETTO DRIFT\tDRIFTSRESULTAT %", "YEAR\tOMSTILLING\tREQUIRED\tUPPER\tNET DRIFT\tOPERATING RESULT %"))
	for _, y := range p.Figures.Years {
		tw.Printf("%d\t%s\t%s\t%s\t%s\t%.2f\n", y.Year, knok(y.OmstillingLevelKNOK), knok(y.OmstillingRequiredKNOK), knok(y.OmstillingUpperKNOK), knok(y.TotalNetDriftKNOK), y.NetOperatingResultPct)
	}
	tw.Flush()
	b := p.Figures.BufferFund
	out.Printf("%s: %s (%s %s, %s %s)\n\n", tr(lang, "Bufferfond ved periodens slutt", "Buffer fund at period end"), knok(b.EndKNOK),
		tr(lang, "bruk", "use"), knok(b.UseKNOK), tr(lang, "minst", "minimum"), knok(b.MinimumKNOK))

	if len(p.Violations) > 0 {
		tw = out.Table(0, 4, 2, ' ', 0)
		tw.Println(tr(lang, "ALVORLIGHET\tREGEL\tSEKTOR\tÅR\tMELDING", "SEVERITY\tRULE\tSECTOR\tYEAR\tMESSAGE"))
		for _, v := range p.Violations {
			tw.Printf("%s\t%s\t%s\t%s\t%s\n", v.Severity, v.RuleID, v.Sector, yearText(v.Year), v.Message)
		}
		tw.Flush()
		out.Println()
	}
	tw = out.Table(0, 4, 2, ' ', 0)
	tw.Println(tr(lang, "TILTAK\tSEKTOR\tSTATUS\tTILLATT\tFEIL\tADVARSLER\tTITTEL", "INITIATIVE\tSECTOR\tSTATUS\tALLOWED\tERRORS\tWARNINGS\tTITLE"))
	for _, s := range r.Records.Initiatives {
		allowed := tr(lang, "ja", "yes")
		if !s.Allowed {
			allowed = tr(lang, "NEI", "NO")
		}
		tw.Printf("%s\t%s\t%s\t%s\t%d\t%d\t%s\n", s.ID, s.Sector, s.Status, allowed, s.Summary.Error, s.Summary.Warning, s.Title)
	}
	tw.Flush()
	out.Printf("\n%s: %d %s, %d %s\n", tr(lang, "Tiltak", "Initiatives"), r.Records.Allowed, tr(lang, "tillatt", "allowed"), r.Records.NotAllowed, tr(lang, "ikke tillatt", "not allowed"))
	return out.Err()
}

func knok(v float64) string { return num(v) + " kNOK" }

func shortRevision(rev string) string {
	if len(rev) > 19 {
		return rev[:19]
	}
	return rev
}
