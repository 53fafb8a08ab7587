// Package server is Styring's HTTP API over Gin: checking proposals, batch checks
// for the budget workflow, submissions with their versions and decisions, the rule
// catalog, health and metrics. Handlers turn HTTP into calls on the engine and the
// store and write every error the same way.
package server

import (
	"sync"

	"context"
	"errors"
	"golang.org/x/time/rate"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"time"

	"github.com/gin-gonic/gin"

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
	DecisionQueue     int           // capacity of the asynchronous decision log, default 10 000
	RateLimit         float64       // requests a second per token (0: default 50; negative: no limit)
	RateBurst         int           // burst per token, default 2 × RateLimit
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
	store     models.InitiativeStore
	log       *slog.Logger
	metrics   *metrics
	decisions *DecisionLogger
	router    *gin.Engine
	lifecycle *policies.Lifecycle
	tokens    models.TokenStore
	// waiverCache is the snapshot of active waivers plain checks apply.
	waiverMu      sync.Mutex
	waiverCache   map[string][]models.Waiver
	waiverCacheAt time.Time
	waivers       models.WaiverStore
	tokenCache    tokenCache
	limitMu       sync.Mutex
	limits        map[string]*rate.Limiter
	// contributions caches what each stored version adds to the portfolio.
	contributions *policies.ContributionCache
	http          *http.Server
	now           func() time.Time
}

// New wires a server around the engine and the store.
func New(cfg Config, engine *policies.Engine, store models.InitiativeStore, log *slog.Logger) *Server {
	cfg.defaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		cfg:           cfg,
		engine:        engine,
		store:         store,
		log:           log,
		metrics:       newMetrics(),
		now:           time.Now,
		contributions: &policies.ContributionCache{},
	}
	s.decisions = NewDecisionLogger(store, cfg.DecisionQueue, log, s.metrics)
	if ts, ok := store.(models.TokenStore); ok {
		s.tokens = ts
	}
	if ws, ok := store.(models.WaiverStore); ok {
		s.waivers = ws
	}
	s.lifecycle = &policies.Lifecycle{Engine: engine, Source: policies.Source{Location: engine.Active().Source}}
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
	r.Use(s.recoverer(), s.requestID(), s.accessLog(), securityHeaders(), s.authorize())
	r.NoRoute(func(c *gin.Context) {
		s.writeError(c, models.Errorf(models.ENOTFOUND, "no route %s %s", c.Request.Method, c.Request.URL.Path))
	})
	r.NoMethod(func(c *gin.Context) {
		c.Header("Allow", allowedMethods(r, c.Request.URL.Path))
		s.writeErrorStatus(c, http.StatusMethodNotAllowed, models.Errorf(models.EINVALID, "method %s is not allowed on %s", c.Request.Method, c.Request.URL.Path))
	})

	s.registerHealthRoutes(r)
	s.registerPageRoutes(r)
	s.registerLoginRoutes(r)
	api := r.Group("/api/v1")
	s.registerHealthRoutes(api)
	s.registerCheckRoutes(api)
	s.registerInitiativeRoutes(api)
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
