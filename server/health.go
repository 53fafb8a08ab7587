package server

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// registerHealthRoutes registers liveness and readiness (public) and the
// metrics, with who may read them: anyone at the root, which the platform
// scrapes from inside the network, a reader under /api/v1.
func (s *Server) registerHealthRoutes(r router, metrics access) {
	s.handle(r, public, "GET", "/healthz", s.handleHealthz)
	s.handle(r, public, "GET", "/readyz", s.handleReadyz)
	s.handle(r, metrics, "GET", "/metrics", gin.WrapH(promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{})))
}

// handleHealthz serves GET /healthz: the process is alive.
func (s *Server) handleHealthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// handleReadyz serves GET /readyz: the database answers and policies are loaded.
func (s *Server) handleReadyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	checks := gin.H{"policies": "ok", "database": "ok"}
	status := http.StatusOK
	if s.engine.Active() == nil {
		checks["policies"] = "not loaded"
		status = http.StatusServiceUnavailable
	}
	if err := s.store.Ping(ctx); err != nil {
		checks["database"] = "unreachable"
		status = http.StatusServiceUnavailable
	}
	if status != http.StatusOK {
		c.Header("Retry-After", "5")
		c.JSON(status, gin.H{"status": "unavailable", "checks": checks})
		return
	}
	c.JSON(status, gin.H{"status": "ok", "checks": checks, "policy_revision": s.engine.Active().ID})
}

// storeContext bounds one request's database work, so an outage answers 503 instead of hanging.
func (s *Server) storeContext(c *gin.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(c.Request.Context(), s.cfg.StoreTimeout)
}
