package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
	"github.com/baerum/styring/policies"
)

// metricValue reads one sample of the server's /metrics (0 when absent).
func metricValue(t testing.TB, s *Server, sample string) float64 {
	t.Helper()
	rec := do(t, s, req{method: "GET", path: "/metrics"})
	wantStatus(t, rec, 200)
	sc := bufio.NewScanner(bytes.NewReader(rec.Body.Bytes()))
	for sc.Scan() {
		if name, value, ok := strings.Cut(sc.Text(), " "); ok && name == sample {
			v, err := strconv.ParseFloat(value, 64)
			if err != nil {
				t.Fatalf("%s: %v", sc.Text(), err)
			}
			return v
		}
	}
	return 0
}

// fakeDecisions is a DecisionStore in memory whose writes a test steers.
type fakeDecisions struct {
	mu       sync.Mutex
	written  map[string]models.Decision
	rejected map[string]string
	batches  []int // the size of every LogDecisions call
	down     bool  // every call is EUNAVAILABLE
	refuse   func(models.Decision) bool
	// entered, when set, is sent the size of each LogDecisions call, which
	// then waits for release.
	entered chan int
	release chan struct{}
}

func newFakeDecisions() *fakeDecisions {
	return &fakeDecisions{written: map[string]models.Decision{}, rejected: map[string]string{}}
}

func (f *fakeDecisions) LogDecisions(_ context.Context, ds []models.Decision) error {
	f.mu.Lock()
	f.batches = append(f.batches, len(ds))
	entered, release := f.entered, f.release
	f.mu.Unlock()
	if entered != nil {
		entered <- len(ds)
		<-release
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return models.Errorf(models.EUNAVAILABLE, "the database is unavailable; try again later")
	}
	for _, d := range ds {
		if f.refuse != nil && f.refuse(d) {
			return models.Errorf(models.EINVALID, "decision %s cannot be stored", d.ID)
		}
	}
	for _, d := range ds {
		f.written[d.ID] = d
	}
	return nil
}

func (f *fakeDecisions) RejectDecision(_ context.Context, d models.Decision, reason string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return models.Errorf(models.EUNAVAILABLE, "the database is unavailable; try again later")
	}
	f.rejected[d.ID] = reason
	return nil
}

func (f *fakeDecisions) GetDecision(_ context.Context, id string) (models.Decision, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if d, ok := f.written[id]; ok {
		return d, nil
	}
	return models.Decision{}, models.Errorf(models.ENOTFOUND, "decision %q not found", id)
}

func newFakeLogger(t *testing.T, f *fakeDecisions) (*DecisionLogger, *metrics) {
	t.Helper()
	m := newMetrics()
	l := NewDecisionLogger(f, 1000, slog.New(slog.DiscardHandler), m)
	t.Cleanup(func() { l.Close(context.Background()) })
	return l, m
}

func simpleDecision(id string) models.Decision {
	return models.Decision{ID: id, Kind: models.DecisionCheck, PolicyRevision: "sha256:test", AsOf: "2025-03-01", Caller: "test",
		Input: json.RawMessage(`{"initiative":{},"as_of":"2025-03-01"}`), Result: json.RawMessage(`{}`)}
}

// counterValue reads a counter of m.
func counterValue(t *testing.T, m *metrics, name string) float64 {
	t.Helper()
	families, err := m.registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() == name && len(f.GetMetric()) == 1 {
			if c := f.GetMetric()[0].GetCounter(); c != nil {
				return c.GetValue()
			}
		}
	}
	t.Fatalf("no counter %s", name)
	return 0
}

// Checks that arrive while a batch is being written are committed together in
// the next one: one commit for all of them, and each Write returns only then.
func TestDecisionLogGroupCommit(t *testing.T) {
	f := newFakeDecisions()
	f.entered, f.release = make(chan int), make(chan struct{})
	l, _ := newFakeLogger(t, f)

	errs := make(chan error, 21)
	go func() { errs <- l.Write(context.Background(), simpleDecision("first")) }()
	if n := <-f.entered; n != 1 {
		t.Fatalf("first batch has %d entries, want 1", n)
	}
	// While the first commit is under way, 20 checks wait in the queue.
	const waiting = 20
	for i := range waiting {
		go func() { errs <- l.Write(context.Background(), simpleDecision(fmt.Sprintf("next-%d", i))) }()
	}
	for deadline := time.Now().Add(10 * time.Second); len(l.queue) < waiting; runtime.Gosched() {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d writes queued", len(l.queue), waiting)
		}
	}
	select {
	case err := <-errs:
		t.Fatalf("a Write returned (%v) before its commit", err)
	default:
	}
	close(f.release)
	go func() {
		for range f.entered { // the later commits (one, normally)
		}
	}()
	for range waiting + 1 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.batches) != 2 || f.batches[1] != waiting {
		t.Errorf("commits of %v entries, want [1 %d]", f.batches, waiting)
	}
	if len(f.written) != waiting+1 {
		t.Errorf("%d written, want %d", len(f.written), waiting+1)
	}
}

