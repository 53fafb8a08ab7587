package policies

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/baerum/styring/models"
)

// Queries of the portfolio rules, prepared with the revision.
const (
	ContributionsQuery = "data.styring.portfolio.contributions.included; rows := data.styring.portfolio.contributions.rows"
	PortfolioQuery     = "data.styring.portfolio.main"
)

// rowKey is every field of a contribution row but its amount. Rows are summed by
// it, with the sign kept apart, so the rules see exactly the selections they make
// (negative effektivisering lines, permanent omstilling lines, bufferfond financing).
type rowKey struct {
	Kind     string
	Sector   string
	Year     int
	Account  string
	Bucket   string
	OneOff   bool
	Source   string
	Negative bool
}

// amountScale keeps sums exact: attributed amounts have at most four decimals
// (kNOK × a share in hundredths of a percent), so they add up as integers in any order.
const amountScale = 10000

// Portfolio gathers the contributions of the initiatives of a portfolio, one
// pass, in any order and from many goroutines, and then evaluates the portfolio
// rules on their sums. Its cost grows linearly with the number of initiatives.
type Portfolio struct {
	rev   *Revision
	mu    sync.Mutex
	sums  map[rowKey]int64
	count int
}

// NewPortfolio starts an empty portfolio on the revision.
func (r *Revision) NewPortfolio() *Portfolio {
	return &Portfolio{rev: r, sums: map[rowKey]int64{}}
}

// Add evaluates what one initiative contributes and adds it. It reports whether
// the initiative is part of the portfolio (an avvist one is not).
func (p *Portfolio) Add(ctx context.Context, doc any) (bool, error) {
	c, err := p.rev.Contributions(ctx, doc)
	if err != nil {
		return false, err
	}
	p.AddContributions(c)
	return c.Included(), nil
}

// AddContributions adds contributions computed before (on the same revision).
func (p *Portfolio) AddContributions(c Contributions) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c.Included() {
		p.count++
	}
	for _, r := range c.rows {
		p.sums[r.key] += r.amount
	}
}

// Contributions is what one initiative adds to a portfolio.
type Contributions struct {
	rows     []contribution
	included bool
}

// Included reports whether the initiative is part of the portfolio.
func (c Contributions) Included() bool { return c.included }

// Contributions evaluates what one initiative adds to a portfolio.
func (r *Revision) Contributions(ctx context.Context, doc any) (Contributions, error) {
	rows, err := r.contributions(ctx, doc)
	if err != nil {
		return Contributions{}, err
	}
	return Contributions{rows: rows, included: rows != nil}, nil
}

// ContributionCache remembers the contributions of stored initiative versions
// per revision, so that reports and what-if checks do not evaluate unchanged
// initiatives again. It is safe for concurrent use.
type ContributionCache struct {
	mu sync.Mutex
	m  map[string]cachedContributions
}

type cachedContributions struct {
	revision string
	version  int
	c        Contributions
}

// Get returns the contributions of version of initiative id, evaluating the
// document load returns on rev when they are not cached for that version and
// revision (so a cached one is not even parsed).
func (cc *ContributionCache) Get(ctx context.Context, rev *Revision, id string, version int, load func() (any, error)) (Contributions, error) {
	cc.mu.Lock()
	e, ok := cc.m[id]
	cc.mu.Unlock()
	if ok && e.version == version && e.revision == rev.ID {
		return e.c, nil
	}
	doc, err := load()
	if err != nil {
		return Contributions{}, err
	}
	c, err := rev.Contributions(ctx, doc)
	if err != nil {
		return c, err
	}
	cc.mu.Lock()
	if cc.m == nil {
		cc.m = map[string]cachedContributions{}
	}
	cc.m[id] = cachedContributions{revision: rev.ID, version: version, c: c}
	cc.mu.Unlock()
	return c, nil
}

// Count is the number of initiatives in the portfolio.
func (p *Portfolio) Count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.count
}

type contribution struct {
	key    rowKey
	amount int64
}

