package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestUsage runs the command in-process on arguments it refuses (or on --help):
// each answers before anything is built or started.
func TestUsage(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"help is not an error", []string{"--help"}, exitOK, "Usage: styring-bench [flags]"},
		{"an unknown flag", []string{"--no-such-flag"}, exitUsage, "Usage: styring-bench"},
		{"an argument", []string{"bench"}, exitUsage, `styring-bench: unexpected argument "bench"`},
		{"no connections", []string{"--connections", "0"}, exitUsage, "--connections wants positive counts"},
		{"not a count", []string{"--connections", "1,x"}, exitUsage, "--connections wants positive counts"},
		{"a zero duration", []string{"--duration", "0s"}, exitUsage, "positive values"},
		{"a zero batch", []string{"--batch-size", "0"}, exitUsage, "positive values"},
		{"serve-limit with an unknown flag", []string{"serve-limit", "--no-such-flag"}, exitUsage, "Usage of styring-bench serve-limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(t.Context(), tt.args, &stdout, &stderr)
			if code != tt.wantCode || !strings.Contains(stderr.String(), tt.wantErr) {
				t.Errorf("run(%q) = %d, stderr:\n%s\nwant %d and %q", tt.args, code, stderr.String(), tt.wantCode, tt.wantErr)
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout %q, want nothing", stdout.String())
			}
		})
	}
}

func TestParseConnections(t *testing.T) {
	got, err := parseConnections(" 1, 8,32")
	if err != nil || !slices.Equal(got, []int{1, 8, 32}) {
		t.Errorf("got %v, %v", got, err)
	}
	for _, bad := range []string{"", "0", "1,,2", "-1", "1025", "eight"} {
		if got, err := parseConnections(bad); err == nil {
			t.Errorf("parseConnections(%q) = %v, want an error", bad, got)
		}
	}
}

func TestCommandLine(t *testing.T) {
	tests := []struct {
		name string
		args []string
		db   string
		want string
	}{
		{"bare", nil, "", "go run ./cmd/styring-bench"},
		{"with flags", []string{"--quick", "--json", "x.json"}, "", "go run ./cmd/styring-bench --quick --json x.json"},
		{"PostgreSQL from the environment, password masked", []string{"--quick"}, "postgres://u:secret@h/db",
			"STYRING_DATABASE_URL='postgres://u:xxxxx@h/db' go run ./cmd/styring-bench --quick"},
		{"PostgreSQL as a flag is already in the line", []string{"--database", "postgres://h/db"}, "postgres://h/db",
			"go run ./cmd/styring-bench --database postgres://h/db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := commandLine(tt.args, tt.db); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestServeLimit runs `styring-bench serve-limit` in-process as the benchmark
// runs it as a process: it prints its address, answers, and stops cleanly when
// its context ends (SIGTERM in the process).
func TestServeLimit(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve-limit", "--addr", "127.0.0.1:0"}, pw, &stderr)
		_ = pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no address line: %v", err)
	}
	m := regexp.MustCompile(`listening on (http://\S+)`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("line %q names no address", line)
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	res, err := http.Post(m[1]+"/api/v1/check", "application/json", strings.NewReader(`{"id":"A"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `"allowed":true`) {
		t.Errorf("got %d %s", res.StatusCode, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d, stderr %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve-limit did not stop when its context ended")
	}
}

// TestStyringHasNoBench checks the point of this command: the harness is not
// linked into the production binary, and `styring bench` is an unknown command.
func TestStyringHasNoBench(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cmd/styring")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	deps, err := exec.CommandContext(ctx, "go", "list", "-deps", "../styring").Output()
	if err != nil {
		t.Fatalf("go list -deps ./cmd/styring: %v", err)
	}
	for dep := range strings.SplitSeq(string(deps), "\n") {
		if strings.HasSuffix(dep, "/internal/bench") {
			t.Errorf("cmd/styring depends on %s", dep)
		}
	}
	bin := filepath.Join(t.TempDir(), "styring")
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "../styring").CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/styring: %v\n%s", err, out)
	}
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, "bench", "--quick")
	cmd.Stderr = &stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitUsage || !strings.Contains(stderr.String(), `unknown command "bench"`) {
		t.Errorf("styring bench: %v, stderr:\n%s\nwant exit %d and unknown command", err, stderr.String(), exitUsage)
	}
	if strings.Contains(stderr.String(), "  bench ") {
		t.Errorf("the usage still lists bench:\n%s", stderr.String())
	}
}