// A batch the store refuses is written in halves; only the entries refused on
// their own are kept as raw text, and every Write succeeds.
func TestDecisionLogSplitsARefusedBatch(t *testing.T) {
	f := newFakeDecisions()
	f.refuse = func(d models.Decision) bool { return strings.HasPrefix(d.ID, "bad") }
	f.entered, f.release = make(chan int), make(chan struct{})
	l, m := newFakeLogger(t, f)

	// Hold the first commit so that the 200 entries after it form one batch.
	errs := make(chan error, 201)
	go func() { errs <- l.Write(context.Background(), simpleDecision("first")) }()
	<-f.entered
	var ds []models.Decision
	for i := range 200 {
		id := fmt.Sprintf("ok-%03d", i)
		if i%67 == 13 {
			id = fmt.Sprintf("bad-%03d", i)
		}
		ds = append(ds, simpleDecision(id))
	}
	go func() { errs <- l.Write(context.Background(), ds...) }()
	for deadline := time.Now().Add(10 * time.Second); len(l.queue) < 1; runtime.Gosched() {
		if time.Now().After(deadline) {
			t.Fatal("the batch was not queued")
		}
	}
	f.mu.Lock()
	f.entered = nil
	f.mu.Unlock()
	close(f.release)
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.rejected) != 3 || len(f.written) != 198 {
		t.Errorf("%d written, %d kept as raw (%v); want 198 and 3", len(f.written), len(f.rejected), f.rejected)
	}
	for id := range f.rejected {
		if !strings.HasPrefix(id, "bad") {
			t.Errorf("%s kept as raw text", id)
		}
	}
	if got := counterValue(t, m, "styring_decision_log_rejected_total"); got != 3 {
		t.Errorf("rejected_total %v, want 3", got)
	}
	if got := counterValue(t, m, "styring_decision_log_dropped_total"); got != 0 {
		t.Errorf("dropped_total %v, want 0", got)
	}
	t.Logf("200 entries with 3 refused: %d writes (%v) instead of 200 one by one", len(f.batches)-1, f.batches[1:])
}

// While the database is down, Write fails with EUNAVAILABLE (no id may be
// handed out); a queued entry is held back and written once it is up again.
func TestDecisionLogOutageHoldsQueuedEntries(t *testing.T) {
	f := newFakeDecisions()
	f.down = true
	l, m := newFakeLogger(t, f)

	if err := l.Write(context.Background(), simpleDecision("during")); models.ErrorCode(err) != models.EUNAVAILABLE {
		t.Fatalf("Write during the outage: %v, want unavailable", err)
	}
	if !l.Enqueue(simpleDecision("queued")) {
		t.Fatal("Enqueue dropped the entry")
	}
	if err := l.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	f.down = false
	f.mu.Unlock()
	if err := l.Write(context.Background(), simpleDecision("after")); err != nil {
		t.Fatalf("Write after the outage: %v", err)
	}
	f.mu.Lock()
	_, queued := f.written["queued"]
	_, during := f.written["during"]
	f.mu.Unlock()
	if !queued || during {
		t.Errorf("written: queued %v (want true), during %v (want false)", queued, during)
	}
	if got := counterValue(t, m, "styring_decision_log_dropped_total"); got != 0 {
		t.Errorf("dropped_total %v, want 0", got)
	}
	if got := counterValue(t, m, "styring_decision_log_unwritten_total"); got != 1 {
		t.Errorf("unwritten_total %v, want 1", got)
	}

	// A Write whose context ends first fails too: its id is not handed out.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := l.Write(ctx, simpleDecision("gave-up")); models.ErrorCode(err) != models.EUNAVAILABLE {
		t.Errorf("Write with an ended context: %v, want unavailable", err)
	}
}

