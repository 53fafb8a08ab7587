package bench

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Process is a server the benchmark started and measures: its output goes to a
// log file, its memory is read from /proc, and Stop ends it (also when the
// benchmark is interrupted).
type Process struct {
	Name string
	Addr string // host:port it listens on
	cmd  *exec.Cmd
	log  string
	done chan struct{}
	err  error // of Wait, once done is closed
}

// StartOptions say how to start a server and how to know it is ready.
type StartOptions struct {
	Dir    string   // working directory
	LogDir string   // where NAME.log goes
	Env    []string // added to the environment
	// AddrPattern, when set, finds the listen address in a line of stdout (first group).
	AddrPattern *regexp.Regexp
	// Addr is the address when the server does not print it.
	Addr string
	// HealthPath, when set, is polled with GET until it answers 200.
	HealthPath string
	Timeout    time.Duration // to get ready; default 60 s
}

// Start runs bin with args and waits until the server is ready.
func Start(ctx context.Context, name, bin string, args []string, opts StartOptions) (*Process, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = 60 * time.Second
	}
	logPath := filepath.Join(opts.LogDir, name+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = opts.Dir
	cmd.Env = append(os.Environ(), opts.Env...)
	cmd.Stderr = logFile
	cmd.SysProcAttr = childAttr()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, errors.Join(err, logFile.Close())
	}
	if err := cmd.Start(); err != nil {
		return nil, errors.Join(fmt.Errorf("start %s: %w", name, err), logFile.Close())
	}
	p := &Process{Name: name, Addr: opts.Addr, cmd: cmd, log: logPath, done: make(chan struct{})}
	addrc := make(chan string, 1)
	var copied sync.WaitGroup
	// The server's stdout is copied to its log for LogTail. Write errors to the log
	// are dropped: it only explains a failure, and the pipe must be drained
	// whatever happens, or the server blocks on a full pipe.
	copied.Go(func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			_, _ = fmt.Fprintln(logFile, line)
			if opts.AddrPattern != nil {
				if m := opts.AddrPattern.FindStringSubmatch(line); m != nil {
					select {
					case addrc <- m[1]:
					default:
					}
				}
			}
		}
		_, _ = io.Copy(logFile, stdout)
	})
	go func() {
		copied.Wait()
		p.err = cmd.Wait()
		_ = logFile.Close() // as with its writes above: the log only explains a failure
		close(p.done)
	}()

	ready, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	if opts.AddrPattern != nil {
		select {
		case p.Addr = <-addrc:
		case <-p.done:
			return nil, p.failure("exited before it listened")
		case <-ready.Done():
			p.Stop(5 * time.Second)
			return nil, p.failure("did not print its address in time")
		}
	}
	if err := requireLoopback("http://" + p.Addr); err != nil {
		p.Stop(5 * time.Second)
		return nil, err
	}
	if opts.HealthPath != "" {
		if err := waitHealthy(ready, "http://"+p.Addr+opts.HealthPath, p.done); err != nil {
			p.Stop(5 * time.Second)
			return nil, p.failure(err.Error())
		}
	}
	return p, nil
}

// waitHealthy polls url until it answers 200, the process exits or ctx ends.
func waitHealthy(ctx context.Context, url string, exited <-chan struct{}) error {
	client := &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{Proxy: nil}}
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if resp, err := client.Do(req); err == nil {
			// Drained only so the connection can be reused; the status is the answer.
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-tick.C:
		case <-exited:
			return errors.New("exited before it was healthy")
		case <-ctx.Done():
			return fmt.Errorf("%s did not answer 200 in time", url)
		}
	}
}

// failure is an error with the end of the process's log, which says why.
func (p *Process) failure(what string) error {
	return fmt.Errorf("%s %s; the end of %s:\n%s", p.Name, what, p.log, p.LogTail(20))
}

// LogTail returns the last n lines of the process's output.
func (p *Process) LogTail(n int) string {
	raw, _ := os.ReadFile(p.log)
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}

// Alive reports whether the process is still running; if not, the error says how it ended.
func (p *Process) Alive() error {
	select {
	case <-p.done:
		return p.failure(fmt.Sprintf("exited (%v)", p.err))
	default:
		return nil
	}
}

// PID is the process id.
func (p *Process) PID() int { return p.cmd.Process.Pid }

