// Package bench is Styring's side-by-side benchmark: it builds the OPA command of
// the version Styring uses and Styring itself, starts `opa run --server` with
// Styring's policies, `styring serve`, and a Gin handler that only decodes the
// body (the limit of the machine), drives each with the same distinct proposals at
// the same concurrency over loopback, and reports requests/s, latencies,
// resident memory, the engine's allocations and the ratios between them.
package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/baerum/styring/internal/sample"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// Config is what one benchmark run does; the flags of cmd/styring-bench fill it.
type Config struct {
	Repo        string        // root of the Styring module
	Examples    string        // the shared examples directory
	Database    string        // a postgres:// URL, or "" for a SQLite file of the run's own
	Duration    time.Duration // of each measured load run
	Warmup      time.Duration // of the unmeasured run before each
	MaxRequests int           // per load run (0: only the duration bounds it)
	Concurrency []int         // connections, e.g. 1, 8, 32
	BatchSize   int           // proposals in one batch request
	BatchRounds int           // batch requests, one after the other
	EngineTime  time.Duration // testing.Benchmark's time per document
	Command     string        // the command line, for the report
	Log         io.Writer     // progress
	Keep        bool          // keep the work directory (binaries, logs)
}

// Targets of the issue, on the 2-core machine.
const (
	targetRatioVsOPA     = 1.5
	targetLargeMs        = 5.0
	targetBatchPerSecond = 3000.0
	targetBatchMemoryMB  = 100.0
)

// Names of the servers measured.
const (
	TargetStyring = "styring"
	TargetOPA     = "opa"
	TargetLimit   = "limit"
)

// Names of the input sets.
const (
	InputShared = "shared"
	InputMany   = "many-violations"
	InputLarge  = "large"
)

// target is a started server and how it is asked.
type target struct {
	name string
	proc *Process
	req  func(set InputSet) Request
}

