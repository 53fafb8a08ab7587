package main

import (
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestServeRefusesBadTrustedProxies: a --trusted-proxies that is not a list of
// IPs and CIDRs is a usage error before anything starts, never "trust none"
// (or all) in silence.
func TestServeRefusesBadTrustedProxies(t *testing.T) {
	db := filepath.Join(t.TempDir(), "styring.db")
	r := styring(t, "", "serve", "--addr", "127.0.0.1:0", "--database", db, "--trusted-proxies", "10.0.0.0/8,proxy.example")
	if r.code != exitUsage || !strings.Contains(r.stderr, "--trusted-proxies") || !strings.Contains(r.stderr, "proxy.example") {
		t.Errorf("exit %d, stderr %q: want %d naming the bad entry", r.code, r.stderr, exitUsage)
	}
}

// TestServeTrustsTheProxiesItIsGiven starts serve trusting loopback as its
// proxy (this test): X-Forwarded-For names the client, so thirty wrong tokens
// spread over nine clients are each answered 401; without the setting the
// loopback peer would be one client, throttled (429) after twenty.
func TestServeTrustsTheProxiesItIsGiven(t *testing.T) {
	db := filepath.Join(t.TempDir(), "styring.db")
	p := startServe(t, "--database", db, "--trusted-proxies", "127.0.0.1, ::1")
	defer p.stop(t)
	for i := range 30 {
		req, _ := http.NewRequest("GET", p.base+"/api/v1/rules", nil)
		req.Header.Set("Authorization", "Bearer sty_wrong"+strconv.Itoa(i))
		req.Header.Set("X-Forwarded-For", "203.0.113."+strconv.Itoa(i%9+1))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("wrong token %d: %d, want 401", i, res.StatusCode)
		}
	}
}
