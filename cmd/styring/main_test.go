package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var (
	binary   string
	examples = filepath.Join("..", "..", "testdata", "examples") // the contract's examples
)

// TestMain builds the binary once, so the CLI is tested as the process users run.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "styring-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "styring")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type cliRun struct {
	code           int
	stdout, stderr string
}

func styring(t *testing.T, stdin string, args ...string) cliRun {
	t.Helper()
	// A command that hangs is killed, so the test fails instead of waiting for go test's timeout.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return cliRun{code, out.String(), errb.String()}
}

func example(name string) string { return filepath.Join(examples, name+".json") }

// writeVariant writes a changed copy of a shared example into the test's temp dir.
func writeVariant(t *testing.T, name string, change func(map[string]any)) string {
	t.Helper()
	raw, err := os.ReadFile(example(name))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	change(doc)
	out, _ := json.MarshalIndent(doc, "", "  ")
	path := filepath.Join(t.TempDir(), name+"-variant.json")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckExitCodes(t *testing.T) {
	onlyWarning := writeVariant(t, "omstilling-valid", func(d map[string]any) { delete(d, "kommuneplan_ref") }) // STR-003 warning
	badJSON := filepath.Join(t.TempDir(), "broken.json")
	os.WriteFile(badJSON, []byte("{\n  \"title\": \"x\",\n  \"type\": omstilling\n}\n"), 0o644)
	cases := []struct {
		name     string
		args     []string
		code     int
		inStdout []string
		inStderr []string
	}{
		{"valid file exits 0", []string{"check", example("omstilling-valid")}, 0, []string{"omstilling-valid.json: tillatt", "0 feil"}, nil},
		{"file with an error exits 1", []string{"check", example("digital-wcag-20")}, 1, []string{"IKKE TILLATT", "UU-001", "/ict_solution", "Hjemmel:"}, nil},
		{"a warning alone exits 0", []string{"check", onlyWarning}, 0, []string{"STR-003", "ADVARSEL"}, nil},
		{"a warning with --fail-on-warn exits 1", []string{"check", "--fail-on-warn", onlyWarning}, 1, []string{"STR-003"}, nil},
		{"flags after files are read", []string{"check", onlyWarning, "--fail-on-warn", "--lang", "en"}, 1, []string{"WARNING", "allowed"}, nil},
		{"invalid JSON exits 2 naming file, line and column", []string{"check", badJSON}, 2, nil, []string{"broken.json", "line 3, column 11"}},
		{"missing file exits 2", []string{"check", "does-not-exist.json"}, 2, nil, []string{"does-not-exist.json", "no such file"}},
		{"a bad file among good ones still exits 2", []string{"check", example("omstilling-valid"), badJSON}, 2, []string{"omstilling-valid.json: tillatt"}, []string{"broken.json"}},
		{"no file is a usage error", []string{"check"}, 2, nil, []string{"no file given"}},
		{"unknown format is a usage error", []string{"check", "--format", "xml", example("omstilling-valid")}, 2, nil, []string{"--format"}},
		{"bad as-of is a usage error", []string{"check", "--as-of", "2021-13-45", example("omstilling-valid")}, 2, nil, []string{"--as-of"}},
		{"bad lang is a usage error", []string{"check", "--lang", "de", example("omstilling-valid")}, 2, nil, []string{"--lang"}},
		{"unknown flag is a usage error", []string{"check", "--nope", example("omstilling-valid")}, 2, nil, []string{"nope"}},
		{"schema errors are reported as DAT-001", []string{"check", example("schema-invalid")}, 1, []string{"DAT-001", "/sector", "er ikke en gyldig sektor"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := styring(t, "", c.args...)
			if r.code != c.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, c.code, r.stdout, r.stderr)
			}
			for _, s := range c.inStdout {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, r.stdout)
				}
			}
			for _, s := range c.inStderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
				}
			}
		})
	}
}

func TestCheckStdin(t *testing.T) {
	raw, _ := os.ReadFile(example("digital-dpia-not-approved"))
	r := styring(t, string(raw), "check", "--format", "json", "-")
	if r.code != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, `"file": "-"`) || !strings.Contains(r.stdout, "PRV-002") {
		t.Errorf("stdin result missing:\n%s", r.stdout)
	}
}