// Run runs the whole benchmark and returns its report. It stops every process
// it started before it returns, also when ctx ends (Ctrl-C).
func Run(ctx context.Context, cfg Config) (rep *Report, err error) {
	log := cfg.Log
	if log == nil {
		log = io.Discard
	}
	started := time.Now()
	rep = &Report{
		Command: cfg.Command, StartedAt: started.UTC(), Machine: machine(),
		DurationPerRun: cfg.Duration.String(), Warmup: cfg.Warmup.String(),
	}
	work, err := os.MkdirTemp("", "styring-bench-")
	if err != nil {
		return nil, err
	}
	if cfg.Keep {
		progress(log, "work directory (kept): %s\n", work)
	} else {
		defer func() {
			if err := os.RemoveAll(work); err != nil {
				progress(log, "could not remove the work directory: %v\n", err)
			}
		}()
	}

	// Inputs, and the in-process revision of the same policy files the servers load.
	policyDir := filepath.Join(cfg.Repo, "policies", "bundle")
	progress(log, "loading policies from %s\n", policyDir)
	rev, err := policies.Load(ctx, policies.Source{Location: policyDir})
	if err != nil {
		return nil, err
	}
	sets, engineDocs, excluded, err := loadInputs(ctx, cfg.Examples, rev, time.Now())
	if err != nil {
		return nil, err
	}
	for _, s := range sets {
		info := InputInfo{Name: s.Name}
		for _, d := range s.Docs {
			info.Docs = append(info.Docs, d.Name)
		}
		rep.Inputs = append(rep.Inputs, info)
	}
	if len(excluded) > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("left out of the HTTP runs as the schema rejects them (Styring answers DAT-001 only; OPA is given no schema errors): %s", strings.Join(excluded, ", ")))
	}

	// Two compiled binaries.
	progress(log, "building opa (the module version in go.mod), styring and styring-bench\n")
	bin := filepath.Join(work, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return nil, err
	}
	var opaBin, styringBin, benchBin string
	var opaErr, styringErr error
	var builds sync.WaitGroup
	builds.Go(func() { opaBin, opaErr = BuildOPA(ctx, cfg.Repo, bin, log) })
	builds.Go(func() { styringBin, benchBin, styringErr = BuildStyring(ctx, cfg.Repo, bin) })
	builds.Wait()
	if err := errors.Join(opaErr, styringErr); err != nil {
		return nil, err
	}
	if rep.OPAVersion, err = BinaryVersion(ctx, opaBin); err != nil {
		return nil, err
	}
	progress(log, "  opa version %s\n", rep.OPAVersion)

	// The engine alone, before any server takes CPU.
	progress(log, "engine: testing.Benchmark of Revision.Check, %v a document\n", cfg.EngineTime)
	if rep.Engine, err = BenchmarkEngine(ctx, rev, engineDocs, cfg.EngineTime); err != nil {
		return nil, err
	}
	for _, f := range rep.Engine {
		progress(log, "  %-40s %9.2f ms %8d allocs/op\n", f.Input, f.MsPerOp, f.AllocsPerOp)
	}

	// The database and the token.
	db := filepath.Join(work, "styring.db")
	rep.Database = "sqlite"
	if IsPostgresURL(cfg.Database) {
		url, drop, err := PostgresSchema(ctx, cfg.Database)
		if err != nil {
			return nil, err
		}
		defer func() {
			if derr := drop(); derr != nil && err == nil {
				err = derr
			}
		}()
		db, rep.Database = url, "postgres"
		rep.Notes = append(rep.Notes, "PostgreSQL: a schema of the benchmark's own, dropped at the end")
	}
	token, err := createToken(ctx, styringBin, db, cfg.Repo)
	if err != nil {
		return nil, err
	}

	// The three servers, stopped whatever happens.
	var group Group
	defer group.StopAll(15 * time.Second)
	opaAddr, err := FreePort()
	if err != nil {
		return nil, err
	}
	progress(log, "starting styring serve, opa run --server and the limit\n")
	styring, err := Start(ctx, TargetStyring, styringBin,
		[]string{"serve", "--addr", "127.0.0.1:0", "--database", db, "--rate-limit", "-1", "--log-level", "warn", "--policies", policyDir},
		StartOptions{Dir: cfg.Repo, LogDir: work, AddrPattern: listeningLine, HealthPath: "/api/v1/healthz"})
	if err != nil {
		return nil, err
	}
	group.Add(styring)
	opa, err := Start(ctx, TargetOPA, opaBin,
		[]string{"run", "--server", "--addr", opaAddr, "--log-level", "error", policyDir},
		StartOptions{Dir: cfg.Repo, LogDir: work, Addr: opaAddr, HealthPath: "/health"})
	if err != nil {
		return nil, err
	}
	group.Add(opa)
	limit, err := StartLimit(ctx, benchBin, cfg.Repo, work)
	if err != nil {
		return nil, err
	}
	group.Add(limit)

	auth := http.Header{"Authorization": {"Bearer " + token}}
	targets := []target{
		{TargetStyring, styring, func(s InputSet) Request {
			return Request{URL: "http://" + styring.Addr + "/api/v1/check", Header: auth, Body: s.Body}
		}},
		{TargetOPA, opa, func(s InputSet) Request {
			return Request{URL: "http://" + opa.Addr + "/v1/data/styring/main/violations", Body: s.OPABody}
		}},
		{TargetLimit, limit, func(s InputSet) Request {
			return Request{URL: "http://" + limit.Addr + "/api/v1/check", Body: s.Body}
		}},
	}

	// Same answers before any timing.
	progress(log, "checking that styring and opa find the same rule ids for every input\n")
	for _, s := range sets {
		for j, d := range s.Docs {
			if err := sameRuleIDs(ctx, targets[0].req(s).URL, auth, d.Body(j), targets[1].req(s).URL, d.OPABody(j)); err != nil {
				return nil, fmt.Errorf("%s: %w", d.Name, err)
			}
		}
	}
	agreed := 0
	for _, s := range sets {
		agreed += len(s.Docs)
	}
	progress(log, "  they agree on all %d documents\n", agreed)
	rep.Loadavg = append(rep.Loadavg, loadavg())

	// The load runs, targets interleaved so that noise on the machine falls on all three alike.
	total := len(sets) * len(cfg.Concurrency) * len(targets)
	counter, n := 1_000_000, 0
	for _, s := range sets {
		for _, c := range cfg.Concurrency {
			for _, t := range targets {
				n++
				run, err := measure(ctx, t, s, c, cfg, &counter)
				if err != nil {
					return nil, err
				}
				rep.Runs = append(rep.Runs, run)
				progress(log, "%5.0fs [%2d/%d] %-8s %-16s c=%-3d %9.1f req/s  p50 %8.2f ms  p99 %8.2f ms  %6.1f MB  errors %d\n",
					time.Since(started).Seconds(), n, total, t.name, s.Name, c, run.RPS, run.P50Ms, run.P99Ms, run.HWMMB, run.Errors)
				if run.Errors > 0 {
					progress(log, "         first error: %s\n", run.FirstError)
				}
			}
		}
	}

	// The batch endpoint.
	if cfg.BatchRounds > 0 {
		progress(log, "batch: %d × POST /api/v1/check/batch with %d proposals\n", cfg.BatchRounds, cfg.BatchSize)
		if rep.Batch, err = runBatch(ctx, "http://"+styring.Addr+"/api/v1/check/batch", auth, sets[0], cfg, styring, &counter); err != nil {
			return nil, err
		}
		progress(log, "  %.0f proposals/s, peak resident %.1f MB\n", rep.Batch.ProposalsPerSecond, rep.Batch.HWMMB)
	}
	if written, dropped, err := decisionLogCounts(ctx, "http://"+styring.Addr+"/metrics"); err == nil {
		rep.DecisionLog = &DecisionLogFigure{Written: written, Dropped: dropped}
		if dropped > 0 {
			rep.Notes = append(rep.Notes, fmt.Sprintf("styring dropped %.0f decision-log entries (queue full) and wrote %.0f: it did less work than a full log", dropped, written))
		}
	}
	rep.Loadavg = append(rep.Loadavg, loadavg())
	rep.Seconds = time.Since(started).Seconds()
	rep.evaluate(cfg.Concurrency)
	return rep, nil
}

