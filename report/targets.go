package report

import (
	"slices"

	"github.com/baerum/styring/models"
)

// The portfolio rules each target stands for (docs/spec/rules.md): a target's
// light is the verdict of its rule, its figures those the rule compares.
const (
	ruleFrames     = "PBUD-001" // a sector's net change within the room for change in its frame
	ruleOmstilling = "POMS-001" // the omstilling level within its band
	ruleEfficiency = "POMS-002" // lasting efficiency savings of the target share of the net frame
	ruleResult     = "PFIN-001" // the net operating result at least the target
	ruleBufferFund = "PFIN-002" // the buffer fund at least its minimum
)

// Targets computes the targets of a report from its portfolio (figures and
// violations) and its initiatives' standing. Build fills ComplianceReport.Targets
// with it.
func Targets(port models.PortfolioResult, rec models.RecordPicture) models.PortfolioTargets {
	byRule := map[string][]models.Violation{}
	for _, v := range port.Violations {
		byRule[v.RuleID] = append(byRule[v.RuleID], v)
	}
	fig := port.Figures
	b := fig.BufferFund
	return models.PortfolioTargets{
		Frames:     framesTarget(fig, byRule[ruleFrames]),
		Omstilling: omstillingTarget(fig, byRule[ruleOmstilling]),
		Efficiency: efficiencyTarget(fig, byRule[ruleEfficiency]),
		Result:     resultTarget(fig, byRule[ruleResult]),
		BufferFund: models.BufferFundTarget{RuleID: ruleBufferFund, Light: lightOf(byRule[ruleBufferFund], true),
			EndKNOK: b.EndKNOK, MinimumKNOK: b.MinimumKNOK, UseKNOK: b.UseKNOK},
		Records: recordsTarget(rec),
	}
}

// lightOf is the light of a target from its violations: red for an unwaived
// error, amber for a warning (or a note, when notes count), else green.
func lightOf(vs []models.Violation, notesCount bool) models.Light {
	l := models.LightGreen
	for _, v := range vs {
		switch {
		case v.Waived:
		case v.Severity == models.SeverityError:
			return models.LightRed
		case v.Severity == models.SeverityWarning, v.Severity == models.SeverityInfo && notesCount:
			l = models.LightAmber
		}
	}
	return l
}

// sectorsOf lists the sectors of the figures in their order, with their names.
func sectorsOf(f models.PortfolioFigures) ([]string, map[string]string) {
	var codes []string
	names := map[string]string{}
	for _, s := range f.Sectors {
		if _, ok := names[s.Sector]; !ok {
			codes = append(codes, s.Sector)
			names[s.Sector] = s.Name
		}
	}
	return codes, names
}

func framesTarget(fig models.PortfolioFigures, vs []models.Violation) models.FramesTarget {
	t := models.FramesTarget{RuleID: ruleFrames, Light: lightOf(vs, true), Sectors: []models.SectorFrame{}}
	sectors, names := sectorsOf(fig)
	for _, s := range sectors {
		sf := models.SectorFrame{Sector: s, Name: names[s], OverYears: []int{}, FiguresLight: models.LightGreen, Years: []models.FrameYear{}}
		var own []models.Violation
		for _, v := range vs {
			if v.Sector == s {
				own = append(own, v)
				sf.OverYears = append(sf.OverYears, v.Year)
			}
		}
		sf.Light = lightOf(own, true)
		if len(own) > 0 {
			t.SectorsOver++
		}
		for _, f := range fig.Sectors {
			if f.Sector != s {
				continue
			}
			y := models.FrameYear{Year: f.Year, NetChangeKNOK: f.NetChangeKNOK, ChangeRoomKNOK: f.ChangeRoomKNOK, Over: f.NetChangeKNOK > f.ChangeRoomKNOK}
			if y.Over {
				y.OverByKNOK = f.NetChangeKNOK - f.ChangeRoomKNOK
				sf.FiguresLight = models.LightRed
			}
			sf.Years = append(sf.Years, y)
		}
		t.Sectors = append(t.Sectors, sf)
	}
	return t
}

