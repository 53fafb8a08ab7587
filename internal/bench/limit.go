package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"time"

	"github.com/gin-gonic/gin"
)

// LimitHandler is the limit of the machine for a JSON API over Gin: it decodes
// the body into map[string]any, as any handler must before it can look at a
// proposal, and answers a fixed small result without evaluating anything.
func LimitHandler() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	fixed := gin.H{"allowed": true, "summary": gin.H{"error": 0, "warning": 0, "info": 0}, "violations": []any{}}
	r.POST("/api/v1/check", func(c *gin.Context) {
		var doc map[string]any
		if err := json.NewDecoder(c.Request.Body).Decode(&doc); err != nil {
			c.JSON(http.StatusBadRequest, gin.H{"code": "invalid", "message": err.Error()})
			return
		}
		c.JSON(http.StatusOK, fixed)
	})
	r.GET("/healthz", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) })
	return r
}

// ServeLimit serves LimitHandler on addr until ctx ends; it prints
// "listening on http://ADDR" once it accepts connections.
func ServeLimit(ctx context.Context, addr string, stdout io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	if err := requireLoopback("http://" + ln.Addr().String()); err != nil {
		return errors.Join(err, ln.Close())
	}
	srv := &http.Server{Handler: LimitHandler(), ReadHeaderTimeout: 5 * time.Second, IdleTimeout: 120 * time.Second}
	// The benchmark learns the address from this line: without it the server is of no use.
	if _, err := fmt.Fprintf(stdout, "limit listening on http://%s\n", ln.Addr()); err != nil {
		return errors.Join(err, ln.Close())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// listeningLine finds the address in the line styring serve and the limit
// server print once they accept connections.
var listeningLine = regexp.MustCompile(`listening on http://(\S+)`)

// StartLimit starts `styring-bench serve-limit` (bin, as BuildStyring built it)
// on a free loopback port as a process of its own, measured like the servers,
// with its log in logDir, and waits until it answers.
func StartLimit(ctx context.Context, bin, dir, logDir string) (*Process, error) {
	return Start(ctx, TargetLimit, bin, []string{"serve-limit", "--addr", "127.0.0.1:0"},
		StartOptions{Dir: dir, LogDir: logDir, AddrPattern: listeningLine, HealthPath: "/healthz"})
}
