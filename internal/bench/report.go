package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/baerum/styring/internal/textout"
)

// Report is every figure of a benchmark run; it is written as JSON with --json.
type Report struct {
	Command        string    `json:"command"`
	StartedAt      time.Time `json:"started_at"`
	Seconds        float64   `json:"seconds"`
	Machine        Machine   `json:"machine"`
	Loadavg        []string  `json:"loadavg"` // before the load runs and after the batch
	OPAVersion     string    `json:"opa_version"`
	Database       string    `json:"database"`
	DurationPerRun string    `json:"duration_per_run"`
	Warmup         string    `json:"warmup"`

	// RatioVsOPA is Styring's requests/s over OPA's at the highest concurrency
	// (32 connections) on the shared examples; RatioVsLimit over the limit's.
	RatioVsOPA    float64 `json:"ratio_vs_opa"`
	RatioVsLimit  float64 `json:"ratio_vs_limit"`
	P50RatioVsOPA float64 `json:"p50_ratio_vs_opa"` // Styring's p50 over OPA's, same run
	// CPURatioVsOPA is OPA's CPU time per request over Styring's, same runs: above
	// 1 Styring does a request with less CPU. It is what the ratio of requests/s
	// would be on a machine nobody else uses.
	CPURatioVsOPA   float64 `json:"cpu_ratio_vs_opa"`
	CPURatioVsLimit float64 `json:"cpu_ratio_vs_limit"`

	Inputs []InputInfo    `json:"inputs"`
	Runs   []RunFigure    `json:"runs"`
	Engine []EngineFigure `json:"engine"`
	Batch  *BatchFigure   `json:"batch,omitempty"`
	// DecisionLog is what Styring's decision log wrote and dropped over the whole run.
	DecisionLog *DecisionLogFigure `json:"decision_log,omitempty"`
	Targets     []Target           `json:"targets"`
	Notes       []string           `json:"notes,omitempty"`
}

// Machine describes where the figures were made.
type Machine struct {
	CPUs int    `json:"cpus"`
	CPU  string `json:"cpu,omitempty"`
	OS   string `json:"os"`
	Arch string `json:"arch"`
	Go   string `json:"go"`
}

// InputInfo names the documents of an input set.
type InputInfo struct {
	Name string   `json:"name"`
	Docs []string `json:"docs"`
}

// RunFigure is one measured load run of one server.
type RunFigure struct {
	Target      string  `json:"target"`
	Input       string  `json:"input"`
	Connections int     `json:"connections"`
	Requests    int     `json:"requests"`
	Errors      int     `json:"errors"`
	FirstError  string  `json:"first_error,omitempty"`
	Seconds     float64 `json:"seconds"`
	RPS         float64 `json:"rps"`
	MeanMs      float64 `json:"mean_ms"`
	P50Ms       float64 `json:"p50_ms"`
	P90Ms       float64 `json:"p90_ms"`
	P99Ms       float64 `json:"p99_ms"`
	MaxMs       float64 `json:"max_ms"`
	// CPUSeconds is what the server used during the run (user + system); per
	// request it is the figure least disturbed by other work on the machine.
	CPUSeconds       float64 `json:"cpu_seconds"`
	CPUMsPerRequest  float64 `json:"cpu_ms_per_request"`
	ClientCPUSeconds float64 `json:"client_cpu_seconds"` // the load generator's, in the same run
	RSSMB            float64 `json:"rss_mb"`             // after the run
	HWMMB            float64 `json:"hwm_mb"`             // peak resident memory of the run (of the process life when PeakOfRun is false)
	PeakOfRun        bool    `json:"hwm_of_run"`
}

// BatchFigure is the batch endpoint's throughput and the server's memory under it.
type BatchFigure struct {
	Proposals          int       `json:"proposals_per_batch"`
	Rounds             int       `json:"rounds"`
	RoundSeconds       []float64 `json:"round_seconds"`
	ProposalsPerSecond float64   `json:"proposals_per_second"`
	BodyMB             float64   `json:"body_mb"`
	CPUSeconds         float64   `json:"cpu_seconds"`
	CPUMsPerProposal   float64   `json:"cpu_ms_per_proposal"`
	// ProposalsPerCPUSecond is what one core fully given to the server would check.
	ProposalsPerCPUSecond float64 `json:"proposals_per_cpu_second"`
	RSSMB                 float64 `json:"rss_mb"`
	HWMMB                 float64 `json:"hwm_mb"`
	PeakOfRun             bool    `json:"hwm_of_run"`
}

