package models

import "time"

// SectorYearFigures is one sector's attributed figures in one plan year, with
// the limits the portfolio rules hold them against. Amounts in kNOK.
type SectorYearFigures struct {
	Sector               string  `json:"sector"`
	Name                 string  `json:"name"`
	Chapter              string  `json:"chapter"`
	Year                 int     `json:"year"`
	NetChangeKNOK        float64 `json:"net_change_knok"`
	ChangeRoomKNOK       float64 `json:"change_room_knok"`
	NetFrameKNOK         float64 `json:"net_frame_knok"`
	EfficiencySavingKNOK float64 `json:"efficiency_savings_knok"`
	EfficiencyTargetPct  float64 `json:"efficiency_target_pct"`
	EfficiencyTargetKNOK float64 `json:"efficiency_target_knok"`
}

// YearFigures are the whole portfolio's figures in one plan year.
type YearFigures struct {
	Year                     int     `json:"year"`
	OmstillingLevelKNOK      float64 `json:"omstilling_level_knok"`
	OmstillingRequiredKNOK   float64 `json:"omstilling_required_knok"`
	OmstillingUpperKNOK      float64 `json:"omstilling_upper_knok"`
	TotalNetDriftKNOK        float64 `json:"total_net_drift_knok"`
	NetOperatingResultPct    float64 `json:"net_operating_result_pct"`
	MinNetOperatingResultPct float64 `json:"min_net_operating_result_pct"`
}

// BufferFundFigures is the buffer fund at the end of the plan period.
type BufferFundFigures struct {
	StartKNOK   float64 `json:"start_of_plan_knok"`
	UseKNOK     float64 `json:"use_knok"`
	EndKNOK     float64 `json:"end_of_period_knok"`
	MinimumKNOK float64 `json:"minimum_knok"`
}

// PortfolioFigures are the figures behind the portfolio rules.
type PortfolioFigures struct {
	Sectors    []SectorYearFigures `json:"sectors"`
	Years      []YearFigures       `json:"years"`
	BufferFund BufferFundFigures   `json:"buffer_fund"`
}

// PortfolioResult is the outcome of the portfolio rules on a set of initiatives.
type PortfolioResult struct {
	PolicyRevision string           `json:"policy_revision"`
	AsOf           string           `json:"as_of"`
	Initiatives    int              `json:"initiatives"` // counted in the portfolio (not avvist, status filter)
	Summary        Summary          `json:"summary"`
	Violations     []Violation      `json:"violations"`
	Figures        PortfolioFigures `json:"figures"`
}

// InitiativeStanding is one initiative's record-level picture in a report.
type InitiativeStanding struct {
	ID         string      `json:"id"`
	Title      string      `json:"title"`
	Sector     string      `json:"sector"`
	Status     string      `json:"status"`
	Type       string      `json:"type"`
	Version    int         `json:"version,omitempty"`
	Allowed    bool        `json:"allowed"`
	Summary    Summary     `json:"summary"`
	Violations []Violation `json:"violations"`
	DecisionID string      `json:"decision_id,omitempty"`
}

// Count is one row of a breakdown table.
type Count struct {
	Key   string `json:"key"`
	Label string `json:"label,omitempty"`
	Error int    `json:"error"`
	Warn  int    `json:"warning"`
	Info  int    `json:"info"`
	Total int    `json:"total"`
}

// RecordPicture is the record-level side of a report: every initiative's own
// check, and its violations counted by rule, by category and by sector.
type RecordPicture struct {
	Initiatives []InitiativeStanding `json:"initiatives"`
	Allowed     int                  `json:"allowed"`
	NotAllowed  int                  `json:"not_allowed"`
	ByRule      []Count              `json:"by_rule"`
	ByCategory  []Count              `json:"by_category"`
	BySector    []Count              `json:"by_sector"`
}

// ComplianceReport is the managers' report for the whole portfolio.
type ComplianceReport struct {
	GeneratedAt    time.Time       `json:"generated_at"`
	PolicyRevision string          `json:"policy_revision"`
	AsOf           string          `json:"as_of"`
	Lang           Lang            `json:"lang"`
	StatusFilter   []string        `json:"status_filter,omitempty"`
	Portfolio      PortfolioResult `json:"portfolio"`
	Records        RecordPicture   `json:"records"`
	// Targets are the targets the portfolio is held against, with their lights.
	Targets PortfolioTargets `json:"targets"`
}