// A queued entry still held back by an outage when the server stops is lost,
// and counted as dropped: the metric counts every loss.
func TestDecisionLogCountsEntriesLostAtShutdown(t *testing.T) {
	f := newFakeDecisions()
	f.down = true
	l, m := newFakeLogger(t, f)
	l.Enqueue(simpleDecision("queued-1"))
	l.Enqueue(simpleDecision("queued-2"))
	if err := l.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := counterValue(t, m, "styring_decision_log_dropped_total"); got != 2 {
		t.Errorf("dropped_total %v, want 2", got)
	}
	if l.Enqueue(simpleDecision("after-close")) {
		t.Error("Enqueue after Close was accepted")
	}
	if err := l.Write(context.Background(), simpleDecision("write-after-close")); models.ErrorCode(err) != models.EUNAVAILABLE {
		t.Errorf("Write after Close: %v, want unavailable", err)
	}
	if got := counterValue(t, m, "styring_decision_log_dropped_total"); got != 3 {
		t.Errorf("dropped_total %v, want 3", got)
	}
}

// poisonTitles are strings the databases refuse in a JSON value (jsonb on
// PostgreSQL; the store refuses them on SQLite too): a \u0000 escape, a raw
// 0xFF byte (invalid UTF-8) and a lone surrogate escape. They are put into the
// decision below the HTTP layer, which refuses such bodies.
var poisonTitles = []string{`Gift\u0000ig`, "Gift\xffig", `Gift\ud800ig`}