// contributions evaluates the contributions query; nil rows means the initiative
// is not part of the portfolio.
func (r *Revision) contributions(ctx context.Context, doc any) ([]contribution, error) {
	if r.contribQuery == nil {
		return nil, nil
	}
	if errs := r.schema.Validate(doc); len(errs) > 0 {
		return nil, models.Errorf(models.EINVALID, "the initiative does not match the schema (%s: %s), so it cannot be counted in the portfolio", errs[0].Path, errs[0].Message.EN)
	}
	docValue, err := toValue(doc)
	if err != nil {
		return nil, fmt.Errorf("convert input: %w", err)
	}
	input := ast.NewObject(ast.Item(ast.StringTerm("initiative"), ast.NewTerm(docValue)))
	rs, err := r.contribQuery.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, fmt.Errorf("evaluate contributions: %w", err)
	}
	if len(rs) == 0 {
		return nil, nil
	}
	items, _ := rs[0].Bindings["rows"].([]any)
	out := make([]contribution, 0, len(items)+1)
	for _, it := range items {
		m, _ := it.(map[string]any)
		amount, _ := number(m["amount_knok"])
		year, _ := number(m["year"])
		oneOff, _ := m["one_off"].(bool)
		out = append(out, contribution{
			key: rowKey{
				Kind: str(m["kind"]), Sector: str(m["sector"]), Year: int(year), Account: str(m["account"]),
				Bucket: str(m["bucket"]), OneOff: oneOff, Source: str(m["source"]), Negative: amount < 0,
			},
			amount: int64(math.Round(amount * amountScale)),
		})
	}
	return out, nil
}

// rows returns the summed rows in a stable order, as the portfolio rules read them.
func (p *Portfolio) rows() []any {
	p.mu.Lock()
	keys := make([]rowKey, 0, len(p.sums))
	for k := range p.sums {
		keys = append(keys, k)
	}
	sums := make(map[rowKey]int64, len(p.sums))
	for k, v := range p.sums {
		sums[k] = v
	}
	p.mu.Unlock()
	slices.SortFunc(keys, func(a, b rowKey) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Sector, b.Sector), cmp.Compare(a.Year, b.Year),
			cmp.Compare(a.Account, b.Account), cmp.Compare(a.Bucket, b.Bucket), cmp.Compare(fmt.Sprint(a.OneOff), fmt.Sprint(b.OneOff)),
			cmp.Compare(a.Source, b.Source), cmp.Compare(fmt.Sprint(a.Negative), fmt.Sprint(b.Negative)))
	})
	out := make([]any, 0, len(keys))
	for _, k := range keys {
		amount := json.Number(fmt.Sprint(float64(sums[k]) / amountScale))
		row := map[string]any{"kind": k.Kind, "year": k.Year, "account": k.Account, "amount_knok": amount}
		if k.Kind == "line" {
			row["sector"], row["bucket"], row["one_off"] = k.Sector, k.Bucket, k.OneOff
		} else {
			row["source"] = k.Source
		}
		out = append(out, row)
	}
	return out
}

// Evaluate runs the portfolio rules on what has been added.
func (p *Portfolio) Evaluate(ctx context.Context, asOf string, lang models.Lang) (models.PortfolioResult, error) {
	r := p.rev
	res := models.PortfolioResult{PolicyRevision: r.ID, AsOf: asOf, Initiatives: p.Count(), Violations: []models.Violation{}}
	if r.portfolioQuery == nil {
		return res, nil
	}
	input, err := ast.InterfaceToValue(map[string]any{"rows": p.rows(), "as_of": asOf})
	if err != nil {
		return res, fmt.Errorf("convert portfolio input: %w", err)
	}
	rs, err := r.portfolioQuery.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return res, fmt.Errorf("evaluate portfolio rules: %w", err)
	}
	if len(rs) == 0 {
		return res, nil
	}
	out, _ := rs[0].Expressions[0].Value.(map[string]any)
	vs, _ := out["violations"].([]any)
	for _, it := range vs {
		if m, ok := it.(map[string]any); ok {
			res.Violations = append(res.Violations, decodeViolation(m).In(lang))
		}
	}
	models.SortViolations(res.Violations)
	res.Summary = models.Summarize(res.Violations)
	raw, err := json.Marshal(out["figures"])
	if err != nil {
		return res, err
	}
	if err := json.Unmarshal(raw, &res.Figures); err != nil {
		return res, fmt.Errorf("decode portfolio figures: %w", err)
	}
	return res, nil
}
