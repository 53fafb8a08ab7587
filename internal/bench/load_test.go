package bench

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// countingServer is an httptest server that records what the load generator sent:
// the bodies, the largest number of requests in flight, and the connections opened.
type countingServer struct {
	*httptest.Server
	mu          sync.Mutex
	bodies      map[string]int
	inFlight    atomic.Int32
	maxInFlight atomic.Int32
	conns       atomic.Int32
	fail        func(body string) bool
}

func newCountingServer(t *testing.T, fail func(body string) bool) *countingServer {
	t.Helper()
	s := &countingServer{bodies: map[string]int{}, fail: fail}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := s.inFlight.Add(1)
		defer s.inFlight.Add(-1)
		for {
			m := s.maxInFlight.Load()
			if n <= m || s.maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		raw, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.bodies[string(raw)]++
		s.mu.Unlock()
		if r.Header.Get("Authorization") != "Bearer secret" || r.Header.Get("Content-Type") != "application/json" {
			http.Error(w, "missing headers", http.StatusUnauthorized)
			return
		}
		if s.fail != nil && s.fail(string(raw)) {
			http.Error(w, "refused", http.StatusInternalServerError)
			return
		}
		io.WriteString(w, `{"ok":true}`)
	}))
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func numberedBody(i int) []byte { return []byte(`{"n":` + strconv.Itoa(i) + `}`) }

func request(url string) Request {
	return Request{URL: url, Header: http.Header{"Authorization": {"Bearer secret"}}, Body: numberedBody}
}

func TestRunLoad(t *testing.T) {
	t.Run("sends exactly the request count, each body distinct, on at most one connection per worker", func(t *testing.T) {
		srv := newCountingServer(t, nil)
		res, err := RunLoad(context.Background(), request(srv.URL), LoadOptions{Concurrency: 4, Duration: time.Minute, MaxRequests: 300, Offset: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if res.Sent != 300 || len(res.Latencies) != 300 || res.Errors != 0 {
			t.Fatalf("sent %d, %d latencies, %d errors (%s); want 300, 300, 0", res.Sent, len(res.Latencies), res.Errors, res.FirstError)
		}
		if len(srv.bodies) != 300 {
			t.Errorf("server saw %d distinct bodies, want 300", len(srv.bodies))
		}
		if srv.bodies[`{"n":1000}`] != 1 || srv.bodies[`{"n":1299}`] != 1 || srv.bodies[`{"n":999}`] != 0 {
			t.Errorf("bodies are not numbered from the offset 1000 to 1299")
		}
		if got := srv.maxInFlight.Load(); got > 4 {
			t.Errorf("%d requests in flight at once, want at most the concurrency 4", got)
		}
		if got := srv.conns.Load(); got > 4 {
			t.Errorf("%d connections opened, want at most 4 (keep-alive)", got)
		}
		for _, l := range res.Latencies {
			if l <= 0 {
				t.Fatalf("a latency of %v", l)
			}
		}
	})
	t.Run("counts non-2xx answers as errors and keeps going", func(t *testing.T) {
		srv := newCountingServer(t, func(body string) bool { return strings.HasSuffix(body, "0}") })
		res, err := RunLoad(context.Background(), request(srv.URL), LoadOptions{Concurrency: 2, Duration: time.Minute, MaxRequests: 100})
		if err != nil {
			t.Fatal(err)
		}
		if res.Errors != 10 || len(res.Latencies) != 90 {
			t.Errorf("%d errors and %d successes, want 10 and 90", res.Errors, len(res.Latencies))
		}
		if !strings.Contains(res.FirstError, "500") || !strings.Contains(res.FirstError, "refused") {
			t.Errorf("first error %q does not show the status and body", res.FirstError)
		}
	})
	t.Run("stops at the duration when no count is given", func(t *testing.T) {
		srv := newCountingServer(t, nil)
		res, err := RunLoad(context.Background(), request(srv.URL), LoadOptions{Concurrency: 2, Duration: 100 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if res.Sent == 0 || res.Elapsed < 100*time.Millisecond {
			t.Errorf("sent %d in %v; want some requests over at least the 100ms duration", res.Sent, res.Elapsed)
		}
	})
	t.Run("a cancelled context ends the run without counting errors", func(t *testing.T) {
		srv := newCountingServer(t, nil)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		res, err := RunLoad(ctx, request(srv.URL), LoadOptions{Concurrency: 2, Duration: time.Minute})
		if err == nil || res.Errors != 0 {
			t.Errorf("err %v, %d errors; want the context error and none counted", err, res.Errors)
		}
	})
	t.Run("refuses what would not end or is not loopback", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			url  string
			opts LoadOptions
		}{
			{"no bound", "http://127.0.0.1:1/", LoadOptions{Concurrency: 1}},
			{"no worker", "http://127.0.0.1:1/", LoadOptions{Duration: time.Second}},
			{"another host", "http://192.0.2.1:80/", LoadOptions{Concurrency: 1, Duration: time.Second}},
			{"a host name", "http://example.com/", LoadOptions{Concurrency: 1, Duration: time.Second}},
		} {
			if _, err := RunLoad(context.Background(), request(tc.url), tc.opts); err == nil {
				t.Errorf("%s: RunLoad accepted %s %+v", tc.name, tc.url, tc.opts)
			}
		}
	})
}

func TestSummaryOfALoadRun(t *testing.T) {
	srv := newCountingServer(t, nil)
	res, err := RunLoad(context.Background(), request(srv.URL), LoadOptions{Concurrency: 3, Duration: time.Minute, MaxRequests: 50})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Summary()
	if s.Requests != 50 || s.RPS <= 0 || s.P50 <= 0 || s.P50 > s.P99 || s.P99 > s.Max {
		t.Errorf("summary %+v is not ordered p50 ≤ p99 ≤ max over 50 requests", s)
	}
}