// TestDecisionLogPoison: poisoned entries mixed with 1 000 clean ones from
// concurrent goroutines lose nothing: every clean id can be looked up, and
// every poisoned one too (kept as raw text), on SQLite and PostgreSQL.
func TestDecisionLogPoison(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		// A real result, so each entry reads back as openapi.json documents it.
		res := decode[models.CheckResult](t, do(t, s, req{method: "POST", path: "/api/v1/check", body: example(t, "omstilling-valid")}))
		entry := func(title string) models.Decision {
			r := res
			r.DecisionID = policies.NewDecisionID()
			result, err := json.Marshal(r)
			if err != nil {
				t.Error(err)
			}
			input := `{"initiative":{"id":"HP2124-OSK-014","title":"` + title + `","sector":"OSK"},"as_of":"` + res.AsOf + `"}`
			return models.Decision{ID: r.DecisionID, Kind: models.DecisionCheck, InitiativeID: r.InitiativeID, PolicyRevision: r.PolicyRevision,
				AsOf: r.AsOf, Caller: "test-admin", Allowed: r.Allowed, Input: json.RawMessage(input), Result: result, CreatedAt: time.Now().UTC()}
		}

		const goroutines, cleanEach = 20, 50 // 1 000 clean entries
		type handed struct {
			d      models.Decision
			poison bool
		}
		var mu sync.Mutex
		var out []handed
		var failed []error
		var wg sync.WaitGroup
		for g := range goroutines {
			wg.Go(func() {
				for i := range cleanEach + 5 {
					var d models.Decision
					poison := i%11 == 5 && g%2 == 0 // 50 poisoned entries between the clean ones
					switch {
					case poison:
						d = entry(poisonTitles[(g+i)%len(poisonTitles)])
					case i%11 == 5:
						continue
					default:
						d = entry(fmt.Sprintf("Rent tiltak %d-%d", g, i))
					}
					var err error
					if i%5 == 0 { // some queued, as replays and refused submissions are
						if !s.decisions.Enqueue(d) {
							err = fmt.Errorf("dropped %s", d.ID)
						}
					} else {
						err = s.decisions.Write(context.Background(), d)
					}
					mu.Lock()
					if err != nil {
						failed = append(failed, err)
					} else {
						out = append(out, handed{d, poison})
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if err := s.decisions.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		for _, err := range failed {
			t.Errorf("write: %v", err)
		}

		var clean, poisoned, lost, raw int
		validated := map[string]bool{}
		for _, h := range out {
			if h.poison {
				poisoned++
			} else {
				clean++
			}
			rec := do(t, s, req{method: "GET", path: "/api/v1/decisions/" + h.d.ID})
			if rec.Code != http.StatusOK {
				lost++
				t.Errorf("decision %s (poisoned %v): %d %s", h.d.ID, h.poison, rec.Code, rec.Body)
				continue
			}
			got := decode[models.Decision](t, rec)
			if !h.poison {
				if got.StoredAs != "" || got.Raw != nil {
					t.Errorf("clean decision %s stored as %q", h.d.ID, got.StoredAs)
				}
				continue
			}
			raw++
			if got.StoredAs != models.StoredRaw || got.Raw == nil {
				t.Errorf("poisoned decision %s: stored_as %q", h.d.ID, got.StoredAs)
				continue
			}
			if input, err := base64.StdEncoding.DecodeString(got.Raw.Input); err != nil || !bytes.Equal(input, h.d.Input) {
				t.Errorf("poisoned decision %s: raw input %q (%v), want %q", h.d.ID, input, err, h.d.Input)
			}
			if title := string(h.d.Input); !validated[title[:60]] {
				validated[title[:60]] = true
				validateResponse(t, "GET", "/api/v1/decisions/:id", 200, rec.Body.Bytes())
			}
		}
		if want := goroutines * cleanEach; clean != want {
			t.Errorf("%d clean ids handed out, want %d", clean, want)
		}
		if poisoned == 0 {
			t.Fatal("no poisoned entry was written")
		}
		if got := metricValue(t, s, "styring_decision_log_rejected_total"); int(got) != poisoned {
			t.Errorf("rejected_total %v, want %d", got, poisoned)
		}
		if got := metricValue(t, s, "styring_decision_log_dropped_total"); got != 0 {
			t.Errorf("dropped_total %v, want 0", got)
		}
		commits := metricValue(t, s, "styring_decision_log_batch_size_count")
		t.Logf("%s: %d entries written by %d goroutines (%d clean, %d poisoned); %d ids handed out, %d looked up, %d lost; %d poisoned kept as raw text; %v commits",
			backend, clean+poisoned, goroutines, clean, poisoned, len(out), len(out)-lost, lost, raw, commits)
	})
}

// With the database gone, a check answers 503 with Retry-After and hands out no
// decision id: its entry could not be written.
func TestCheckAnswers503WhenTheDecisionCannotBeWritten(t *testing.T) {
	store := gormtest.OpenTestOptions(t, gormstore.BackendSQLite, gormstore.Options{QueryTimeout: time.Second})
	s := newTestServerWith(t, store, Config{StoreTimeout: 2 * time.Second})
	wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/check", body: example(t, "omstilling-valid")}), 200)
	store.Close()
	for _, r := range []struct {
		req
		route string
	}{
		{req{method: "POST", path: "/api/v1/check", body: example(t, "omstilling-valid")}, "/api/v1/check"},
		{req{method: "POST", path: "/api/v1/check/batch", body: []byte("[" + string(example(t, "omstilling-valid")) + "]")}, "/api/v1/check/batch"},
	} {
		rec := do(t, s, r.req)
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
			t.Errorf("%s: %d (Retry-After %q) %s, want 503 with Retry-After", r.path, rec.Code, rec.Header().Get("Retry-After"), rec.Body)
		}
		if strings.Contains(rec.Body.String(), "decision_id") {
			t.Errorf("%s: a decision id was handed out: %s", r.path, rec.Body)
		}
		validateResponse(t, r.method, r.route, rec.Code, rec.Body.Bytes())
	}
	if got := metricValue(t, s, "styring_decision_log_unwritten_total"); got != 2 {
		t.Errorf("unwritten_total %v, want 2", got)
	}
	if got := metricValue(t, s, "styring_decision_log_dropped_total"); got != 0 {
		t.Errorf("dropped_total %v, want 0", got)
	}
}

// cutProxy forwards TCP connections to a database until cut: then it closes
// every connection and closes new ones at once, as a database that is down
// (or a network that is cut) does, until restored.
type cutProxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	cut    bool
	conns  map[net.Conn]struct{}
}

func newCutProxy(t *testing.T, target string) *cutProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{ln: ln, target: target, conns: map[net.Conn]struct{}{}}
	t.Cleanup(func() {
		ln.Close()
		p.setCut(true)
	})
	go p.serve()
	return p
}

func (p *cutProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		cut := p.cut
		p.mu.Unlock()
		if cut {
			c.Close()
			continue
		}
		up, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		if p.cut {
			p.mu.Unlock()
			c.Close()
			up.Close()
			continue
		}
		p.conns[c], p.conns[up] = struct{}{}, struct{}{}
		p.mu.Unlock()
		go p.pipe(c, up)
		go p.pipe(up, c)
	}
}