// DecisionLogFigure counts the decisions Styring logged over the run (its metrics).
type DecisionLogFigure struct {
	Written float64 `json:"written"`
	Dropped float64 `json:"dropped"`
}

// Target is one target of the issue and whether this run met it.
type Target struct {
	Name string `json:"name"`
	Want string `json:"want"`
	Got  string `json:"got"`
	Met  bool   `json:"met"`
}

// run finds a measured run.
func (r *Report) run(target, input string, conns int) (RunFigure, bool) {
	for _, x := range r.Runs {
		if x.Target == target && x.Input == input && x.Connections == conns {
			return x, true
		}
	}
	return RunFigure{}, false
}

func (r *Report) engine(input string) (EngineFigure, bool) {
	for _, f := range r.Engine {
		if f.Input == input {
			return f, true
		}
	}
	return EngineFigure{}, false
}

// allocsPerCheck is the engine's allocations per check of an input set: the
// mean over its documents.
func (r *Report) allocsPerCheck(input string) (int64, bool) {
	for _, in := range r.Inputs {
		if in.Name != input {
			continue
		}
		var sum, n int64
		for _, d := range in.Docs {
			if f, ok := r.engine(d); ok {
				sum += f.AllocsPerOp
				n++
			}
		}
		if n == 0 {
			return 0, false
		}
		return sum / n, true
	}
	return 0, false
}

// evaluate computes the ratios and the targets from the runs.
func (r *Report) evaluate(concurrency []int) {
	top := 0
	for _, c := range concurrency {
		top = max(top, c)
	}
	s, okS := r.run(TargetStyring, InputShared, top)
	o, okO := r.run(TargetOPA, InputShared, top)
	l, okL := r.run(TargetLimit, InputShared, top)
	if okS && okO {
		r.RatioVsOPA = ratio(s.RPS, o.RPS)
		r.P50RatioVsOPA = ratio(s.P50Ms, o.P50Ms)
		r.CPURatioVsOPA = ratio(o.CPUMsPerRequest, s.CPUMsPerRequest)
		r.Targets = append(r.Targets,
			Target{fmt.Sprintf("POST /api/v1/check req/s at %d connections (shared examples) vs OPA /v1/data", top),
				fmt.Sprintf("≥ %.2f ×", targetRatioVsOPA), fmt.Sprintf("%.2f × (%.0f vs %.0f req/s; by CPU per request %.2f ×)", r.RatioVsOPA, s.RPS, o.RPS, r.CPURatioVsOPA), r.RatioVsOPA >= targetRatioVsOPA},
			Target{fmt.Sprintf("p50 at %d connections (shared examples) vs OPA", top),
				"≤ OPA's", fmt.Sprintf("%.2f ms vs %.2f ms", s.P50Ms, o.P50Ms), s.P50Ms <= o.P50Ms})
	}
	if okS && okL {
		r.RatioVsLimit = ratio(s.RPS, l.RPS)
		r.CPURatioVsLimit = ratio(l.CPUMsPerRequest, s.CPUMsPerRequest)
	}
	if f, ok := r.engine(InputLarge); ok {
		r.Targets = append(r.Targets, Target{"large proposal (400 budget lines, 100 KPIs) checked in-process",
			fmt.Sprintf("≤ %.0f ms", targetLargeMs), fmt.Sprintf("%.2f ms", f.MsPerOp), f.MsPerOp <= targetLargeMs})
	}
	if b := r.Batch; b != nil {
		r.Targets = append(r.Targets,
			Target{fmt.Sprintf("POST /api/v1/check/batch with %d proposals", b.Proposals),
				fmt.Sprintf("≥ %.0f proposals/s", targetBatchPerSecond), fmt.Sprintf("%.0f proposals/s (%.2f ms CPU a proposal: %.0f/s on %d idle cores)", b.ProposalsPerSecond, b.CPUMsPerProposal, b.ProposalsPerCPUSecond*float64(r.Machine.CPUs), r.Machine.CPUs), b.ProposalsPerSecond >= targetBatchPerSecond},
			Target{"resident memory of styring serve under the batch load (peak)",
				fmt.Sprintf("≤ %.0f MB", targetBatchMemoryMB), fmt.Sprintf("%.1f MB", b.HWMMB), b.HWMMB <= targetBatchMemoryMB})
	}
	for _, x := range r.Runs {
		if x.Errors > 0 {
			r.Notes = append(r.Notes, fmt.Sprintf("%s %s at %d connections: %d errors, the first: %s", x.Target, x.Input, x.Connections, x.Errors, x.FirstError))
		}
	}
}

// WriteJSON writes the report to a file.
func (r *Report) WriteJSON(path string) error {
	raw, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(raw, '\n'), 0o644)
}

