// Package app holds Styring's use cases between the ways in (HTTP, CLI) and
// the engine and storage: checking one proposal or a batch, submitting and
// updating an initiative, the portfolio what-if, the impact of a candidate
// policy, replaying a logged decision and the waivers a check applies. The HTTP
// handlers decode a request, call one of these and write the answer; the CLI
// calls the same functions. It knows the domain (models), the engine (policies)
// and small store interfaces, and nothing of HTTP.
package app

import (
	"context"
	"encoding/json"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// Store is what the use cases need of the storage: initiatives with their
// decisions in one transaction, the decision log and idempotency records.
type Store interface {
	CreateInitiative(ctx context.Context, in *models.Initiative, d *models.Decision, idem *models.IdempotencyRecord) error
	UpdateInitiative(ctx context.Context, in *models.Initiative, ifVersion int, d *models.Decision, idem *models.IdempotencyRecord) error
	GetInitiative(ctx context.Context, id string) (models.Initiative, error)
	AllInitiatives(ctx context.Context, statuses []string, fn func(models.Initiative, json.RawMessage) error) error
	GetDecision(ctx context.Context, id string) (models.Decision, error)
	GetIdempotency(ctx context.Context, scope, key string) (models.IdempotencyRecord, error)
	PutIdempotency(ctx context.Context, rec models.IdempotencyRecord) error
}

// WaiverReader reads the waivers a check applies.
type WaiverReader interface {
	ActiveWaivers(ctx context.Context, ids []string) (map[string][]models.Waiver, error)
}

// DecisionLog takes the decision-log entries of checks that store nothing else.
type DecisionLog interface {
	// Write writes ds and returns once they are stored, so their ids can be
	// handed out; concurrent calls are committed together (group commit). It
	// returns EUNAVAILABLE when they could not be written before ctx ends (the
	// database is down): the caller must then not hand out their ids. An entry
	// the database refuses is kept as raw text, and counts as written.
	Write(ctx context.Context, ds ...models.Decision) error
	// Enqueue queues d to be written shortly after, and returns at once;
	// false when it was dropped (the queue is full or closed).
	Enqueue(models.Decision) bool
}

// Observer is told of every evaluation (for metrics).
type Observer interface {
	ObserveCheck(kind string, res models.CheckResult, took time.Duration)
}

// Config holds the limits of the use cases; zero values take the defaults.
type Config struct {
	EvalTimeout  time.Duration // deadline of one evaluation, default 2 s
	StoreTimeout time.Duration // deadline of one use case's database work, default 5 s
	Workers      int           // parallel evaluations of a batch, a report or an impact, default GOMAXPROCS
}

// Service runs the use cases. Create it with New.
type Service struct {
	cfg       Config
	engine    *policies.Engine
	store     Store
	waivers   WaiverReader // nil: the store keeps no waivers
	drafts    models.DraftStore
	decisions DecisionLog
	observer  Observer
	log       *slog.Logger
	now       func() time.Time
	// contributions caches what each stored version adds to the portfolio.
	contributions *policies.ContributionCache

	// waiverCache is the snapshot of active waivers plain checks apply.
	waiverMu      sync.Mutex
	waiverCache   map[string][]models.Waiver
	waiverCacheAt time.Time
}

// Deps are the service's collaborators; Waivers, Observer, Log and Now may be nil.
type Deps struct {
	Engine    *policies.Engine
	Store     Store
	Waivers   WaiverReader
	Drafts    models.DraftStore // nil: no drafts are kept
	Decisions DecisionLog
	Observer  Observer
	Log       *slog.Logger
	Now       func() time.Time
}

// New returns the service over its collaborators.
func New(cfg Config, d Deps) *Service {
	if cfg.EvalTimeout <= 0 {
		cfg.EvalTimeout = 2 * time.Second
	}
	if cfg.StoreTimeout <= 0 {
		cfg.StoreTimeout = 5 * time.Second
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	s := &Service{
		cfg: cfg, engine: d.Engine, store: d.Store, waivers: d.Waivers, drafts: d.Drafts, decisions: d.Decisions,
		observer: d.Observer, log: d.Log, now: d.Now, contributions: &policies.ContributionCache{},
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.decisions == nil {
		s.decisions = discardLog{}
	}
	return s
}

type discardLog struct{}

func (discardLog) Write(context.Context, ...models.Decision) error { return nil }
func (discardLog) Enqueue(models.Decision) bool                    { return true }

// Engine returns the engine whose active revision the use cases evaluate with.
func (s *Service) Engine() *policies.Engine { return s.engine }

// SetNow replaces the clock (tests).
func (s *Service) SetNow(now func() time.Time) { s.now = now }

// storeContext bounds one use case's database work.
func (s *Service) storeContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, s.cfg.StoreTimeout)
}