func omstillingTarget(fig models.PortfolioFigures, vs []models.Violation) models.OmstillingTarget {
	t := models.OmstillingTarget{RuleID: ruleOmstilling, Light: lightOf(vs, true), Years: []models.OmstillingYear{}}
	for _, y := range fig.Years {
		oy := models.OmstillingYear{Year: y.Year, LevelKNOK: y.OmstillingLevelKNOK, RequiredKNOK: y.OmstillingRequiredKNOK, UpperKNOK: y.OmstillingUpperKNOK,
			State: models.StateWithin, Light: models.LightGreen}
		switch {
		case y.OmstillingLevelKNOK < y.OmstillingRequiredKNOK:
			oy.State, oy.Light = models.StateBelow, models.LightAmber
			t.YearsBelow++
		case y.OmstillingLevelKNOK > y.OmstillingUpperKNOK:
			oy.State, oy.Light = models.StateAbove, models.LightAmber
		}
		t.Years = append(t.Years, oy)
	}
	return t
}

func resultTarget(fig models.PortfolioFigures, vs []models.Violation) models.ResultTarget {
	t := models.ResultTarget{RuleID: ruleResult, Light: lightOf(vs, true), Years: []models.ResultYear{}}
	for _, y := range fig.Years {
		ry := models.ResultYear{Year: y.Year, NetDriftKNOK: y.TotalNetDriftKNOK, ResultPct: y.NetOperatingResultPct, MinPct: y.MinNetOperatingResultPct,
			State: models.StateWithin, Light: models.LightGreen}
		if y.NetOperatingResultPct < y.MinNetOperatingResultPct {
			ry.State, ry.Light = models.StateBelow, models.LightAmber
			t.YearsBelow++
		}
		t.Years = append(t.Years, ry)
	}
	return t
}

func efficiencyTarget(fig models.PortfolioFigures, vs []models.Violation) models.EfficiencyTarget {
	t := models.EfficiencyTarget{RuleID: ruleEfficiency, Light: lightOf(vs, true),
		Years: []int{}, SectorsBelow: []string{}, WithoutFrame: []string{}, Sectors: []models.SectorEfficiency{}}
	// The target of the first year with one, and of the last (the first sector's, when they differ).
	firstYear, lastYear := 0, 0
	for _, s := range fig.Sectors {
		if s.EfficiencyTargetPct <= 0 {
			continue
		}
		if !slices.Contains(t.Years, s.Year) {
			t.Years = append(t.Years, s.Year)
		}
		if firstYear == 0 || s.Year < firstYear {
			firstYear, t.FirstTargetPct = s.Year, s.EfficiencyTargetPct
		}
		if s.Year > lastYear {
			lastYear, t.LastTargetPct = s.Year, s.EfficiencyTargetPct
		}
	}
	slices.Sort(t.Years)
	for _, s := range fig.Sectors {
		if lastYear > 0 && s.Year == lastYear && s.NetFrameKNOK > 0 {
			t.SectorsWithFrame++
		}
	}
	sectors, names := sectorsOf(fig)
	for _, s := range sectors {
		se := models.SectorEfficiency{Sector: s, Name: names[s], Light: models.LightGreen, Years: []models.EfficiencyYear{}}
		for _, f := range fig.Sectors {
			if f.Sector != s || !slices.Contains(t.Years, f.Year) || f.NetFrameKNOK <= 0 {
				continue
			}
			y := models.EfficiencyYear{Year: f.Year, SavingsKNOK: f.EfficiencySavingKNOK, TargetKNOK: f.EfficiencyTargetKNOK,
				SavingsPct: f.EfficiencySavingKNOK * 100 / f.NetFrameKNOK, TargetPct: f.EfficiencyTargetPct, Below: f.EfficiencySavingKNOK < f.EfficiencyTargetKNOK}
			if y.Below {
				se.Light = models.LightAmber
				if f.Year == lastYear {
					t.SectorsBelow = append(t.SectorsBelow, s)
				}
			}
			se.Years = append(se.Years, y)
		}
		if len(se.Years) == 0 { // no frame in a target year (or no target year at all)
			t.WithoutFrame = append(t.WithoutFrame, s)
			continue
		}
		t.Sectors = append(t.Sectors, se)
	}
	return t
}

func recordsTarget(rec models.RecordPicture) models.RecordsTarget {
	t := models.RecordsTarget{Initiatives: len(rec.Initiatives)}
	var all []models.Violation
	for _, s := range rec.Initiatives {
		all = append(all, s.Violations...)
		t.Summary.Error += s.Summary.Error
		t.Summary.Warning += s.Summary.Warning
		t.Summary.Info += s.Summary.Info
		t.Summary.Waived += s.Summary.Waived
		if s.Summary.Error > 0 {
			t.WithErrors++
		}
	}
	// A note on an initiative (info) is no deviation: STR-005 marks a priority, for one.
	t.Light = lightOf(all, false)
	return t
}
