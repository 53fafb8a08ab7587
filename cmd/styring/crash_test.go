package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
	"github.com/baerum/styring/policies"
)

// variants returns a function giving the omstilling-valid example with another
// id. It reads the file once, in the test's goroutine, so a missing example fails
// the test at once rather than inside a worker.
func variants(t *testing.T) func(id string) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(mustRead(t, example("omstilling-valid")), &doc); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	return func(id string) []byte {
		mu.Lock()
		defer mu.Unlock()
		doc["id"] = id
		raw, _ := json.Marshal(doc)
		return raw
	}
}

// TestCrashSafety submits from several goroutines, kills the server with
// SIGKILL mid-stream, restarts it, and checks that every submission that got a
// 201 is stored with its decision, and that nothing half-written is visible.
func TestCrashSafety(t *testing.T) {
	for _, backend := range gormtest.TestBackends() {
		t.Run(backend, func(t *testing.T) {
			db := gormtest.TestURL(t, backend)
			token := createToken(t, db, "saksbehandler")
			variant := variants(t)
			p := startServe(t, "--database", db, "--rate-limit", "-1")
			p.token = token

			// maxPerWorker bounds the loop should the kill never come.
			const workers, killAfter, maxPerWorker = 4, 40, 2000
			type ack struct{ id, decision string }
			var (
				mu    sync.Mutex
				acked []ack
				kill  sync.Once
				wg    sync.WaitGroup
			)
			for w := range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range maxPerWorker {
						id := fmt.Sprintf("CRASH-%d-%d", w, i)
						req, _ := http.NewRequest("POST", p.base+"/api/v1/initiatives", bytes.NewReader(variant(id)))
						req.Header.Set("Content-Type", "application/json")
						req.Header.Set("Authorization", "Bearer "+token)
						res, err := http.DefaultClient.Do(req)
						if err != nil {
							return // the server is gone
						}
						var body struct {
							Result struct {
								DecisionID string `json:"decision_id"`
							} `json:"result"`
						}
						json.NewDecoder(res.Body).Decode(&body)
						res.Body.Close()
						if res.StatusCode != http.StatusCreated {
							continue
						}
						mu.Lock()
						acked = append(acked, ack{id, body.Result.DecisionID})
						n := len(acked)
						mu.Unlock()
						if n >= killAfter {
							kill.Do(func() { p.cmd.Process.Signal(syscall.SIGKILL) })
						}
					}
				}()
			}
			wg.Wait()
			kill.Do(func() { p.cmd.Process.Signal(syscall.SIGKILL) }) // in every outcome
			p.cmd.Wait()
			if len(acked) < killAfter {
				t.Fatalf("only %d submissions acknowledged before the kill:\n%s", len(acked), p.stderr)
			}

			again := startServe(t, "--database", db, "--rate-limit", "-1")
			again.token = token
			for _, a := range acked {
				if code, body := again.request(t, "GET", "/api/v1/initiatives/"+a.id, nil); code != 200 {
					t.Errorf("acknowledged %s lost after the crash: %d %s", a.id, code, body)
				}
				if code, _ := again.request(t, "GET", "/api/v1/decisions/"+a.decision, nil); code != 200 {
					t.Errorf("the decision of acknowledged %s is lost: %d", a.id, code)
				}
			}
			// Nothing half-written: every stored initiative has its version and that version's decision.
			code, body := again.request(t, "GET", "/api/v1/initiatives?limit=500", nil)
			var page struct {
				Items []struct {
					ID         string `json:"id"`
					Version    int    `json:"version"`
					DecisionID string `json:"decision_id"`
				} `json:"items"`
				Total int `json:"total"`
			}
			json.Unmarshal(body, &page)
			if code != 200 || page.Total < len(acked) {
				t.Fatalf("after the crash: %d, %d stored, %d acknowledged", code, page.Total, len(acked))
			}
			for _, it := range page.Items {
				if code, _ := again.request(t, "GET", "/api/v1/decisions/"+it.DecisionID, nil); it.Version != 1 || code != 200 {
					t.Errorf("%s: version %d, its decision answers %d", it.ID, it.Version, code)
				}
			}
			t.Logf("%s: %d acknowledged before SIGKILL, %d stored after restart", backend, len(acked), page.Total)
			again.stop(t)
		})
	}
}