// loadInputs reads the input sets: the shared examples the schema accepts, the
// one with many violations and the large one; and every document for the engine
// benchmark, with the names of the examples left out of the HTTP runs.
func loadInputs(ctx context.Context, dir string, rev *policies.Revision, now time.Time) (sets []InputSet, engine []*Doc, excluded []string, err error) {
	raws, names, err := sample.Examples(dir)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("shared examples: %w", err)
	}
	if len(names) == 0 {
		return nil, nil, nil, fmt.Errorf("no shared examples in %s", dir)
	}
	shared := InputSet{Name: InputShared}
	for _, name := range names {
		d, err := NewDoc(name, raws[name], now)
		if err != nil {
			return nil, nil, nil, err
		}
		engine = append(engine, d)
		res, err := rev.Check(ctx, d.Map, policies.CheckOptions{})
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		if slices.ContainsFunc(res.Violations, func(v models.Violation) bool { return v.RuleID == "DAT-001" }) {
			excluded = append(excluded, name)
			continue
		}
		shared.Docs = append(shared.Docs, d)
	}
	many, err := NewMapDoc(InputMany, sample.ManyViolations(), now)
	if err != nil {
		return nil, nil, nil, err
	}
	large, err := NewMapDoc(InputLarge, sample.Large(), now)
	if err != nil {
		return nil, nil, nil, err
	}
	engine = append(engine, many, large)
	sets = []InputSet{shared, {Name: InputMany, Docs: []*Doc{many}}, {Name: InputLarge, Docs: []*Doc{large}}}
	return sets, engine, excluded, nil
}

