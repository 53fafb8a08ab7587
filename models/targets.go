package models

// Light is a target's traffic light.
type Light string

// The lights: green is within the target, amber a deviation from it or
// something to review (a warning, or a note where notes count), red a breach of
// a binding rule (an unwaived error).
const (
	LightGreen Light = "green"
	LightAmber Light = "amber"
	LightRed   Light = "red"
)

// TargetState is where one year's figure stands against its target.
type TargetState string

// The states: below the target (or the lower end of a band), within it (in the
// band, meeting the target), above the upper end of a band.
const (
	StateBelow  TargetState = "below"
	StateWithin TargetState = "within"
	StateAbove  TargetState = "above"
)

// PortfolioTargets are the action programme's targets the portfolio rules hold
// the portfolio against, and the initiatives' own rules, each with its light and
// the figures it compares. The report computes them from the portfolio's figures
// and violations; a page or a client only shows them.
type PortfolioTargets struct {
	Frames     FramesTarget     `json:"frames"`
	Omstilling OmstillingTarget `json:"omstilling"`
	Efficiency EfficiencyTarget `json:"efficiency"`
	Result     ResultTarget     `json:"net_operating_result"`
	BufferFund BufferFundTarget `json:"buffer_fund"`
	Records    RecordsTarget    `json:"records"`
}

// FramesTarget is the target that every sector's net change of its operating
// budget stays within the room for change in its frame, every year.
type FramesTarget struct {
	RuleID      string        `json:"rule_id"`
	Light       Light         `json:"light"`
	SectorsOver int           `json:"sectors_over"` // sectors with a violation of the rule
	Sectors     []SectorFrame `json:"sectors"`      // every sector of the figures, in their order
}

// SectorFrame is one sector against its frame.
type SectorFrame struct {
	Sector string `json:"sector"`
	Name   string `json:"name"`
	// Light is the rule's verdict on the sector (its violations), OverYears the
	// years it names.
	Light     Light `json:"light"`
	OverYears []int `json:"over_years"`
	// FiguresLight is red when the figures put the sector over its room in a year.
	FiguresLight Light       `json:"figures_light"`
	Years        []FrameYear `json:"years"`
}

// FrameYear is a sector's net change against its room for change in one year.
type FrameYear struct {
	Year           int     `json:"year"`
	NetChangeKNOK  float64 `json:"net_change_knok"`
	ChangeRoomKNOK float64 `json:"change_room_knok"`
	Over           bool    `json:"over"`
	OverByKNOK     float64 `json:"over_by_knok"` // the net change above the room; 0 within it
}

// OmstillingTarget is the target of the omstilling level (cumulative lasting
// gains) within the band from the requirement to the upper limit, every year.
type OmstillingTarget struct {
	RuleID     string           `json:"rule_id"`
	Light      Light            `json:"light"`
	YearsBelow int              `json:"years_below"` // years below the requirement
	Years      []OmstillingYear `json:"years"`       // every year of the figures, in their order
}

// OmstillingYear is the omstilling level against its band in one year.
type OmstillingYear struct {
	Year         int         `json:"year"`
	LevelKNOK    float64     `json:"level_knok"`
	RequiredKNOK float64     `json:"required_knok"`
	UpperKNOK    float64     `json:"upper_knok"`
	State        TargetState `json:"state"` // below the requirement, within the band, above the upper limit
	Light        Light       `json:"light"`
}

// ResultTarget is the target of the net operating result with the portfolio:
// at least the target share of the operating revenue, every year.
type ResultTarget struct {
	RuleID     string       `json:"rule_id"`
	Light      Light        `json:"light"`
	YearsBelow int          `json:"years_below"` // years below the target
	Years      []ResultYear `json:"years"`       // every year of the figures, in their order
}

// ResultYear is the net operating result against its target in one year.
type ResultYear struct {
	Year         int         `json:"year"`
	NetDriftKNOK float64     `json:"net_drift_knok"` // the portfolio's net operating change behind the result
	ResultPct    float64     `json:"result_pct"`
	MinPct       float64     `json:"min_pct"`
	State        TargetState `json:"state"` // below the target, or within (meets it)
	Light        Light       `json:"light"`
}

// EfficiencyTarget is the target that every sector with a net frame finds
// lasting efficiency savings of a cumulative share of it, every year with a target.
type EfficiencyTarget struct {
	RuleID         string  `json:"rule_id"`
	Light          Light   `json:"light"`
	Years          []int   `json:"years"`            // the years with a target, in order
	FirstTargetPct float64 `json:"first_target_pct"` // the target of the first of them
	LastTargetPct  float64 `json:"last_target_pct"`  // and of the last (cumulative)
	// SectorsWithFrame counts the sectors with a net frame in the last year;
	// SectorsBelow names those below the target then.
	SectorsWithFrame int                `json:"sectors_with_frame"`
	SectorsBelow     []string           `json:"sectors_below"`
	WithoutFrame     []string           `json:"sectors_without_frame"` // no net frame in a target year: no target
	Sectors          []SectorEfficiency `json:"sectors"`               // the sectors with a frame, in the figures' order
}

// SectorEfficiency is one sector's savings against the target.
type SectorEfficiency struct {
	Sector string           `json:"sector"`
	Name   string           `json:"name"`
	Light  Light            `json:"light"` // amber when below the target in a year
	Years  []EfficiencyYear `json:"years"` // the target years in which it has a frame
}

// EfficiencyYear is a sector's lasting savings against the target in one year.
type EfficiencyYear struct {
	Year        int     `json:"year"`
	SavingsKNOK float64 `json:"savings_knok"`
	TargetKNOK  float64 `json:"target_knok"`
	SavingsPct  float64 `json:"savings_pct"` // of the net frame
	TargetPct   float64 `json:"target_pct"`
	Below       bool    `json:"below"`
}

// BufferFundTarget is the target of the buffer fund at the end of the plan
// period: at least its minimum.
type BufferFundTarget struct {
	RuleID      string  `json:"rule_id"`
	Light       Light   `json:"light"`
	EndKNOK     float64 `json:"end_of_period_knok"`
	MinimumKNOK float64 `json:"minimum_knok"`
	UseKNOK     float64 `json:"use_knok"`
}

// RecordsTarget is the target that every initiative meets its own rules
// (legal requirements, budget, KPIs). A note on an initiative is no deviation.
type RecordsTarget struct {
	Light       Light   `json:"light"`
	Initiatives int     `json:"initiatives"`
	WithErrors  int     `json:"with_errors"` // initiatives with an unwaived error
	Summary     Summary `json:"summary"`     // their violations together
}
