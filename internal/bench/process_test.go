package bench

import (
	"context"
	"os"
	"os/signal"
	"regexp"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary be a limit server, so that Start, Memory and
// Stop are tested on a real child process.
func TestMain(m *testing.M) {
	if os.Getenv("STYRING_BENCH_TEST_SERVER") == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
		defer stop()
		if err := ServeLimit(ctx, "127.0.0.1:0", os.Stdout); err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestProcess(t *testing.T) {
	ctx := context.Background()
	p, err := Start(ctx, "limit", os.Args[0], []string{"-test.run=^$"}, StartOptions{
		LogDir: t.TempDir(), Env: []string{"STYRING_BENCH_TEST_SERVER=1"},
		AddrPattern: regexp.MustCompile(`listening on http://(\S+)`), HealthPath: "/healthz", Timeout: 30 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	var g Group
	g.Add(p)
	t.Cleanup(func() { g.StopAll(5 * time.Second) })

	t.Run("serves on the loopback address it printed", func(t *testing.T) {
		res, err := RunLoad(ctx, Request{URL: "http://" + p.Addr + "/api/v1/check", Body: numberedBody}, LoadOptions{Concurrency: 2, Duration: time.Minute, MaxRequests: 20})
		if err != nil || len(res.Latencies) != 20 {
			t.Fatalf("%d answers, err %v, first error %s", len(res.Latencies), err, res.FirstError)
		}
	})
	t.Run("reports its resident memory, the peak no lower than now", func(t *testing.T) {
		if err := p.ResetPeak(); err != nil {
			t.Logf("peak not resettable here: %v", err)
		}
		m, err := p.Memory()
		if err != nil {
			t.Fatal(err)
		}
		if m.RSS == 0 || m.HWM < m.RSS {
			t.Errorf("memory %+v", m)
		}
	})
	t.Run("reports the CPU time it used", func(t *testing.T) {
		before, err := p.CPUTime()
		if err != nil {
			t.Fatal(err)
		}
		RunLoad(ctx, Request{URL: "http://" + p.Addr + "/api/v1/check", Body: numberedBody}, LoadOptions{Concurrency: 2, Duration: time.Minute, MaxRequests: 2000})
		after, err := p.CPUTime()
		if err != nil {
			t.Fatal(err)
		}
		if after < before {
			t.Errorf("CPU time went back from %v to %v", before, after)
		}
	})
	t.Run("StopAll ends it", func(t *testing.T) {
		g.StopAll(5 * time.Second)
		if p.Alive() == nil {
			t.Fatal("the process is still running after StopAll")
		}
		if _, err := p.Memory(); err == nil {
			t.Error("its /proc entry is still there")
		}
	})
}

func TestStartFailure(t *testing.T) {
	_, err := Start(context.Background(), "false", "/bin/sh", []string{"-c", "echo broken config >&2; exit 3"}, StartOptions{
		LogDir: t.TempDir(), AddrPattern: regexp.MustCompile(`listening on http://(\S+)`), Timeout: 30 * time.Second,
	})
	if err == nil || !regexp.MustCompile(`exited.*\n.*broken config`).MatchString(err.Error()) {
		t.Errorf("err = %v, want that it exited with the end of its log", err)
	}
}

func TestParseStat(t *testing.T) {
	// utime 250 and stime 50 ticks; the command name has a space and a parenthesis.
	stat := "4242 (styring (x) y) S 1 4242 4242 0 -1 4194304 126 0 0 0 250 50 0 0 20 0 7 0 671754 3133440 382\n"
	got, err := parseStat([]byte(stat))
	if err != nil {
		t.Fatal(err)
	}
	if want := 3 * time.Second; got != want {
		t.Errorf("parseStat = %v, want %v", got, want)
	}
	if _, err := parseStat([]byte("garbage")); err == nil {
		t.Error("garbage was accepted")
	}
}

func TestParseStatus(t *testing.T) {
	status := "Name:\tstyring\nVmPeak:\t  900000 kB\nVmHWM:\t   81920 kB\nVmRSS:\t   40960 kB\nThreads:\t7\n"
	m, err := parseStatus([]byte(status))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Memory{RSS: 40 << 20, HWM: 80 << 20}); m != want {
		t.Errorf("parseStatus = %+v, want %+v", m, want)
	}
	if _, err := parseStatus([]byte("Name:\tkthread\n")); err == nil {
		t.Error("a status without VmRSS (a kernel thread) was accepted")
	}
}
