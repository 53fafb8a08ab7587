// Package report builds the managers' compliance report: the portfolio rules on
// all initiatives together, the figures behind them, the targets they are held
// against with their lights, and every initiative's own standing, in one pass
// over the initiatives. The server builds it from the store, `styring report`
// from files. It only builds: the pages (web) and the CSV and text (output)
// render it, and compute nothing of their own.
package report

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/baerum/styring/internal/parallel"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// Item is one initiative of the portfolio: its document and, when it was
// checked before (stored), that check's result.
type Item struct {
	Doc        any                 // a value from policies.ParseDocument; nil when Load gives it
	Load       func() (any, error) // parses the document when it is needed (a stored one)
	Version    int                 // stored version, 0 for a file
	Result     *models.CheckResult // the stored check, nil to check it now
	Source     string              // file name, for errors
	Initiative *models.Initiative  // the stored row, nil for a file
}

// Options shape a report.
type Options struct {
	AsOf     string      // the date the rules are read at; default today
	Lang     models.Lang // language of the texts
	Statuses []string    // only initiatives with these statuses (all when empty)
	// Recheck evaluates every initiative's record rules now, with the active
	// revision at AsOf, instead of showing its stored check.
	Recheck bool
	Workers int // parallel evaluations, default GOMAXPROCS
	// Cache, when set, keeps the contributions of stored versions between reports.
	Cache *policies.ContributionCache
	Now   time.Time
	// Waivers, when not nil, are the waivers by initiative id: those in force
	// on Now's date mark their violations waived (and clear waived flags that no
	// longer hold), before anything is counted.
	Waivers map[string][]models.Waiver
	// Reach, when not nil, says which sectors' initiatives the report lists:
	// the record picture (standings, counts and the records target) holds only
	// those; the portfolio rules and figures are over every initiative still,
	// as the rules are over the whole.
	Reach func(sector string) bool
}

// Source calls yield for every initiative, in a stable order, and stops at its error.
type Source func(ctx context.Context, yield func(Item) error) error

