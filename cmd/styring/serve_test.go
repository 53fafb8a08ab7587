package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/baerum/styring/internal/demo"
	"github.com/baerum/styring/models/gormstore/gormtest"
)

// serverProcess is `styring serve` running as a child process.
type serverProcess struct {
	cmd    *exec.Cmd
	base   string
	stderr *bytes.Buffer
	tokens map[string]string // printed by --demo, per role
	token  string            // sent as Bearer by request
}

var (
	listening = regexp.MustCompile(`listening on (http://\S+)`)
	demoToken = regexp.MustCompile(`^\s+(\w+):\s+(sty_\S+)$`)
)

// createToken runs `styring token create` and returns the token: the last line.
func createToken(t *testing.T, db, role string) string {
	t.Helper()
	r := styring(t, "", "token", "create", "--database", db, "--role", role, "--name", "test-"+role)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 0 || !strings.HasPrefix(lines[len(lines)-1], "sty_") {
		t.Fatalf("token create: %d %s %s", r.code, r.stdout, r.stderr)
	}
	return lines[len(lines)-1]
}

// startServe starts `styring serve` on a free port and waits until it says where it listens.
func startServe(t *testing.T, args ...string) *serverProcess {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), "STYRING_ADDR=", "STYRING_POLICIES=")
	// Its own process group, so the cleanup ends it and anything it started.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &serverProcess{cmd: cmd, stderr: &bytes.Buffer{}}
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			cmd.Wait()
		}
	})
	// A server that neither listens nor exits within a minute is killed, so the
	// test fails with its log instead of hanging.
	startup := time.AfterFunc(time.Minute, func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) })
	defer startup.Stop()
	lines := bufio.NewScanner(stdout)
	p.tokens = map[string]string{}
	for lines.Scan() {
		if m := demoToken.FindStringSubmatch(lines.Text()); m != nil {
			p.tokens[m[1]] = m[2]
			p.token = p.tokens["admin"]
		}
		if m := listening.FindStringSubmatch(lines.Text()); m != nil {
			p.base = m[1]
			go io.Copy(io.Discard, stdout)
			return p
		}
	}
	cmd.Wait()
	t.Fatalf("styring serve did not start:\n%s", p.stderr)
	return nil
}

// stop sends SIGTERM and waits for a clean exit.
func (p *serverProcess) stop(t *testing.T) {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	hung := time.AfterFunc(30*time.Second, func() { syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL) })
	defer hung.Stop()
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("serve did not stop cleanly: %v\n%s", err, p.stderr)
	}
	if !strings.Contains(p.stderr.String(), `"msg":"stopped"`) {
		t.Errorf("no clean shutdown in the log:\n%s", p.stderr)
	}
}

func (p *serverProcess) request(t *testing.T, method, path string, body []byte) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, p.base+path, bytes.NewReader(body))
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if p.token != "" {
		req.Header.Set("Authorization", "Bearer "+p.token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, out
}

// TestServeSubmitRestartReadBack runs the real binary: submit, stop, start again
// on the same database, and find the submission with its decision.
func TestServeSubmitRestartReadBack(t *testing.T) {
	for _, backend := range gormtest.TestBackends() {
		t.Run(backend, func(t *testing.T) {
			db := gormtest.TestURL(t, backend)
			token := createToken(t, db, "saksbehandler")
			first := startServe(t, "--database", db)
			first.token = token
			code, body := first.request(t, "POST", "/api/v1/initiatives", mustRead(t, example("omstilling-valid")))
			if code != 201 {
				t.Fatalf("submit: %d %s", code, body)
			}
			var sub struct {
				Result struct {
					DecisionID string `json:"decision_id"`
				} `json:"result"`
			}
			json.Unmarshal(body, &sub)
			first.stop(t)

			second := startServe(t, "--database", db)
			second.token = token
			code, body = second.request(t, "GET", "/api/v1/initiatives/HP2124-OSK-014", nil)
			if code != 200 || !bytes.Contains(body, []byte(`"version":1`)) {
				t.Fatalf("read back after restart: %d %s", code, body)
			}
			if code, body = second.request(t, "GET", "/api/v1/decisions/"+sub.Result.DecisionID, nil); code != 200 {
				t.Fatalf("decision after restart: %d %s", code, body)
			}
			second.stop(t)
		})
	}
}

// TestServeDemo checks that --demo stores the shipped sample portfolio, once.
func TestServeDemo(t *testing.T) {
	shipped, err := demo.Initiatives()
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	for range 2 { // the second start finds the data already there
		p := startServe(t, "--demo", "--database", db)
		code, body := p.request(t, "GET", "/api/v1/initiatives?limit=100", nil)
		var page struct {
			Total int `json:"total"`
		}
		json.Unmarshal(body, &page)
		if len(p.tokens) != 4 {
			t.Fatalf("--demo printed %d tokens, want one per role", len(p.tokens))
		}
		if code != 200 || page.Total != len(shipped) {
			t.Fatalf("demo portfolio: %d, total %d, want %d", code, page.Total, len(shipped))
		}
		p.stop(t)
	}
}

// TestReadmeAPIExamples runs the curl examples of the README's API section
// against a live server, so the documentation stays true.
func TestReadmeAPIExamples(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl is not installed: README examples not run")
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	start := strings.Index(section, "<!-- api-examples -->")
	end := strings.Index(section, "<!-- /api-examples -->")
	if start < 0 || end < start {
		t.Fatal("README has no <!-- api-examples --> section")
	}
	var commands []string
	for _, line := range strings.Split(section[start:end], "\n") {
		if strings.HasPrefix(line, "curl ") {
			commands = append(commands, line)
		}
	}
	if len(commands) < 5 {
		t.Fatalf("only %d curl examples found", len(commands))
	}
	p := startServe(t, "--demo", "--database", filepath.Join(t.TempDir(), "readme.db"))
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	for _, c := range commands {
		t.Run(c, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, "bash", "-c", strings.ReplaceAll(c, "http://localhost:8080", p.base))
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "STYRING_TOKEN="+p.tokens["admin"])
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if !json.Valid(bytes.TrimSpace(out)) && !strings.Contains(c, "/metrics") && !strings.Contains(c, ".csv") {
				t.Fatalf("not JSON:\n%s", out)
			}
			for _, bad := range []string{`"code":"internal"`, `"code":"unauthorized"`, `"code":"forbidden"`} {
				if bytes.Contains(out, []byte(bad)) {
					t.Fatalf("answered %s:\n%s", bad, out)
				}
			}
		})
	}
	p.stop(t)
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