func (p *cutProxy) pipe(dst, src net.Conn) {
	_, _ = io.Copy(dst, src)
	dst.Close()
	src.Close()
	p.mu.Lock()
	delete(p.conns, dst)
	delete(p.conns, src)
	p.mu.Unlock()
}

// setCut cuts (closing every open connection) or restores the link.
func (p *cutProxy) setCut(cut bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cut = cut
	if cut {
		for c := range p.conns {
			c.Close()
		}
		clear(p.conns)
	}
}

// lineLog keeps what a logger writes, to show when a test fails.
type lineLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lineLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buf.Len() > 1<<20 {
		return len(p), nil // enough to see why
	}
	return l.buf.Write(p)
}

func (l *lineLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Reset()
}

func (l *lineLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// outageDuration is how long TestDecisionLogPostgresOutage keeps PostgreSQL
// unreachable: a minute, as issue 11 asks; with -short a few seconds.
const (
	outageDuration      = 60 * time.Second
	outageDurationShort = 3 * time.Second
)

// TestDecisionLogPostgresOutage cuts the link to PostgreSQL for outageDuration
// while checks go on: before the outage checks succeed; during it each check
// and submission answers 503 with Retry-After (never 500, never 200 with an id
// that is later missing); after it checks succeed again, and every decision id
// handed out (before, during, after) is found.
func TestDecisionLogPostgresOutage(t *testing.T) {
	dsn := gormtest.TestURL(t, gormstore.BackendPostgres) // skips, or fails with STYRING_REQUIRE_POSTGRES, without PostgreSQL
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	p := newCutProxy(t, u.Host)
	u.Host = p.ln.Addr().String()
	ctx := context.Background()
	// Timeouts far above what a write needs, so that a loaded machine (or the
	// race detector) answers no 503 after the outage; during it the proxy
	// refuses connections at once, so they cost no waiting.
	store, err := gormstore.Open(ctx, u.String(), gormstore.Options{QueryTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	// The server's warnings after the outage are shown if the test fails.
	logs := &lineLog{}
	s := New(Config{StoreTimeout: 20 * time.Second, RateLimit: -1}, policies.NewEngine(embeddedRevision(t)), storesOf(store),
		slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelWarn})))
	t.Cleanup(func() { s.decisions.Close(context.Background()) })
	testTokens.Store(s, issueToken(t, s, "test-admin", models.RoleAdmin))
	outage := outageDuration
	if testing.Short() {
		outage = outageDurationShort
	}

	var mu sync.Mutex
	var ids []string // every decision id handed out
	statuses := map[string]map[int]int{}
	count := func(phase string, status int) {
		if statuses[phase] == nil {
			statuses[phase] = map[int]int{}
		}
		statuses[phase][status]++
	}
	check := func(phase string, i int) (int, string) {
		body := exampleWith(t, "omstilling-valid", map[string]any{"title": fmt.Sprintf("Omstilling %s %d", phase, i)})
		rec := do(t, s, req{method: "POST", path: "/api/v1/check", body: body})
		mu.Lock()
		defer mu.Unlock()
		count(phase, rec.Code)
		switch rec.Code {
		case http.StatusOK:
			var res models.CheckResult
			if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil || res.DecisionID == "" {
				t.Errorf("%s: 200 without a decision id: %s", phase, rec.Body)
			}
			ids = append(ids, res.DecisionID)
		case http.StatusServiceUnavailable:
			if rec.Header().Get("Retry-After") == "" {
				t.Errorf("%s: 503 without Retry-After", phase)
			}
			if strings.Contains(rec.Body.String(), "decision_id") {
				t.Errorf("%s: 503 with a decision id: %s", phase, rec.Body)
			}
		default:
			t.Errorf("%s: check answered %d %s, want 200 or 503", phase, rec.Code, rec.Body)
		}
		return rec.Code, rec.Body.String()
	}
	concurrently := func(n int, fn func(i int)) {
		var wg sync.WaitGroup
		for g := range n {
			wg.Go(func() { fn(g) })
		}
		wg.Wait()
	}

	// Before: concurrent checks, all answered with an id.
	concurrently(8, func(g int) {
		for i := range 25 {
			if code, body := check("before", g*100+i); code != http.StatusOK {
				t.Errorf("before the outage: %d %s", code, body)
			}
		}
	})

	// During: checks and submissions from several goroutines for the whole outage.
	p.setCut(true)
	end := time.Now().Add(outage)
	var submissions, submissions503 int
	concurrently(4, func(g int) {
		tick := time.NewTicker(10 * time.Millisecond) // a steady load, not a busy loop
		defer tick.Stop()
		for i := 0; time.Now().Before(end); i++ {
			check("during", g*1_000_000+i)
			if i%10 == 0 {
				doc := exampleWith(t, "omstilling-valid", map[string]any{"id": fmt.Sprintf("HP2124-OSK-%d", 500+g*100+i/10%100)})
				rec := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: doc})
				mu.Lock()
				submissions++
				if rec.Code == http.StatusServiceUnavailable && rec.Header().Get("Retry-After") != "" {
					submissions503++
				} else if rec.Code != http.StatusCreated {
					t.Errorf("submission during the outage: %d %s, want 503 with Retry-After", rec.Code, rec.Body)
				}
				mu.Unlock()
			}
			<-tick.C
		}
	})
	if rec := do(t, s, req{method: "GET", path: "/readyz"}); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("readyz during the outage: %d", rec.Code)
	}
	if len(ids) > 0 {
		if rec := do(t, s, req{method: "GET", path: "/api/v1/decisions/" + ids[0]}); rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
			t.Errorf("decision lookup during the outage: %d %s, want 503 with Retry-After", rec.Code, rec.Body)
		}
	}
	during503 := statuses["during"][http.StatusServiceUnavailable]
	if during503 == 0 {
		t.Error("no check answered 503 during the outage")
	}

	// After: the first checks may still meet a connection the pool kept from
	// before; within a few, checks succeed again, and then all do.
	p.setCut(false)
	logs.reset()
	defer func() {
		if t.Failed() {
			t.Logf("the server's warnings after the outage:\n%s", logs.String())
		}
	}()
	recovered := 0
	for i := range 10 {
		if code, _ := check("recovering", i); code == http.StatusOK {
			recovered = i + 1
			break
		}
	}
	if recovered == 0 {
		t.Fatal("no check succeeded after the outage")
	}
	concurrently(8, func(g int) {
		for i := range 25 {
			if code, body := check("after", g*100+i); code != http.StatusOK {
				t.Errorf("after the outage: %d %s", code, body)
			}
		}
	})

	// Every id handed out is there.
	lost := 0
	for _, id := range ids {
		rec := do(t, s, req{method: "GET", path: "/api/v1/decisions/" + id})
		if rec.Code != http.StatusOK {
			lost++
			t.Errorf("decision %s handed out but not found: %d %s", id, rec.Code, rec.Body)
		}
	}
	checks := 0
	for _, byStatus := range statuses {
		for _, n := range byStatus {
			checks += n
		}
	}
	if got := metricValue(t, s, "styring_decision_log_dropped_total"); got != 0 {
		t.Errorf("dropped_total %v, want 0", got)
	}
	t.Logf("postgres, outage of %v: %d checks (before %v, during %v, recovering %v, after %v; status: count); %d submissions during the outage, %d answered 503; %d ids handed out, %d looked up, %d lost; styring_decision_log_unwritten_total %v",
		outage, checks, statuses["before"], statuses["during"], statuses["recovering"], statuses["after"], submissions, submissions503,
		len(ids), len(ids)-lost, lost, metricValue(t, s, "styring_decision_log_unwritten_total"))
}

// BenchmarkCheckEndpointParallel is BenchmarkCheckEndpoint's POST /api/v1/check
// from concurrent clients: what group commit gives when checks wait for their
// decision-log entry.
func BenchmarkCheckEndpointParallel(b *testing.B) {
	s := newTestServerWith(b, gormtest.OpenTest(b, gormstore.BackendSQLite), Config{DecisionQueue: 1 << 20})
	token, _ := testTokens.Load(s)
	raw := example(b, "omstilling-valid")
	b.ReportAllocs()
	b.SetParallelism(8)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			r, err := http.NewRequest("POST", "/api/v1/check", bytes.NewReader(raw))
			if err != nil {
				b.Error(err)
				return
			}
			r.Header.Set("Content-Type", "application/json")
			r.Header.Set("Authorization", "Bearer "+token.(string))
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, r)
			if rec.Code != 200 {
				b.Errorf("%d %s", rec.Code, rec.Body)
				return
			}
		}
	})
}