// createToken makes an admin token with `styring token create` (it may call
// every route, batch included); the secret is the last line of its output.
func createToken(ctx context.Context, bin, db, dir string) (string, error) {
	cmd := exec.CommandContext(ctx, bin, "token", "create", "--database", db, "--role", "admin", "--name", "bench")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("styring token create: %w\n%s", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	token := strings.TrimSpace(lines[len(lines)-1])
	if token == "" || strings.Contains(token, " ") {
		return "", fmt.Errorf("styring token create printed no token:\n%s", out)
	}
	return token, nil
}

// measure warms a target up, runs the measured load and reads the server's memory.
func measure(ctx context.Context, t target, s InputSet, conns int, cfg Config, counter *int) (RunFigure, error) {
	req := t.req(s)
	if cfg.Warmup > 0 {
		res, err := RunLoad(ctx, req, LoadOptions{Concurrency: conns, Duration: cfg.Warmup, MaxRequests: cfg.MaxRequests, Offset: *counter})
		if err != nil {
			return RunFigure{}, err
		}
		*counter += res.Sent
	}
	peakReset := t.proc.ResetPeak() == nil
	cpuBefore, err := t.proc.CPUTime()
	if err != nil {
		return RunFigure{}, err
	}
	clientBefore := selfCPU()
	res, err := RunLoad(ctx, req, LoadOptions{Concurrency: conns, Duration: cfg.Duration, MaxRequests: cfg.MaxRequests, Offset: *counter})
	if err != nil {
		return RunFigure{}, err
	}
	clientCPU := selfCPU() - clientBefore
	*counter += res.Sent
	if err := t.proc.Alive(); err != nil {
		return RunFigure{}, err
	}
	cpuAfter, err := t.proc.CPUTime()
	if err != nil {
		return RunFigure{}, err
	}
	mem, err := t.proc.Memory()
	if err != nil {
		return RunFigure{}, err
	}
	sum := res.Summary()
	cpu := cpuAfter - cpuBefore
	run := RunFigure{
		Target: t.name, Input: s.Name, Connections: conns,
		Requests: sum.Requests, Errors: sum.Errors, FirstError: res.FirstError, Seconds: sum.Elapsed.Seconds(), RPS: sum.RPS,
		MeanMs: msOf(sum.Mean), P50Ms: msOf(sum.P50), P90Ms: msOf(sum.P90), P99Ms: msOf(sum.P99), MaxMs: msOf(sum.Max),
		CPUSeconds: cpu.Seconds(), ClientCPUSeconds: clientCPU.Seconds(),
		RSSMB: mbOf(mem.RSS), HWMMB: mbOf(mem.HWM), PeakOfRun: peakReset,
	}
	if res.Sent > 0 {
		run.CPUMsPerRequest = cpu.Seconds() * 1000 / float64(res.Sent)
	}
	return run, nil
}

// selfCPU is the CPU time the benchmark process (the load generator) has used.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// runBatch posts BatchRounds batches of distinct proposals one after the other.
func runBatch(ctx context.Context, url string, auth http.Header, set InputSet, cfg Config, proc *Process, counter *int) (*BatchFigure, error) {
	client := &http.Client{Timeout: 5 * time.Minute, Transport: &http.Transport{Proxy: nil}}
	defer client.CloseIdleConnections()
	fig := &BatchFigure{Proposals: cfg.BatchSize, Rounds: cfg.BatchRounds}
	fig.PeakOfRun = proc.ResetPeak() == nil
	cpuBefore, err := proc.CPUTime()
	if err != nil {
		return nil, err
	}
	var total time.Duration
	for range cfg.BatchRounds {
		body := set.BatchBody(*counter, cfg.BatchSize)
		*counter += cfg.BatchSize
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		for k, v := range auth {
			req.Header[k] = v
		}
		req.Header.Set("Content-Type", "application/json")
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return nil, fmt.Errorf("batch: %w", err)
		}
		raw, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		took := time.Since(start)
		if err != nil {
			return nil, fmt.Errorf("batch: %w", err)
		}
		var out struct {
			Summary struct{ Items, Errors int } `json:"summary"`
		}
		if resp.StatusCode != http.StatusOK || json.Unmarshal(raw, &out) != nil || out.Summary.Items != cfg.BatchSize || out.Summary.Errors != 0 {
			return nil, fmt.Errorf("batch: %s, summary %+v: %.300s", resp.Status, out.Summary, raw)
		}
		total += took
		fig.RoundSeconds = append(fig.RoundSeconds, took.Seconds())
		fig.BodyMB = mbOf(uint64(len(body)))
	}
	mem, err := proc.Memory()
	if err != nil {
		return nil, err
	}
	cpuAfter, err := proc.CPUTime()
	if err != nil {
		return nil, err
	}
	proposals := float64(cfg.BatchSize * cfg.BatchRounds)
	fig.ProposalsPerSecond = proposals / total.Seconds()
	fig.CPUSeconds = (cpuAfter - cpuBefore).Seconds()
	fig.CPUMsPerProposal = fig.CPUSeconds * 1000 / proposals
	if fig.CPUMsPerProposal > 0 {
		fig.ProposalsPerCPUSecond = 1000 / fig.CPUMsPerProposal
	}
	fig.RSSMB, fig.HWMMB = mbOf(mem.RSS), mbOf(mem.HWM)
	return fig, nil
}