// Stop asks the process to stop (SIGTERM: the servers shut down gracefully) and
// kills it if it has not exited within grace.
func (p *Process) Stop(grace time.Duration) {
	select {
	case <-p.done:
		return
	default:
	}
	// Signal and Kill fail only when the process has exited already
	// (os.ErrProcessDone), which p.done then reports.
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(grace):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

// Memory is a process's resident memory in bytes: now (VmRSS) and the peak since
// the process started or since ResetPeak (VmHWM).
type Memory struct {
	RSS, HWM uint64
}

// Memory reads /proc/PID/status.
func (p *Process) Memory() (Memory, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.PID()))
	if err != nil {
		return Memory{}, fmt.Errorf("memory of %s: %w", p.Name, err)
	}
	return parseStatus(raw)
}

// ResetPeak resets VmHWM to the current RSS (Linux ≥ 4.0: "5" to clear_refs), so
// that the next Memory reports the peak of one run. Where it can't be reset the
// peak is that of the whole process life, which is only higher.
func (p *Process) ResetPeak() error {
	return os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", p.PID()), []byte("5"), 0)
}

// parseStatus reads VmRSS and VmHWM (in kB) from the text of /proc/PID/status.
func parseStatus(raw []byte) (Memory, error) {
	var m Memory
	found := 0
	for line := range bytes.SplitSeq(raw, []byte("\n")) {
		key, val, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		var dst *uint64
		switch string(key) {
		case "VmRSS":
			dst = &m.RSS
		case "VmHWM":
			dst = &m.HWM
		default:
			continue
		}
		f := strings.Fields(string(val))
		if len(f) != 2 || f[1] != "kB" {
			return m, fmt.Errorf("unexpected %s line %q", key, line)
		}
		kb, err := strconv.ParseUint(f[0], 10, 64)
		if err != nil {
			return m, fmt.Errorf("unexpected %s line %q", key, line)
		}
		*dst = kb * 1024
		found++
	}
	if found != 2 {
		return m, errors.New("no VmRSS and VmHWM in /proc status")
	}
	return m, nil
}

// CPUTime is the CPU time the process has used so far (user + system, all
// threads), from /proc/PID/stat. Unlike wall-clock rates it hardly changes when
// other work on the machine takes the cores, so it is the figure to compare on a
// shared machine.
func (p *Process) CPUTime() (time.Duration, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.PID()))
	if err != nil {
		return 0, fmt.Errorf("cpu time of %s: %w", p.Name, err)
	}
	return parseStat(raw)
}

// clockTicks is USER_HZ, the unit of /proc/PID/stat times: 100 on every Linux
// architecture Go supports.
const clockTicks = 100

// parseStat reads utime and stime (fields 14 and 15) from /proc/PID/stat; the
// command name (field 2) may contain spaces, so fields are counted after its ")".
func parseStat(raw []byte) (time.Duration, error) {
	i := bytes.LastIndexByte(raw, ')')
	if i < 0 {
		return 0, errors.New("unexpected /proc stat")
	}
	f := strings.Fields(string(raw[i+1:]))
	if len(f) < 13 {
		return 0, errors.New("unexpected /proc stat")
	}
	utime, err1 := strconv.ParseUint(f[11], 10, 64)
	stime, err2 := strconv.ParseUint(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, errors.New("unexpected /proc stat")
	}
	return time.Duration(utime+stime) * time.Second / clockTicks, nil
}

// FreePort returns a loopback address with a port free right now, for a server
// that must be told its port (OPA).
func FreePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := ln.Addr().String()
	// Closing is the point: the port must be free for the server that is given it.
	if err := ln.Close(); err != nil {
		return "", err
	}
	return addr, nil
}

// Group is the set of processes a run started; StopAll ends every one of them.
type Group struct {
	mu    sync.Mutex
	procs []*Process
}

// Add registers p to be stopped by StopAll.
func (g *Group) Add(p *Process) *Process {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.procs = append(g.procs, p)
	return p
}

// StopAll stops the processes, in parallel, each with the grace period.
func (g *Group) StopAll(grace time.Duration) {
	g.mu.Lock()
	procs := g.procs
	g.procs = nil
	g.mu.Unlock()
	var wg sync.WaitGroup
	for _, p := range procs {
		wg.Go(func() { p.Stop(grace) })
	}
	wg.Wait()
}