// connections lists the concurrencies measured, in order.
func (r *Report) connections() []int {
	var out []int
	for _, x := range r.Runs {
		if x.Target == TargetStyring && x.Input == r.Runs[0].Input {
			out = append(out, x.Connections)
		}
	}
	return out
}

func (r *Report) inputLabel(in InputInfo) string {
	if in.Name == InputShared {
		return fmt.Sprintf("shared (%d mixed)", len(in.Docs))
	}
	return in.Name
}

// httpRows are the rows of the side-by-side table, one per input and concurrency.
func (r *Report) httpRows() [][]string {
	var rows [][]string
	for _, in := range r.Inputs {
		for _, c := range r.connections() {
			allocs := "-"
			if a, ok := r.allocsPerCheck(in.Name); ok {
				allocs = fmt.Sprint(a)
			}
			row := []string{r.inputLabel(in), fmt.Sprint(c), allocs}
			var rps, cpu [3]float64
			for i, t := range []string{TargetStyring, TargetOPA, TargetLimit} {
				x, ok := r.run(t, in.Name, c)
				if !ok {
					row = append(row, "-", "-", "-", "-", "-")
					continue
				}
				rps[i], cpu[i] = x.RPS, x.CPUMsPerRequest
				req := fmt.Sprintf("%.1f", x.RPS)
				if x.Errors > 0 {
					req += fmt.Sprintf(" (%d err)", x.Errors)
				}
				row = append(row, req, fmt.Sprintf("%.2f", x.P50Ms), fmt.Sprintf("%.2f", x.P99Ms), fmt.Sprintf("%.2f", x.CPUMsPerRequest), fmt.Sprintf("%.0f", x.HWMMB))
			}
			row = append(row, fmt.Sprintf("%.2f", ratio(rps[0], rps[1])), fmt.Sprintf("%.3f", ratio(rps[0], rps[2])), fmt.Sprintf("%.2f", ratio(cpu[1], cpu[0])))
			rows = append(rows, row)
		}
	}
	return rows
}

var httpHeader = []string{"input", "conns", "allocs/check",
	"styring req/s", "p50 ms", "p99 ms", "CPU ms", "MB",
	"opa req/s", "p50 ms", "p99 ms", "CPU ms", "MB",
	"limit req/s", "p50 ms", "p99 ms", "CPU ms", "MB",
	"styring/opa", "styring/limit", "CPU opa/styring"}

// WriteTable prints the report for a terminal; it returns the first write error.
func (r *Report) WriteTable(w io.Writer) error {
	p := textout.New(w)
	p.Println("Styring side-by-side benchmark")
	p.Printf("  command  %s\n", r.Command)
	p.Printf("  machine  %s\n", r.machineLine())
	p.Printf("  servers  styring serve (%s, --rate-limit -1, --log-level warn); opa %s run --server (--log-level error); limit: Gin, decode the body, fixed answer\n", r.Database, r.OPAVersion)
	p.Printf("  runs     %s each after %s warm-up, keep-alive connections, every request a distinct variant; CPU ms = server CPU time per request; MB = peak resident memory of the run\n\n", r.DurationPerRun, r.Warmup)

	tw := p.Table(0, 0, 2, ' ', tabwriter.AlignRight)
	tw.Println(strings.Join(httpHeader, "\t") + "\t")
	for _, row := range r.httpRows() {
		tw.Println(strings.Join(row, "\t") + "\t")
	}
	tw.Flush()

	p.Println("\nEngine in-process (testing.Benchmark of policies.Revision.Check)")
	tw = p.Table(0, 0, 2, ' ', tabwriter.AlignRight)
	tw.Println("document\tms/check\tallocs/check\tkB/check\titerations\t")
	for _, f := range r.Engine {
		tw.Printf("%s\t%.3f\t%d\t%.0f\t%d\t\n", f.Input, f.MsPerOp, f.AllocsPerOp, float64(f.BytesPerOp)/1024, f.N)
	}
	tw.Flush()

	if b := r.Batch; b != nil {
		p.Printf("\nBatch: POST /api/v1/check/batch, %d × %d distinct proposals (%.1f MB a body): %.0f proposals/s (rounds %s s), %.2f ms CPU a proposal, styring peak resident %.1f MB\n",
			b.Rounds, b.Proposals, b.BodyMB, b.ProposalsPerSecond, joinFloats(b.RoundSeconds, "%.2f"), b.CPUMsPerProposal, b.HWMMB)
	}
	if d := r.DecisionLog; d != nil {
		p.Printf("Decision log of styring over the run: %.0f written, %.0f dropped\n", d.Written, d.Dropped)
	}
	p.Printf("\nratio_vs_opa %.3f   ratio_vs_limit %.4f   p50 styring/opa %.2f   cpu_ratio_vs_opa %.2f   cpu_ratio_vs_limit %.4f\n",
		r.RatioVsOPA, r.RatioVsLimit, r.P50RatioVsOPA, r.CPURatioVsOPA, r.CPURatioVsLimit)
	p.Println("\nTargets")
	for _, t := range r.Targets {
		p.Printf("  %-6s %s: want %s, got %s\n", metLabel(t.Met), t.Name, t.Want, t.Got)
	}
	for _, n := range r.Notes {
		p.Printf("note: %s\n", n)
	}
	return p.Err()
}

