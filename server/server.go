// Package server is Styring's HTTP API over Gin: checking proposals, batch checks
// for the budget workflow, submissions with their versions and decisions, the rule
// catalog, health and metrics. Handlers turn HTTP into calls on the engine and the
// store and write every error the same way.
package server

import (
	"sync"

	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"time"

	"golang.org/x/time/rate"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/app"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// Config holds the server's settings; zero values take the defaults.
type Config struct {
	Addr              string        // listen address, default 127.0.0.1:8080
	MaxBodyBytes      int64         // body limit of single requests, default 1 MiB
	MaxBatchBytes     int64         // body limit of a batch, default 32 MiB
	MaxBatchItems     int           // proposals in one batch, default 1000
	EvalTimeout       time.Duration // deadline of one evaluation, default 2 s
	StoreTimeout      time.Duration // deadline of one request's database work, default 5 s
	BatchWorkers      int           // parallel evaluations of a batch, default GOMAXPROCS
	ReadHeaderTimeout time.Duration // default 5 s
	ReadTimeout       time.Duration // default 30 s
	WriteTimeout      time.Duration // default 60 s
	IdleTimeout       time.Duration // default 120 s
	DecisionQueue     int           // capacity of the decision log's queue (group commit), default 10 000
	RateLimit         float64       // requests a second per token (0: default 50; negative: no limit)
	RateBurst         int           // burst per token, default 2 × RateLimit
	// TrustedProxies are the proxies (IP addresses or CIDRs, see
	// ParseTrustedProxies) whose X-Forwarded-For names the client address, and
	// whose X-Forwarded-Proto and -Host the origin; default none.
	TrustedProxies []string
}

func (c *Config) defaults() {
	def := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	defDur := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	if c.Addr == "" {
		c.Addr = "127.0.0.1:8080"
	}
	def(&c.MaxBodyBytes, 1<<20)
	def(&c.MaxBatchBytes, 32<<20)
	if c.MaxBatchItems <= 0 {
		c.MaxBatchItems = 1000
	}
	if c.BatchWorkers <= 0 {
		c.BatchWorkers = runtime.GOMAXPROCS(0)
	}
	if c.DecisionQueue <= 0 {
		c.DecisionQueue = 10000
	}
	if c.RateLimit == 0 {
		c.RateLimit = 50
	}
	if c.RateBurst <= 0 {
		c.RateBurst = max(int(2*c.RateLimit), 1)
	}
	defDur(&c.EvalTimeout, 2*time.Second)
	defDur(&c.StoreTimeout, 5*time.Second)
	defDur(&c.ReadHeaderTimeout, 5*time.Second)
	defDur(&c.ReadTimeout, 30*time.Second)
	defDur(&c.WriteTimeout, 60*time.Second)
	defDur(&c.IdleTimeout, 120*time.Second)
}

// Server serves the API. Create it with New; it is an http.Handler.
type Server struct {
	cfg       Config
	engine    *policies.Engine
	store     handlerStores
	log       *slog.Logger
	metrics   *metrics
	decisions *DecisionLogger
	router    *gin.Engine
	lifecycle *policies.Lifecycle
	tokens    models.TokenStore
	// access is who may call each route ("METHOD /template"), declared where it is registered.
	access map[string]access
	// app runs the use cases the handlers call.
	app        *app.Service
	waivers    models.WaiverStore
	tokenCache tokenCache
	limitMu    sync.Mutex
	limits     map[string]*rate.Limiter
	http       *http.Server
	now        func() time.Time

	// sess is the pages' sessions, CSRF and the throttle of failed logins (sessions.go).
	sess *sessionState
}

// Stores are the storage the server works with, one interface per concern;
// a *gormstore.Store is each of them. Initiatives, Decisions, Idempotency and
// Health are required. Tokens and Waivers may be nil: without Tokens no token
// is accepted, without Waivers the waiver routes answer 500 and checks apply none.
type Stores struct {
	Initiatives models.InitiativeStore
	Decisions   models.DecisionStore
	Idempotency models.IdempotencyStore
	Waivers     models.WaiverStore
	Tokens      models.TokenStore
	Health      models.Pinger

	// Sessions keeps the pages' sessions; without it no one can log in to the pages.
	Sessions models.SessionStore
	// Drafts keeps case handlers' drafts; without it the draft routes answer 500.
	Drafts models.DraftStore
}

// handlerStores is what the handlers reach as s.store: initiatives, the
// decision log, idempotency records and the health check.
type handlerStores struct {
	models.InitiativeStore
	models.DecisionStore
	models.IdempotencyStore
	models.Pinger
}

// New wires a server around the engine and the stores.
func New(cfg Config, engine *policies.Engine, stores Stores, log *slog.Logger) *Server {
	cfg.defaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		cfg:    cfg,
		engine: engine,
		store: handlerStores{
			InitiativeStore:  stores.Initiatives,
			DecisionStore:    stores.Decisions,
			IdempotencyStore: stores.Idempotency,
			Pinger:           stores.Health,
		},
		tokens:  stores.Tokens,
		waivers: stores.Waivers,
		sess:    newSessionState(stores),
		log:     log,
		metrics: newMetrics(),
		now:     time.Now,
	}
	s.decisions = NewDecisionLogger(stores.Decisions, cfg.DecisionQueue, log, s.metrics)
	var waivers app.WaiverReader
	if stores.Waivers != nil {
		waivers = stores.Waivers
	}
	s.app = app.New(app.Config{EvalTimeout: cfg.EvalTimeout, StoreTimeout: cfg.StoreTimeout, Workers: cfg.BatchWorkers}, app.Deps{
		Engine: engine, Store: s.store, Waivers: waivers, Drafts: stores.Drafts, Decisions: s.decisions, Observer: s.metrics, Log: log,
		// Read at each call, so a test that sets s.now moves the use cases' clock too.
		Now: func() time.Time { return s.now() },
	})
	s.lifecycle = &policies.Lifecycle{Engine: engine, Source: policies.Source{Location: engine.Active().Source}, TrialInputs: s.app.TrialInputs}
	s.router = s.routes()
	s.http = &http.Server{
		Addr:              cfg.Addr,
		Handler:           s.router,
		ReadHeaderTimeout: cfg.ReadHeaderTimeout,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	return s
}

// ServeHTTP makes the server an http.Handler (tests use it through httptest).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.router.ServeHTTP(w, r) }

// Serve accepts connections on ln until Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	err := s.http.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting, lets in-flight requests finish (until ctx ends), then
// flushes the decision log. The caller closes the store afterwards.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.http.Shutdown(ctx)
	if ferr := s.decisions.Close(ctx); err == nil {
		err = ferr
	}
	return err
}

