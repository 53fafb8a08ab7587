package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/baerum/styring/internal/demo"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/policies"
	"github.com/baerum/styring/server"
)

func runServe(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", envOr("STYRING_ADDR", "127.0.0.1:8080"), "listen address (env STYRING_ADDR)")
	dbURL := fs.String("database", envOr("STYRING_DATABASE_URL", "./styring.db"), "postgres:// URL or SQLite file (env STYRING_DATABASE_URL)")
	policyDir := fs.String("policies", envOr("STYRING_POLICIES", ""), "policy directory or OPA bundle (.tar.gz); default: the embedded policies (env STYRING_POLICIES)")
	withDemo := fs.Bool("demo", false, "submit the shipped sample initiatives at start-up")
	maxBody := fs.Int64("max-body", 1<<20, "largest request body in bytes")
	maxBatch := fs.Int64("max-batch-body", 32<<20, "largest batch body in bytes")
	logLevel := fs.String("log-level", envOr("STYRING_LOG_LEVEL", "info"), "debug, info, warn or error")
	if _, err := parseInterspersed(fs, args); err != nil {
		return flagError(err)
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(stderr, "styring serve: --log-level %q is not debug, info, warn or error\n", *logLevel)
		return exitUsage
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level}))

	engine, err := policies.LoadEngine(ctx, policies.Source{Location: *policyDir})
	if err != nil {
		log.Error("load policies", "error", err.Error())
		return exitRuntime
	}
	store, err := gormstore.Open(ctx, *dbURL, gormstore.Options{Logger: log})
	if err != nil {
		log.Error("open database", "error", err.Error())
		return exitRuntime
	}
	defer store.Close()
	if err := store.Migrate(ctx); err != nil {
		log.Error("migrate database", "error", err.Error())
		return exitRuntime
	}
	srv := server.New(server.Config{Addr: *addr, MaxBodyBytes: *maxBody, MaxBatchBytes: *maxBatch}, engine, store, log)
	if *withDemo {
		if err := loadDemo(srv, log); err != nil {
			log.Error("load demo data", "error", err.Error())
			return exitRuntime
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Error("listen", "addr", *addr, "error", err.Error())
		return exitRuntime
	}
	rev := engine.Active()
	log.Info("serving", "addr", ln.Addr().String(), "policy_revision", rev.ID, "policies", rev.Source, "database", describeDatabase(*dbURL))
	fmt.Fprintf(stdout, "Styring listening on http://%s (policy %s)\n", ln.Addr(), rev.ID[:19])

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if err != nil {
			log.Error("serve", "error", err.Error())
			return exitRuntime
		}
	case <-ctx.Done():
		log.Info("shutting down: finishing in-flight requests")
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Error("shutdown", "error", err.Error())
		return exitRuntime
	}
	log.Info("stopped")
	return exitOK
}

// loadDemo submits the sample initiatives through the API itself, so they are
// checked and stored exactly as a case handler's would be. Those already stored
// (a restart) are left as they are.
func loadDemo(srv http.Handler, log *slog.Logger) error {
	docs, err := demo.Initiatives()
	if err != nil {
		return err
	}
	stored := 0
	for _, raw := range docs {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/initiatives", bytes.NewReader(raw))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusCreated:
			stored++
		case http.StatusConflict:
		default:
			return errors.New("demo initiative refused: " + rec.Body.String())
		}
	}
	log.Info("demo data loaded", "submitted", stored, "shipped", len(docs))
	return nil
}
