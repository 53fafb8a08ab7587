package policies_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/baerum/styring/policies"
)

// copyBundle writes the embedded bundle into a directory a test can change.
func copyBundle(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := policies.ExportBundle(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte(old)) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, bytes.Replace(raw, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReloadFromDirectory(t *testing.T) {
	ctx := context.Background()
	dir := copyBundle(t)
	first, err := policies.Load(ctx, policies.Source{Location: dir})
	if err != nil {
		t.Fatal(err)
	}
	if embedded := loadEmbedded(t); first.ID != embedded.ID {
		t.Errorf("the same policies from a directory have another revision: %s vs %s", first.ID, embedded.ID)
	}
	lc := &policies.Lifecycle{Engine: policies.NewEngine(first), Source: policies.Source{Location: dir}}

	t.Run("unchanged policies keep the revision", func(t *testing.T) {
		rev, changed, err := lc.Reload(ctx)
		if err != nil || changed || rev.ID != first.ID {
			t.Fatalf("changed=%v rev=%s err=%v", changed, rev.ID, err)
		}
	})
	t.Run("a data change that passes the tests is activated", func(t *testing.T) {
		editFile(t, filepath.Join(dir, "styring", "parameters", "data.json"), `"_about": "Reference`, `"_note": "changed by a test", "_about": "Reference`)
		rev, changed, err := lc.Reload(ctx)
		if err != nil || !changed || rev.ID == first.ID || lc.Engine.Active() != rev {
			t.Fatalf("changed=%v err=%v", changed, err)
		}
	})
	t.Run("a syntax error is refused with its place and the old revision keeps serving", func(t *testing.T) {
		active := lc.Engine.Active()
		path := filepath.Join(dir, "rules", "strategy", "zz_broken.rego")
		os.WriteFile(path, []byte("package styring.rules.strategy.zz_broken\n\nviolation contains 1 if {\n\tinput.x ==\n}\n"), 0o644)
		defer os.Remove(path)
		_, changed, err := lc.Reload(ctx)
		var refused *policies.RefusedError
		if !errors.As(err, &refused) || changed || lc.Engine.Active() != active {
			t.Fatalf("err=%v changed=%v", err, changed)
		}
		p := refused.Attempt.Problems
		if len(p) == 0 || p[0].File != "rules/strategy/zz_broken.rego" || p[0].Row != 5 || refused.Attempt.Stage != "read" {
			t.Errorf("problems %+v (stage %s)", p, refused.Attempt.Stage)
		}
		failed, _ := lc.Status()
		if failed == nil || failed.Stage != refused.Attempt.Stage {
			t.Errorf("last failure %+v", failed)
		}
	})
	t.Run("a compile error is refused", func(t *testing.T) {
		path := filepath.Join(dir, "rules", "strategy", "zz_broken.rego")
		os.WriteFile(path, []byte("package styring.rules.strategy.zz_broken\n\nviolation contains 1 if {\n\tno_such_helper(input.x)\n}\n"), 0o644)
		defer os.Remove(path)
		_, _, err := lc.Reload(ctx)
		var refused *policies.RefusedError
		if !errors.As(err, &refused) || refused.Attempt.Stage != "compile" || refused.Attempt.Problems[0].Row != 4 {
			t.Fatalf("err=%v", err)
		}
	})
	t.Run("a failing policy test is refused", func(t *testing.T) {
		path := filepath.Join(dir, "rules", "strategy", "str_001_test.rego")
		raw, _ := os.ReadFile(path)
		os.WriteFile(path, append(raw, []byte("\ntest_success_broken_on_purpose if false\n")...), 0o644)
		_, _, err := lc.Reload(ctx)
		var refused *policies.RefusedError
		if !errors.As(err, &refused) || refused.Attempt.Stage != "test" || !strings.Contains(refused.Error(), "test_success_broken_on_purpose") {
			t.Fatalf("err=%v", err)
		}
		// The failing test is named with its place: the file and the row it was appended at.
		rows := strings.Count(string(raw), "\n") + 2
		if p := refused.Attempt.Problems[0]; !strings.HasSuffix(p.File, "str_001_test.rego") || p.Row != rows {
			t.Errorf("problem at %s:%d:%d, want str_001_test.rego:%d", p.File, p.Row, p.Col, rows)
		}
		os.WriteFile(path, raw, 0o644)
	})
}

func TestReloadFromBundleURL(t *testing.T) {
	ctx := context.Background()
	embedded := loadEmbedded(t)
	var archive bytes.Buffer
	if err := bundle.NewWriter(&archive).Write(*embedded.Bundle()); err != nil {
		t.Fatal(err)
	}
	var hits, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Write(archive.Bytes())
	}))
	defer srv.Close()
	src := policies.Source{Location: srv.URL + "/bundle.tar.gz"}
	rev, err := policies.Load(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if rev.ID != embedded.ID {
		t.Errorf("bundle from URL has revision %s, embedded %s", rev.ID, embedded.ID)
	}
	lc := &policies.Lifecycle{Engine: policies.NewEngine(loadEmbedded(t)), Source: src}
	if _, _, err := lc.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	if _, changed, err := lc.Reload(ctx); err != nil || changed {
		t.Fatalf("second poll: changed=%v err=%v", changed, err)
	}
	if notModified.Load() != 1 {
		t.Errorf("the second poll did not send If-None-Match (hits %d, 304s %d)", hits.Load(), notModified.Load())
	}
}
