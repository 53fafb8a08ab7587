package bench

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func sampleReport() *Report {
	r := &Report{
		Inputs: []InputInfo{{Name: InputShared, Docs: []string{"a", "b"}}, {Name: InputLarge, Docs: []string{InputLarge}}},
		Engine: []EngineFigure{{Input: "a", AllocsPerOp: 100, MsPerOp: 1}, {Input: "b", AllocsPerOp: 300, MsPerOp: 2}, {Input: InputLarge, AllocsPerOp: 9000, MsPerOp: 4.5}},
		Batch:  &BatchFigure{Proposals: 1000, Rounds: 1, RoundSeconds: []float64{0.5}, ProposalsPerSecond: 2000, HWMMB: 90},
	}
	for _, in := range []string{InputShared, InputLarge} {
		for _, c := range []int{1, 32} {
			r.Runs = append(r.Runs,
				RunFigure{Target: TargetStyring, Input: in, Connections: c, RPS: 300, P50Ms: 2, CPUMsPerRequest: 5},
				RunFigure{Target: TargetOPA, Input: in, Connections: c, RPS: 150, P50Ms: 3, CPUMsPerRequest: 12.5},
				RunFigure{Target: TargetLimit, Input: in, Connections: c, RPS: 6000, P50Ms: 0.2, CPUMsPerRequest: 0.25})
		}
	}
	r.evaluate([]int{1, 32})
	return r
}

func TestReportEvaluate(t *testing.T) {
	r := sampleReport()
	if r.RatioVsOPA != 2 || r.RatioVsLimit != 0.05 || r.P50RatioVsOPA != 2.0/3 {
		t.Errorf("ratios %g %g %g, want 2, 0.05, 0.667", r.RatioVsOPA, r.RatioVsLimit, r.P50RatioVsOPA)
	}
	if r.CPURatioVsOPA != 2.5 || r.CPURatioVsLimit != 0.05 {
		t.Errorf("CPU ratios %g %g, want OPA's 12.5 ms over Styring's 5 ms = 2.5, and 0.05", r.CPURatioVsOPA, r.CPURatioVsLimit)
	}
	want := []struct {
		name string // a part of the target's name
		met  bool
	}{
		{"req/s at 32 connections", true}, // 2 × OPA ≥ 1.5
		{"p50 at 32", true},               // 2 ms ≤ 3 ms
		{"large proposal", true},          // 4.5 ms ≤ 5 ms
		{"/check/batch", false},           // 2000/s < 3000/s
		{"resident memory", true},         // 90 MB ≤ 100 MB
	}
	if len(r.Targets) != len(want) {
		t.Fatalf("%d targets, want %d: %+v", len(r.Targets), len(want), r.Targets)
	}
	for i, w := range want {
		if tg := r.Targets[i]; !strings.Contains(tg.Name, w.name) || tg.Met != w.met {
			t.Errorf("target %d = %+v, want %q met=%v", i, tg, w.name, w.met)
		}
	}
	if a, _ := r.allocsPerCheck(InputShared); a != 200 {
		t.Errorf("allocs per check of the shared set = %d, want the mean 200", a)
	}
}

func TestReportOutputs(t *testing.T) {
	r := sampleReport()
	path := filepath.Join(t.TempDir(), "bench.json")
	if err := r.WriteJSON(path); err != nil {
		t.Fatal(err)
	}
	var top map[string]any
	raw, _ := os.ReadFile(path)
	if err := json.Unmarshal(raw, &top); err != nil {
		t.Fatal(err)
	}
	if top["ratio_vs_opa"] != 2.0 || top["ratio_vs_limit"] != 0.05 {
		t.Errorf("top-level ratio_vs_opa %v, ratio_vs_limit %v", top["ratio_vs_opa"], top["ratio_vs_limit"])
	}
	var table, md bytes.Buffer
	r.WriteTable(&table)
	r.WriteMarkdown(&md)
	for name, out := range map[string]string{"table": table.String(), "markdown": md.String()} {
		for _, want := range []string{"shared (2 mixed)", "300.0", "150.0", "6000.0", "2.00", "MISSED", "met"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q:\n%s", name, want, out)
			}
		}
	}
	if !strings.Contains(md.String(), "| shared (2 mixed) | 32 | 200 | 300.0 |") {
		t.Errorf("markdown row of the shared set at 32 connections missing:\n%s", md.String())
	}
}