type jsonOut struct {
	Results []struct {
		File           string `json:"file"`
		DecisionID     string `json:"decision_id"`
		PolicyRevision string `json:"policy_revision"`
		AsOf           string `json:"as_of"`
		Allowed        bool   `json:"allowed"`
		Summary        struct{ Error, Warning, Info, Waived int }
		Violations     []struct {
			RuleID   string `json:"rule_id"`
			Severity string `json:"severity"`
			Path     string `json:"path"`
			Message  string `json:"message"`
		}
	}
}

func TestCheckJSONKeepsOrderAndShape(t *testing.T) {
	names := []string{"schema-invalid", "omstilling-valid", "digital-bad-split", "investering-loan-for-drift", "effektivisering-valid", "nytt-tiltak-unfinanced"}
	var args []string
	for _, n := range names {
		args = append(args, example(n))
	}
	r := styring(t, "", append([]string{"check", "--format", "json", "--jobs", "4"}, args...)...)
	if r.code != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out jsonOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if len(out.Results) != len(names) {
		t.Fatalf("%d results, want %d", len(out.Results), len(names))
	}
	for i, res := range out.Results {
		if res.File != args[i] {
			t.Errorf("result %d is %s, want %s (order must be kept)", i, res.File, args[i])
		}
		if !strings.HasPrefix(res.PolicyRevision, "sha256:") || res.DecisionID == "" || res.AsOf == "" {
			t.Errorf("%s: incomplete result %+v", res.File, res)
		}
	}
	if out.Results[1].Allowed != true || out.Results[3].Allowed != false {
		t.Errorf("verdicts wrong: %+v", out.Results)
	}
	if v := out.Results[3].Violations; len(v) != 1 || v[0].RuleID != "INV-002" || v[0].Path != "/financing/11" {
		t.Errorf("investering-loan-for-drift: %+v", v)
	}
	if out.Results[0].AsOf != "2020-09-23" {
		t.Errorf("as_of should default to submitted_at, got %s", out.Results[0].AsOf)
	}
}

func TestCheckAsOfFlag(t *testing.T) {
	r := styring(t, "", "check", "--format", "json", "--as-of", "2024-06-01", example("omstilling-valid"))
	var out jsonOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Results[0].AsOf != "2024-06-01" {
		t.Errorf("as_of = %s", out.Results[0].AsOf)
	}
}