// WriteMarkdown writes the same report as Markdown tables (docs/performance.md);
// it returns the first write error.
func (r *Report) WriteMarkdown(w io.Writer) error {
	p := textout.New(w)
	p.Printf("Command: `%s`  \nMachine: %s  \nServers: `styring serve` (%s, `--rate-limit -1`, `--log-level warn`); `opa run --server` %s (`--log-level error`); limit: Gin handler that decodes the body and answers a fixed result  \nRuns: %s each after %s warm-up, keep-alive connections, every request a distinct variant; CPU ms is the server's CPU time per request; MB is its peak resident memory during the run\n\n",
		r.Command, r.machineLine(), r.Database, r.OPAVersion, r.DurationPerRun, r.Warmup)
	p.Println("| " + strings.Join(httpHeader, " | ") + " |")
	p.Println("|" + strings.Repeat("---|", 1) + strings.Repeat("---:|", len(httpHeader)-1))
	for _, row := range r.httpRows() {
		p.Println("| " + strings.Join(row, " | ") + " |")
	}
	p.Printf("\n`ratio_vs_opa` = **%.3f**, `ratio_vs_limit` = **%.4f**, p50 Styring/OPA = %.2f; by CPU time per request `cpu_ratio_vs_opa` = %.2f, `cpu_ratio_vs_limit` = %.4f\n",
		r.RatioVsOPA, r.RatioVsLimit, r.P50RatioVsOPA, r.CPURatioVsOPA, r.CPURatioVsLimit)
	if b := r.Batch; b != nil {
		p.Printf("\nBatch: `POST /api/v1/check/batch`, %d × %d distinct proposals (%.1f MB a body): **%.0f proposals/s** (rounds %s s), %.2f ms CPU a proposal; peak resident memory of `styring serve` %.1f MB\n",
			b.Rounds, b.Proposals, b.BodyMB, b.ProposalsPerSecond, joinFloats(b.RoundSeconds, "%.2f"), b.CPUMsPerProposal, b.HWMMB)
	}
	if d := r.DecisionLog; d != nil {
		p.Printf("\nDecision log of `styring serve` over the run: %.0f written, %.0f dropped\n", d.Written, d.Dropped)
	}
	p.Println("\nEngine in-process (`testing.Benchmark` of `policies.Revision.Check`):\n\n| document | ms/check | allocs/check | kB/check | iterations |\n|---|---:|---:|---:|---:|")
	for _, f := range r.Engine {
		p.Printf("| %s | %.3f | %d | %.0f | %d |\n", f.Input, f.MsPerOp, f.AllocsPerOp, float64(f.BytesPerOp)/1024, f.N)
	}
	p.Println("\n| target | want | got | |\n|---|---|---|---|")
	for _, t := range r.Targets {
		p.Printf("| %s | %s | %s | %s |\n", t.Name, t.Want, t.Got, metLabel(t.Met))
	}
	if len(r.Notes) > 0 {
		p.Println()
		for _, n := range r.Notes {
			p.Printf("- %s\n", n)
		}
	}
	return p.Err()
}

func (r *Report) machineLine() string {
	s := fmt.Sprintf("%d CPUs", r.Machine.CPUs)
	if r.Machine.CPU != "" {
		s += " (" + r.Machine.CPU + ")"
	}
	s += fmt.Sprintf(", %s/%s, %s", r.Machine.OS, r.Machine.Arch, r.Machine.Go)
	if len(r.Loadavg) == 2 {
		s += fmt.Sprintf("; load average %s before the runs, %s after", r.Loadavg[0], r.Loadavg[1])
	}
	return s
}

func metLabel(met bool) string {
	if met {
		return "met"
	}
	return "MISSED"
}

func joinFloats(v []float64, format string) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = fmt.Sprintf(format, x)
	}
	return strings.Join(parts, ", ")
}
