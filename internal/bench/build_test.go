package bench

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestModuleRoot(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Dir(filepath.Dir(wd)) // internal/bench → the repository
	t.Run("finds the repository from a directory inside it, relative or not", func(t *testing.T) {
		for _, dir := range []string{wd, ".", filepath.Join("..", "sample")} {
			got, err := ModuleRoot(dir)
			if err != nil || got != want {
				t.Errorf("ModuleRoot(%s) = %q, %v; want %q", dir, got, err, want)
			}
		}
	})
	t.Run("passes over the go.mod of another module", func(t *testing.T) {
		other := t.TempDir()
		if err := os.WriteFile(filepath.Join(other, "go.mod"), []byte("module example.com/other\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := ModuleRoot(other); err == nil {
			t.Fatalf("ModuleRoot(%s) = %q, want an error", other, got)
		}
	})
}

// TestBuiltLimitServes builds the two commands as Run does and starts the limit
// from styring-bench, as Run does: the limit server lives in that command now,
// not in styring.
func TestBuiltLimitServes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cmd/styring and cmd/styring-bench")
	}
	repo, err := ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	dir := t.TempDir()
	styring, styringBench, err := BuildStyring(ctx, repo, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(styring); err != nil {
		t.Fatal(err)
	}
	p, err := StartLimit(ctx, styringBench, repo, dir)
	if err != nil {
		t.Fatal(err)
	}
	var g Group
	g.Add(p)
	defer g.StopAll(5 * time.Second)
	res, err := RunLoad(ctx, Request{URL: "http://" + p.Addr + "/api/v1/check", Body: numberedBody}, LoadOptions{Concurrency: 1, Duration: time.Minute, MaxRequests: 5})
	if err != nil || len(res.Latencies) != 5 || res.Errors != 0 {
		t.Fatalf("%d answers, %d errors, err %v, first error %s", len(res.Latencies), res.Errors, err, res.FirstError)
	}
}