func TestCheckJUnit(t *testing.T) {
	r := styring(t, "", "check", "--format", "junit", example("omstilling-valid"), example("omstilling-no-benefits-plan"))
	if r.code != 1 {
		t.Fatalf("exit %d", r.code)
	}
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Type string `xml:"type,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, r.stdout)
	}
	if len(doc.Suites) != 2 || doc.Failures != 1 || doc.Tests != 5 {
		t.Fatalf("suites=%d tests=%d failures=%d\n%s", len(doc.Suites), doc.Tests, doc.Failures, r.stdout)
	}
	if c := doc.Suites[1].Cases[0]; c.Failure == nil || !strings.HasPrefix(c.Name, "BEN-001") {
		t.Errorf("first case of the second suite should be the BEN-001 failure: %+v", c)
	}
}

func TestCheckSARIF(t *testing.T) {
	r := styring(t, "", "check", "--format", "sarif", "--lang", "en", example("digital-wcag-20"))
	var doc struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc.Version != "2.1.0" || len(doc.Runs) != 1 {
		t.Fatalf("bad SARIF header: %s", r.stdout[:200])
	}
	run := doc.Runs[0]
	if len(run.Tool.Driver.Rules) < 68 {
		t.Errorf("driver lists %d rules, want the catalog", len(run.Tool.Driver.Rules))
	}
	levels := map[string]string{}
	for _, res := range run.Results {
		levels[res.RuleID] = res.Level
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("ruleIndex of %s points at %s", res.RuleID, run.Tool.Driver.Rules[res.RuleIndex].ID)
		}
	}
	if levels["UU-001"] != "error" || levels["STR-005"] != "note" {
		t.Errorf("levels: %v", levels)
	}
}

func TestRulesCommand(t *testing.T) {
	r := styring(t, "", "rules", "--format", "json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Rules []struct {
			ID, Scope, Reference string
			Title                struct{ NB, EN string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	record := 0
	for _, rule := range out.Rules {
		if rule.Scope == "record" {
			record++
		}
		if rule.Title.NB == "" || rule.Title.EN == "" || rule.Reference == "" {
			t.Errorf("%s lacks a title in nb or en, or a reference", rule.ID)
		}
	}
	if record != 68 {
		t.Errorf("%d record rules, want 68", record)
	}
	if r := styring(t, "", "rules"); r.code != 0 || !strings.Contains(r.stdout, "BUD-003") {
		t.Errorf("table: exit %d\n%s", r.code, r.stdout)
	}
}

// TestRulesMarkdownIsCommitted keeps docs/rules.md equal to what the METADATA generates.
func TestRulesMarkdownIsCommitted(t *testing.T) {
	r := styring(t, "", "rules", "--format", "markdown")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	if string(committed) != r.stdout {
		t.Errorf("docs/rules.md is out of date: run `go run ./cmd/styring rules --format markdown > docs/rules.md`")
	}
}

func TestReportCommand(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(examples, "portfolio", "P-*.json"))
	r := styring(t, "", append([]string{"report", "--format", "json"}, files...)...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rep struct {
		Portfolio struct {
			Initiatives int `json:"initiatives"`
			Summary     struct{ Error, Warning int }
		} `json:"portfolio"`
		Records struct {
			Initiatives []struct{ ID string } `json:"initiatives"`
		} `json:"records"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Portfolio.Initiatives != 11 || rep.Portfolio.Summary.Error != 11 || rep.Portfolio.Summary.Warning != 26 || len(rep.Records.Initiatives) != 12 {
		t.Errorf("report %+v", rep)
	}
	if r := styring(t, "", append([]string{"report", "--format", "csv", "--table", "year_figures"}, files...)...); r.code != 0 ||
		!strings.HasPrefix(r.stdout, "year,omstilling_level_knok") || strings.Count(r.stdout, "\n") != 5 {
		t.Errorf("csv: %d\n%s", r.code, r.stdout)
	}
	if r := styring(t, "", append([]string{"report", "--status", "vedtatt"}, files...)...); r.code != 0 || !strings.Contains(r.stdout, "2 tiltak i porteføljen") {
		t.Errorf("status filter: %s", r.stdout)
	}
	if r := styring(t, "", "report", "--format", "xml", files[0]); r.code != 2 {
		t.Errorf("bad format exit %d", r.code)
	}
	if r := styring(t, "", "report", "nope.json"); r.code != 2 || !strings.Contains(r.stderr, "nope.json") {
		t.Errorf("missing file: %d %s", r.code, r.stderr)
	}
}

// TestReadmeCLIExamples runs every `styring check` line of the README's shell
// blocks as written, from the repository root, with the binary under test in
// place of `go run ./cmd/styring` and `./styring`: the files they name must be
// in the repository and the command must give a verdict (exit 0 or 1), not a
// usage or load error.
func TestReadmeCLIExamples(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var commands []string
	inShell := false
	for _, line := range strings.Split(string(readme), "\n") {
		switch {
		case strings.HasPrefix(line, "```sh"):
			inShell = true
		case strings.HasPrefix(line, "```"):
			inShell = false
		case inShell && strings.Contains(line, "styring check") && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "curl"):
			commands = append(commands, line)
		}
	}
	if len(commands) < 3 {
		t.Fatalf("only %d `styring check` examples found in README.md", len(commands))
	}
	for _, c := range commands {
		t.Run(c, func(t *testing.T) {
			line := strings.ReplaceAll(c, "go run ./cmd/styring", binary)
			line = strings.ReplaceAll(line, "./styring ", binary+" ")
			line = strings.TrimSuffix(line, `; echo "exit $?"`) // the exit code is what the test reads
			line = strings.ReplaceAll(line, "> styring.xml", "> "+filepath.Join(t.TempDir(), "styring.xml"))
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, "bash", "-c", "set -o pipefail; "+line)
			cmd.Dir = root
			out, err := cmd.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code > 1 {
				t.Fatalf("exit %d, want a verdict (0 or 1):\n%s", code, out)
			}
		})
	}
}