// Build computes the report in one pass over src: each initiative's contribution
// to the portfolio, and its record-level standing.
func Build(ctx context.Context, rev *policies.Revision, src Source, opts Options) (models.ComplianceReport, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Lang == "" {
		opts.Lang = models.LangNB
	}
	if opts.AsOf == "" {
		opts.AsOf = opts.Now.UTC().Format(time.DateOnly)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	b := &builder{rev: rev, opts: opts, portfolio: rev.NewPortfolio()}
	if err := b.run(ctx, src); err != nil {
		return models.ComplianceReport{}, err
	}
	return b.finish(ctx)
}

type builder struct {
	rev       *policies.Revision
	opts      Options
	portfolio *policies.Portfolio
	mu        sync.Mutex
	standings []models.InitiativeStanding
}

// run feeds the items to the project's worker pool: the store streams while
// the rules evaluate, and the first error stops both.
func (b *builder) run(ctx context.Context, src Source) error {
	statuses := map[string]bool{}
	for _, s := range b.opts.Statuses {
		statuses[s] = true
	}
	feed := func(ctx context.Context, yield func(Item) error) error {
		return src(ctx, func(it Item) error {
			if len(statuses) > 0 && !statuses[it.status()] {
				return nil
			}
			return yield(it)
		})
	}
	return parallel.Stream(ctx, b.opts.Workers, feed, b.add)
}

func (it Item) status() string {
	if it.Initiative != nil && it.Initiative.Status != "" {
		return it.Initiative.Status
	}
	return statusOf(it.Doc)
}

// id is the initiative's id: the stored row's, else the document's.
func (it Item) id() string {
	if it.Initiative != nil {
		return it.Initiative.ID
	}
	m, _ := it.Doc.(map[string]any)
	return str(m["id"])
}

// doc returns the parsed document, parsing it once when it came from the store.
func (it *Item) doc() (any, error) {
	if it.Doc == nil && it.Load != nil {
		d, err := it.Load()
		if err != nil {
			return nil, err
		}
		it.Doc = d
	}
	return it.Doc, nil
}

func statusOf(doc any) string {
	m, _ := doc.(map[string]any)
	if s, ok := m["status"].(string); ok && s != "" {
		return s
	}
	return "forslag"
}

func (b *builder) add(ctx context.Context, it Item) error {
	res := it.Result
	if res == nil || b.opts.Recheck {
		doc, err := it.doc()
		if err != nil {
			return fmt.Errorf("initiative %s: %w", it.Source, err)
		}
		r, err := b.rev.Check(ctx, doc, policies.CheckOptions{AsOf: b.opts.AsOf, Lang: b.opts.Lang, Now: b.opts.Now})
		if err != nil {
			return fmt.Errorf("check %s: %w", it.Source, err)
		}
		res = &r
	}
	if b.opts.Waivers != nil {
		models.ApplyWaivers(res, b.opts.Waivers[it.id()], b.opts.Now.UTC().Format(time.DateOnly))
	}
	standing := standingOf(it, res)
	listed := b.opts.Reach == nil || b.opts.Reach(standing.Sector)
	if !onlySchemaErrors(res) {
		var c policies.Contributions
		var err error
		if b.opts.Cache != nil && it.Version > 0 {
			c, err = b.opts.Cache.Get(ctx, b.rev, it.Source, it.Version, it.doc)
		} else {
			var doc any
			if doc, err = it.doc(); err == nil {
				c, err = b.rev.Contributions(ctx, doc)
			}
		}
		if err != nil && models.ErrorCode(err) != models.EINVALID {
			return fmt.Errorf("portfolio %s: %w", it.Source, err)
		}
		b.portfolio.AddContributions(c)
	}
	if !listed {
		return nil
	}
	b.mu.Lock()
	b.standings = append(b.standings, standing)
	b.mu.Unlock()
	return nil
}

// onlySchemaErrors reports a document the portfolio cannot read (DAT-001).
func onlySchemaErrors(res *models.CheckResult) bool {
	return len(res.Violations) > 0 && res.Violations[0].RuleID == "DAT-001"
}

func standingOf(it Item, res *models.CheckResult) models.InitiativeStanding {
	s := models.InitiativeStanding{
		Version: it.Version, Allowed: res.Allowed, Summary: res.Summary, Violations: res.Violations, DecisionID: res.DecisionID, Status: it.status(),
	}
	if in := it.Initiative; in != nil {
		s.ID, s.Title, s.Sector, s.Type = in.ID, in.Title, in.Sector, in.Type
	} else {
		m, _ := it.Doc.(map[string]any)
		s.ID, s.Title, s.Sector, s.Type = str(m["id"]), str(m["title"]), str(m["sector"]), str(m["type"])
	}
	if s.ID == "" {
		s.ID = it.Source
	}
	if s.Violations == nil {
		s.Violations = []models.Violation{}
	}
	return s
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func (b *builder) finish(ctx context.Context) (models.ComplianceReport, error) {
	port, err := b.portfolio.Evaluate(ctx, b.opts.AsOf, b.opts.Lang)
	if err != nil {
		return models.ComplianceReport{}, err
	}
	slices.SortFunc(b.standings, func(x, y models.InitiativeStanding) int { return cmp.Compare(x.ID, y.ID) })
	rec := models.RecordPicture{Initiatives: b.standings}
	byRule, byCat, bySector := counter{}, counter{}, counter{}
	for _, s := range b.standings {
		if s.Allowed {
			rec.Allowed++
		} else {
			rec.NotAllowed++
		}
		for _, v := range s.Violations {
			if v.Waived {
				continue
			}
			byRule.add(v.RuleID, v.Title, v.Severity)
			byCat.add(v.Category, "", v.Severity)
			bySector.add(s.Sector, "", v.Severity)
		}
	}
	rec.ByRule, rec.ByCategory, rec.BySector = byRule.rows(), byCat.rows(), bySector.rows()
	return models.ComplianceReport{
		GeneratedAt:    b.opts.Now.UTC(),
		PolicyRevision: b.rev.ID,
		AsOf:           b.opts.AsOf,
		Lang:           b.opts.Lang,
		StatusFilter:   b.opts.Statuses,
		Portfolio:      port,
		Records:        rec,
		Targets:        Targets(port, rec),
	}, nil
}

type counter map[string]*models.Count

func (c counter) add(key, label string, sev models.Severity) {
	row := c[key]
	if row == nil {
		row = &models.Count{Key: key, Label: label}
		c[key] = row
	}
	switch sev {
	case models.SeverityError:
		row.Error++
	case models.SeverityWarning:
		row.Warn++
	default:
		row.Info++
	}
	row.Total++
}

func (c counter) rows() []models.Count {
	out := make([]models.Count, 0, len(c))
	for _, r := range c {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b models.Count) int { return cmp.Or(cmp.Compare(b.Total, a.Total), cmp.Compare(a.Key, b.Key)) })
	return out
}

// FromStore streams the latest version of every stored initiative with its stored result.
func FromStore(store interface {
	AllInitiatives(ctx context.Context, statuses []string, fn func(models.Initiative, json.RawMessage) error) error
}, statuses []string) Source {
	return func(ctx context.Context, yield func(Item) error) error {
		return store.AllInitiatives(ctx, statuses, func(in models.Initiative, result json.RawMessage) error {
			raw := in.Document
			it := Item{Load: func() (any, error) { return policies.ParseDocument(raw) }, Version: in.Version, Source: in.ID, Initiative: &in}
			if len(result) > 0 {
				var r models.CheckResult
				if json.Unmarshal(result, &r) == nil {
					it.Result = &r
				}
			}
			return yield(it)
		})
	}
}

// FromDocuments yields parsed documents, named by their source (a file name).
func FromDocuments(names []string, docs []any) Source {
	return func(ctx context.Context, yield func(Item) error) error {
		for i, d := range docs {
			if err := yield(Item{Doc: d, Source: names[i]}); err != nil {
				return err
			}
		}
		return nil
	}
}