// sameRuleIDs checks one document on both servers and fails unless they find
// the same set of rule ids: the comparison is only fair on the same answers.
func sameRuleIDs(ctx context.Context, styringURL string, auth http.Header, body []byte, opaURL string, opaBody []byte) error {
	var s struct {
		Violations []struct {
			RuleID string `json:"rule_id"`
		} `json:"violations"`
	}
	if err := postJSON(ctx, styringURL, auth, body, &s); err != nil {
		return fmt.Errorf("styring: %w", err)
	}
	var o struct {
		Result []struct {
			RuleID string `json:"rule_id"`
		} `json:"result"`
	}
	if err := postJSON(ctx, opaURL, nil, opaBody, &o); err != nil {
		return fmt.Errorf("opa: %w", err)
	}
	var sIDs, oIDs []string
	for _, v := range s.Violations {
		sIDs = append(sIDs, v.RuleID)
	}
	for _, v := range o.Result {
		oIDs = append(oIDs, v.RuleID)
	}
	slices.Sort(sIDs)
	slices.Sort(oIDs)
	sIDs, oIDs = slices.Compact(sIDs), slices.Compact(oIDs)
	if !slices.Equal(sIDs, oIDs) {
		return fmt.Errorf("styring and opa disagree, so the comparison would not be fair:\n  styring %v\n  opa     %v", sIDs, oIDs)
	}
	return nil
}

func postJSON(ctx context.Context, url string, header http.Header, body []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{Proxy: nil}}
	defer client.CloseIdleConnections()
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %.300s", resp.Status, raw)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("answer is not the expected JSON: %w", err)
	}
	return nil
}

// progress writes a line of the run's progress log (Config.Log). The log is for
// the person watching the run: a failed write to it must neither stop nor fail
// the benchmark, so its error is dropped here on purpose.
func progress(log io.Writer, format string, a ...any) {
	_, _ = fmt.Fprintf(log, format, a...)
}

func machine() Machine {
	m := Machine{CPUs: runtime.NumCPU(), OS: runtime.GOOS, Arch: runtime.GOARCH, Go: runtime.Version()}
	if raw, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(raw), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	return m
}

// loadavg is the first three fields of /proc/loadavg: how busy the machine was
// with work other than ours, as far as one can tell.
func loadavg() string {
	raw, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(raw))
	return strings.Join(f[:min(3, len(f))], " ")
}

func msOf(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
func mbOf(b uint64) float64        { return float64(b) / (1 << 20) }

// decisionLogCounts reads from Styring's metrics how many decisions the log
// wrote and dropped: a server that drops its log does less work than it should.
func decisionLogCounts(ctx context.Context, url string) (written, dropped float64, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, 0, err
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{Proxy: nil}}
	defer client.CloseIdleConnections()
	resp, err := client.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, 0, err
	}
	for line := range strings.SplitSeq(string(raw), "\n") {
		name, value, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		var dst *float64
		switch name {
		case "styring_decision_log_written_total":
			dst = &written
		case "styring_decision_log_dropped_total":
			dst = &dropped
		default:
			continue
		}
		if _, err := fmt.Sscan(value, dst); err != nil {
			return 0, 0, fmt.Errorf("metric %s: %w", name, err)
		}
	}
	return written, dropped, nil
}