func (s *Server) routes() *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.RedirectTrailingSlash = false
	r.ContextWithFallback = true
	s.trustProxies(r)
	r.Use(s.recoverer(), s.requestID(), s.accessLog(), securityHeaders(), s.checkInput(), s.csrfGuard(), s.authorize())
	r.NoRoute(func(c *gin.Context) {
		s.writeError(c, models.Errorf(models.ENOTFOUND, "no route %s %s", c.Request.Method, c.Request.URL.Path))
	})
	r.NoMethod(func(c *gin.Context) {
		c.Header("Allow", allowedMethods(r, c.Request.URL.Path))
		s.writeErrorStatus(c, http.StatusMethodNotAllowed, models.Errorf(models.EINVALID, "method %s is not allowed on %s", c.Request.Method, c.Request.URL.Path))
	})

	s.registerHealthRoutes(r, public)
	s.registerPageRoutes(r)
	s.registerLoginRoutes(r)
	api := r.Group("/api/v1")
	s.registerHealthRoutes(api, readers)
	s.registerCheckRoutes(api)
	s.registerInitiativeRoutes(api)
	s.registerDraftRoutes(api)
	s.registerWaiverRoutes(api)
	s.registerDecisionRoutes(api)
	s.registerRuleRoutes(api)
	s.registerReportRoutes(api)
	s.registerPolicyRoutes(api)
	s.registerOpenAPIRoutes(api)
	return r
}

// allowedMethods lists the methods registered for path, for a 405's Allow header.
func allowedMethods(r *gin.Engine, path string) string {
	var out []string
	for _, ri := range r.Routes() {
		if routeMatches(ri.Path, path) {
			out = append(out, ri.Method)
		}
	}
	return joinComma(out)
}
