package server

import (
	"fmt"
	"math"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"

	"github.com/baerum/styring/models"
)

// Throttling of failed authentication: a wrong token at the login form or in
// Authorization, or a session id no one issued, costs the client address and
// the credential presented (its hash: a wrong token belongs to no account) one
// token of a bucket each. An empty bucket answers 429 with Retry-After before
// the credential is even looked up, until the bucket has refilled enough. Each
// bucket holds a window's worth of failures and refills at that rate, so an
// address may fail addrFailures times a minute and one credential
// keyFailures times. A correct token from an address that has just failed too
// often waits too: the address is all the server knows before the lookup.
const (
	failureWindow = time.Minute
	keyFailures   = 5  // failures of one credential per window
	addrFailures  = 20 // failures from one client address per window
	// maxThrottled bounds the entries of each bucket set. An entry whose
	// bucket is full again says nothing and is swept; past the bound, arbitrary
	// entries are forgotten (a flood of distinct keys must not grow memory).
	maxThrottled = 20_000
)

// failureThrottle is the two bucket sets: per client address and per credential.
type failureThrottle struct {
	mu    sync.Mutex
	addrs bucketSet
	keys  bucketSet
}

func newFailureThrottle() *failureThrottle {
	return &failureThrottle{
		addrs: newBucketSet(addrFailures, maxThrottled),
		keys:  newBucketSet(keyFailures, maxThrottled),
	}
}

// wait is how long a client at addr presenting key ("" for none) must wait
// before its next attempt; 0 when it may try now.
func (f *failureThrottle) wait(now time.Time, addr, key string) time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	w := f.addrs.wait(now, addr)
	if key != "" {
		w = max(w, f.keys.wait(now, key))
	}
	return w
}

// fail records a failed attempt from addr with key ("" for none).
func (f *failureThrottle) fail(now time.Time, addr, key string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.addrs.fail(now, addr)
	if key != "" {
		f.keys.fail(now, key)
	}
}

// size is the number of entries held (for tests).
func (f *failureThrottle) size() (addrs, keys int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.addrs.m), len(f.keys.m)
}

// bucketSet is a token bucket per key, kept only while it is not full.
type bucketSet struct {
	every rate.Limit
	burst int
	max   int
	m     map[string]*rate.Limiter
	swept time.Time
}

func newBucketSet(perWindow, maxEntries int) bucketSet {
	return bucketSet{every: rate.Limit(float64(perWindow) / failureWindow.Seconds()), burst: perWindow, max: maxEntries, m: map[string]*rate.Limiter{}}
}

func (b *bucketSet) wait(now time.Time, key string) time.Duration {
	l, ok := b.m[key]
	if !ok {
		return 0
	}
	tokens := l.TokensAt(now)
	if tokens >= 1 {
		return 0
	}
	return time.Duration((1 - tokens) / float64(b.every) * float64(time.Second))
}

func (b *bucketSet) fail(now time.Time, key string) {
	l, ok := b.m[key]
	if !ok {
		b.sweep(now)
		l = rate.NewLimiter(b.every, b.burst)
		b.m[key] = l
	}
	l.AllowN(now, 1)
}

// sweep drops the entries whose bucket is full again, at most once a window
// unless the set is full; if it is still full, it forgets entries (in map
// order, which is arbitrary) down to half the bound.
func (b *bucketSet) sweep(now time.Time) {
	if len(b.m) < b.max && now.Sub(b.swept) < failureWindow {
		return
	}
	b.swept = now
	for k, l := range b.m {
		if l.TokensAt(now) >= float64(b.burst) {
			delete(b.m, k)
		}
	}
	for k := range b.m {
		if len(b.m) < b.max/2 {
			break
		}
		delete(b.m, k)
	}
}

// retryAfter is a wait in whole seconds, at least 1, for a Retry-After header.
func retryAfter(wait time.Duration) int {
	return max(1, int(math.Ceil(wait.Seconds())))
}

// credentialKey is the throttle's key of a presented token: its hash, so the
// throttle holds no secret.
func credentialKey(secret string) string { return "tok:" + models.HashToken(secret) }

// clientAddr is the throttle's key of the client: the peer's address, or the
// address X-Forwarded-For names when the peer is a trusted proxy (gin's
// ClientIP, with the proxies of --trusted-proxies). An IPv6 client is keyed by
// its /64, which one client usually holds whole.
func clientAddr(c *gin.Context) string {
	ip := c.ClientIP()
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return "ip:" + ip
	}
	a = a.Unmap()
	if a.Is6() {
		if p, err := a.Prefix(64); err == nil {
			return p.String()
		}
	}
	return a.String()
}

// tooManyFailures answers 429 with Retry-After: an HTML page on pages, the
// JSON error on the API.
func (s *Server) tooManyFailures(c *gin.Context, route string, wait time.Duration) {
	secs := retryAfter(wait)
	c.Header("Retry-After", fmt.Sprint(secs))
	err := models.Errorf(models.ERATELIMITED, "too many failed logins from this address or with this token: try again in %d s", secs)
	if isPage(route) {
		s.writePageError(c, models.LangNB, err)
		return
	}
	s.writeError(c, err)
}

// ParseTrustedProxies reads the --trusted-proxies setting: IP addresses and
// CIDRs separated by commas or spaces. "" trusts no proxy. The list is what
// Config.TrustedProxies takes.
func ParseTrustedProxies(setting string) ([]string, error) {
	fields := strings.FieldsFunc(setting, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
	if _, err := parseProxies(fields); err != nil {
		return nil, err
	}
	return fields, nil
}

// parseProxies reads IP addresses and CIDRs as prefixes.
func parseProxies(list []string) ([]netip.Prefix, error) {
	out := make([]netip.Prefix, 0, len(list))
	for _, p := range list {
		p = strings.TrimSpace(p)
		if strings.Contains(p, "/") {
			pr, err := netip.ParsePrefix(p)
			if err != nil {
				return nil, fmt.Errorf("trusted proxy %q is not an IP address or CIDR", p)
			}
			out = append(out, pr.Masked())
			continue
		}
		a, err := netip.ParseAddr(p)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q is not an IP address or CIDR", p)
		}
		a = a.Unmap()
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// trustProxies makes the router read the client address from
// X-Forwarded-For (and no other header) only when the peer is one of the
// proxies of cfg.TrustedProxies; by default it trusts none. A list that does
// not parse (serve checks it first) trusts none, and says so in the log.
func (s *Server) trustProxies(r *gin.Engine) {
	r.ForwardedByClientIP = true
	r.RemoteIPHeaders = []string{"X-Forwarded-For"}
	prefixes, err := parseProxies(s.cfg.TrustedProxies)
	if err == nil {
		err = r.SetTrustedProxies(s.cfg.TrustedProxies)
	}
	if err != nil || len(s.cfg.TrustedProxies) == 0 {
		if err != nil {
			s.log.Error("trusted proxies: trusting none", "error", err.Error())
		}
		prefixes = nil
		_ = r.SetTrustedProxies(nil) // nil always succeeds
	}
	s.sess.proxies = prefixes
}

// fromTrustedProxy reports whether the request's peer is a trusted proxy, so
// its X-Forwarded-Proto and X-Forwarded-Host may be believed.
func (s *Server) fromTrustedProxy(c *gin.Context) bool {
	if len(s.sess.proxies) == 0 {
		return false
	}
	a, err := netip.ParseAddr(c.RemoteIP())
	if err != nil {
		return false
	}
	a = a.Unmap()
	for _, p := range s.sess.proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
