package policies

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/baerum/styring/models"
)

// Revision is one compiled set of policies and data: the unit that is activated,
// reported as policy_revision, and replaced on reload. It is immutable and safe
// for concurrent use; a check that started on a revision finishes on it.
type Revision struct {
	ID       string
	Source   string
	LoadedAt time.Time

	bundle   *bundle.Bundle
	compiler *ast.Compiler
	store    storage.Store
	query    rego.PreparedEvalQuery
	// contribQuery and portfolioQuery are nil when the policies have no portfolio rules.
	contribQuery   *rego.PreparedEvalQuery
	portfolioQuery *rego.PreparedEvalQuery
	schema         *schemaValidator
	catalog        []models.Rule
	byID           map[string]models.Rule
}

// Load reads, compiles and prepares the policies of src.
func Load(ctx context.Context, src Source) (*Revision, error) {
	b, err := readSource(ctx, src)
	if err != nil {
		return nil, err
	}
	rev, err := Compile(ctx, b)
	if err != nil {
		return nil, err
	}
	rev.Source = src.Describe()
	return rev, nil
}

// Compile compiles a bundle into a revision and prepares its query once.
func Compile(ctx context.Context, b *bundle.Bundle) (*Revision, error) {
	id, err := revisionID(b)
	if err != nil {
		return nil, err
	}
	modules := make(map[string]*ast.Module, len(b.Modules))
	for _, m := range b.Modules {
		if m.Parsed == nil {
			return nil, fmt.Errorf("module %s was not parsed", m.Path)
		}
		modules[modulePath(m)] = m.Parsed
	}
	compiler := ast.NewCompiler().WithEnablePrintStatements(false)
	if compiler.Compile(modules); compiler.Failed() {
		return nil, &CompileError{Errors: compiler.Errors}
	}
	data := b.Data
	if data == nil {
		data = map[string]any{}
	}
	store := inmem.NewFromObjectWithOpts(data, inmem.OptRoundTripOnWrite(false))
	pq, err := rego.New(
		rego.Compiler(compiler),
		rego.Store(store),
		rego.Query(Query),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare query: %w", err)
	}
	contribQuery, err := prepareOptional(ctx, compiler, store, "data.styring.portfolio.contributions.rows", ContributionsQuery)
	if err != nil {
		return nil, err
	}
	portfolioQuery, err := prepareOptional(ctx, compiler, store, "data.styring.portfolio.main.violations", PortfolioQuery)
	if err != nil {
		return nil, err
	}
	schema, err := newSchemaValidator(initiativeSchema)
	if err != nil {
		return nil, err
	}
	catalog, err := catalogFrom(compiler)
	if err != nil {
		return nil, err
	}
	rev := &Revision{
		ID:             id,
		Source:         "bundle",
		LoadedAt:       time.Now().UTC(),
		bundle:         b,
		compiler:       compiler,
		store:          store,
		query:          pq,
		contribQuery:   contribQuery,
		portfolioQuery: portfolioQuery,
		schema:         schema,
		catalog:        catalog,
		byID:           make(map[string]models.Rule, len(catalog)),
	}
	for _, r := range catalog {
		rev.byID[r.ID] = r
	}
	return rev, nil
}

// prepareOptional prepares a query of a part of the policies that a custom
// bundle may leave out; nil when no module defines the probe rule.
func prepareOptional(ctx context.Context, c *ast.Compiler, store storage.Store, probe, query string) (*rego.PreparedEvalQuery, error) {
	ref := ast.MustParseRef(probe)
	if len(c.GetRulesForVirtualDocument(ref)) == 0 && len(c.GetRulesWithPrefix(ref)) == 0 {
		return nil, nil
	}
	pq, err := rego.New(rego.Compiler(c), rego.Store(store), rego.Query(query)).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare %s: %w", query, err)
	}
	return &pq, nil
}

// CompileError carries the compiler's errors, each with file, row and column.
type CompileError struct{ Errors ast.Errors }

func (e *CompileError) Error() string { return "compile policies: " + e.Errors.Error() }

// Rules returns the rule catalog of the revision, sorted by id.
func (r *Revision) Rules() []models.Rule { return slices.Clone(r.catalog) }

// Rule returns the catalog entry of one rule.
func (r *Revision) Rule(id string) (models.Rule, bool) {
	rule, ok := r.byID[id]
	return rule, ok
}

// Compiler returns the revision's compiler, for running its Rego tests.
func (r *Revision) Compiler() *ast.Compiler { return r.compiler }

// Store returns the revision's data store, for running its Rego tests.
func (r *Revision) Store() storage.Store { return r.store }

// Bundle returns the bundle the revision was compiled from.
func (r *Revision) Bundle() *bundle.Bundle { return r.bundle }

// catalogFrom builds the catalog from every annotation that names a rule id.
func catalogFrom(c *ast.Compiler) ([]models.Rule, error) {
	var out []models.Rule
	seen := map[string]string{}
	for _, ref := range c.GetAnnotationSet().Flatten() {
		a := ref.Annotations
		id, _ := a.Custom["id"].(string)
		if id == "" {
			continue
		}
		pkg := strings.TrimPrefix(ref.Path.String(), "data.")
		if prev, dup := seen[id]; dup {
			return nil, fmt.Errorf("rule %s is annotated twice (%s and %s)", id, prev, pkg)
		}
		seen[id] = pkg
		rule := models.Rule{
			ID:          id,
			Severity:    models.Severity(str(a.Custom["severity"])),
			Category:    str(a.Custom["category"]),
			Scope:       "record",
			Title:       models.Text{NB: a.Title, EN: str(a.Custom["title_en"])},
			Description: strings.TrimSpace(a.Description),
			Reference:   str(a.Custom["reference"]),
			Package:     pkg,
		}
		if strings.HasPrefix(pkg, "styring.portfolio.") {
			rule.Scope = "portfolio"
		}
		// A bundle may not re-open what the catalog closes: legal and data rules are never waivable.
		rule.Waivable, _ = a.Custom["waivable"].(bool)
		rule.Waivable = rule.Waivable && models.CategoryWaivable(rule.Category)
		if rem, ok := a.Custom["remedy"].(map[string]any); ok {
			rule.Remedy = models.Text{NB: str(rem["nb"]), EN: str(rem["en"])}
		}
		for _, rr := range a.RelatedResources {
			rule.RelatedResources = append(rule.RelatedResources, models.Resource{Ref: rr.Ref.String(), Description: rr.Description})
		}
		out = append(out, rule)
	}
	slices.SortFunc(out, func(a, b models.Rule) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