// TestTwoInstances runs two servers on one PostgreSQL database: what one
// stores the other sees; idempotency keys and If-Match hold across both; a
// policy reload on each converges on the same revision.
func TestTwoInstances(t *testing.T) {
	gormtest.SkipUnlessConfigured(t, gormstore.BackendPostgres)
	db := gormtest.TestURL(t, gormstore.BackendPostgres)
	admin := createToken(t, db, "admin")
	policyDir := copyPolicies(t)
	variant := variants(t)
	a := startServe(t, "--database", db, "--policies", policyDir)
	b := startServe(t, "--database", db, "--policies", policyDir)
	a.token, b.token = admin, admin
	post := func(p *serverProcess, path string, body []byte, headers map[string]string) (int, []byte) {
		req, _ := http.NewRequest("POST", p.base+path, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+admin)
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var buf bytes.Buffer
		buf.ReadFrom(res.Body)
		return res.StatusCode, buf.Bytes()
	}

	t.Run("a submission through one is visible through the other", func(t *testing.T) {
		if code, body := post(a, "/api/v1/initiatives", variant("TWO-1"), nil); code != 201 {
			t.Fatalf("%d %s", code, body)
		}
		if code, _ := b.request(t, "GET", "/api/v1/initiatives/TWO-1", nil); code != 200 {
			t.Errorf("instance b: %d", code)
		}
	})
	t.Run("an idempotency key holds across instances", func(t *testing.T) {
		key := map[string]string{"Idempotency-Key": "two-instances"}
		code1, body1 := post(a, "/api/v1/initiatives", variant("TWO-2"), key)
		code2, body2 := post(b, "/api/v1/initiatives", variant("TWO-2"), key)
		if code1 != 201 || code2 != 201 || !bytes.Equal(body1, body2) {
			t.Errorf("a: %d, b: %d, same body %v", code1, code2, bytes.Equal(body1, body2))
		}
		if code, _ := post(b, "/api/v1/initiatives", variant("TWO-3"), key); code != 409 {
			t.Errorf("same key, other body: %d", code)
		}
	})
	t.Run("If-Match holds across instances", func(t *testing.T) {
		put := func(p *serverProcess) int {
			req, _ := http.NewRequest("PUT", p.base+"/api/v1/initiatives/TWO-1", bytes.NewReader(variant("TWO-1")))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+admin)
			req.Header.Set("If-Match", `"1"`)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			return res.StatusCode
		}
		if code := put(a); code != 200 {
			t.Fatalf("a: %d", code)
		}
		if code := put(b); code != 412 {
			t.Errorf("b with a stale ETag: %d", code)
		}
	})
	t.Run("a policy reload on each converges on one revision", func(t *testing.T) {
		data := filepath.Join(policyDir, "styring", "parameters", "data.json")
		raw := mustRead(t, data)
		os.WriteFile(data, bytes.Replace(raw, []byte(`"_about": "Reference`), []byte(`"_reloaded": true, "_about": "Reference`), 1), 0o644)
		revisions := map[string]bool{}
		for _, p := range []*serverProcess{a, b} {
			code, body := post(p, "/api/v1/policy/reload", nil, nil)
			var out struct {
				Revision string `json:"revision"`
				Changed  bool   `json:"changed"`
			}
			json.Unmarshal(body, &out)
			if code != 200 || !out.Changed {
				t.Fatalf("reload: %d %s", code, body)
			}
			revisions[out.Revision] = true
		}
		if len(revisions) != 1 {
			t.Errorf("the instances disagree: %v", revisions)
		}
	})
	a.stop(t)
	b.stop(t)
}

// copyPolicies writes the policy bundle into a directory the test may change.
func copyPolicies(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	if err := policies.ExportBundle(dst); err != nil {
		t.Fatal(err)
	}
	return dst
}
