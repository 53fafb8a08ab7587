package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/baerum/styring/internal/demo"
	"github.com/baerum/styring/models"
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
	pollInterval := fs.Duration("poll-interval", 60*time.Second, "with a bundle URL as --policies: how often to poll it (ETag)")
	rateLimit := fs.Float64("rate-limit", 50, "requests a second per token (a negative value: no limit)")
	trustedProxies := fs.String("trusted-proxies", envOr("STYRING_TRUSTED_PROXIES", ""), "proxies (IPs or CIDRs, comma-separated) whose X-Forwarded-For names the client; default none (env STYRING_TRUSTED_PROXIES)")
	memLimit := fs.Int64("memory-limit-mb", 96, "soft memory limit in MiB for the Go runtime (0: none; GOMEMLIMIT overrides)")
	if _, err := parseInterspersed(fs, args); err != nil {
		return flagError(err)
	}
	proxies, err := server.ParseTrustedProxies(*trustedProxies)
	if err != nil {
		eprintf(stderr, "styring serve: --trusted-proxies: %v\n", err)
		return exitUsage
	}
	// A soft memory limit keeps the heap near what a 2-core service should use
	// under batch load; GOMEMLIMIT, when set, wins.
	if os.Getenv("GOMEMLIMIT") == "" && *memLimit > 0 {
		debug.SetMemoryLimit(*memLimit << 20)
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		eprintf(stderr, "styring serve: --log-level %q is not debug, info, warn or error\n", *logLevel)
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
	defer func() {
		if err := store.Close(); err != nil {
			log.Error("close database", "error", err.Error())
		}
	}()
	if err := store.Migrate(ctx); err != nil {
		log.Error("migrate database", "error", err.Error())
		return exitRuntime
	}
	// What serve prints on stdout is for the person who started it; the server
	// is of use without it, so a failed write is logged and serving goes on.
	announce := func(format string, a ...any) {
		if _, err := fmt.Fprintf(stdout, format, a...); err != nil {
			log.Warn("write to standard output", "error", err.Error())
		}
	}
	stores := server.Stores{Initiatives: store, Decisions: store, Idempotency: store, Waivers: store, Tokens: store, Health: store, Sessions: store, Drafts: store}
	srv := server.New(server.Config{Addr: *addr, MaxBodyBytes: *maxBody, MaxBatchBytes: *maxBatch, RateLimit: *rateLimit, TrustedProxies: proxies}, engine, stores, log)
	if *withDemo {
		tokens, err := demoTokens(ctx, store)
		if err == nil {
			err = loadDemo(srv, tokens[models.RoleSaksbehandler], tokens[models.RoleLeder], log)
		}
		if err != nil {
			log.Error("load demo data", "error", err.Error())
			return exitRuntime
		}
		announce("Demo tokens (one per role; new ones each start):\n")
		for _, role := range models.Roles {
			announce("  %-14s %s\n", role+":", tokens[role])
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Error("listen", "addr", *addr, "error", err.Error())
		return exitRuntime
	}
	rev := engine.Active()
	log.Info("serving", "addr", ln.Addr().String(), "policy_revision", rev.ID, "policies", rev.Source, "database", describeDatabase(*dbURL))
	announce("Styring listening on http://%s (policy %s)\n", ln.Addr(), rev.ID[:19])

	// SIGHUP reloads the policies: compiled and tested before they are swapped in.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for range hup {
			rev, changed, err := srv.Lifecycle().Reload(ctx)
			if err != nil {
				log.Warn("policy reload refused; the active revision keeps serving", "error", err.Error(), "revision", rev.ID)
				continue
			}
			log.Info("policy reload", "revision", rev.ID, "changed", changed)
		}
	}()
	if policies.IsURL(*policyDir) {
		go srv.Lifecycle().Poll(ctx, *pollInterval,
			func(rev *policies.Revision) {
				log.Info("policy revision activated from bundle URL", "revision", rev.ID)
			},
			func(err error) { log.Warn("policy bundle poll", "error", err.Error()) })
	}

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
func loadDemo(srv http.Handler, token, managerToken string, log *slog.Logger) error {
	call := func(method, path, bearer string, body []byte, header map[string]string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+bearer)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}
	docs, err := demo.Initiatives()
	if err != nil {
		return err
	}
	stored := 0
	for _, raw := range docs {
		rec := call(http.MethodPost, "/api/v1/initiatives", token, raw, nil)
		switch rec.Code {
		case http.StatusCreated:
			stored++
		case http.StatusConflict:
		default:
			return errors.New("demo initiative refused: " + rec.Body.String())
		}
	}
	// A second version of a few initiatives breaks a rule a manager has waived,
	// so the report shows waived errors. Only once: an initiative already past
	// version 1 was updated at an earlier start.
	updates, err := demo.Updates()
	if err != nil {
		return err
	}
	waivers, err := demo.Waivers(time.Now())
	if err != nil {
		return err
	}
	updated := 0
	for _, raw := range updates {
		var head struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(raw, &head); err != nil || head.ID == "" {
			return fmt.Errorf("demo update without an id: %v", err)
		}
		path := "/api/v1/initiatives/" + head.ID
		cur := call(http.MethodGet, path, token, nil, nil)
		if cur.Code != http.StatusOK {
			return fmt.Errorf("demo update of %s: %d %s", head.ID, cur.Code, cur.Body.String())
		}
		var in struct {
			Version int `json:"version"`
		}
		if err := json.Unmarshal(cur.Body.Bytes(), &in); err != nil {
			return err
		}
		if in.Version != 1 {
			continue
		}
		for _, w := range waivers {
			if w.InitiativeID != head.ID {
				continue
			}
			body, err := json.Marshal(map[string]string{"rule_id": w.RuleID, "reason": w.Reason, "expires_at": w.ExpiresAt})
			if err != nil {
				return err
			}
			if rec := call(http.MethodPost, path+"/waivers", managerToken, body, nil); rec.Code != http.StatusCreated {
				return fmt.Errorf("demo waiver of %s on %s refused: %d %s", w.RuleID, head.ID, rec.Code, rec.Body.String())
			}
		}
		if rec := call(http.MethodPut, path, token, raw, map[string]string{"If-Match": `"1"`}); rec.Code != http.StatusOK {
			return fmt.Errorf("demo update of %s refused: %d %s", head.ID, rec.Code, rec.Body.String())
		}
		updated++
	}
	log.Info("demo data loaded", "submitted", stored, "shipped", len(docs), "updated", updated)
	return nil
}

// demoTokens replaces the demo tokens of earlier starts with a new one per role.
func demoTokens(ctx context.Context, store models.TokenStore) (map[models.Role]string, error) {
	out := map[models.Role]string{}
	for _, role := range models.Roles {
		name := "demo-" + string(role)
		if _, err := store.RevokeToken(ctx, name, time.Now()); err != nil && models.ErrorCode(err) != models.ENOTFOUND {
			return nil, err
		}
		tok, secret, err := models.NewToken(name, role, nil)
		if err != nil {
			return nil, err
		}
		if err := store.CreateToken(ctx, &tok); err != nil {
			return nil, err
		}
		out[role] = secret
	}
	return out, nil
}
