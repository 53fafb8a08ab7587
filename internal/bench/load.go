package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"
)

// Request describes the requests of a load run: all go to one URL, and Body
// makes the body of the i-th one, so that every request can be distinct work.
type Request struct {
	URL    string
	Header http.Header
	Body   func(i int) []byte
}

// LoadOptions bound a load run: it stops at Duration or after MaxRequests
// requests, whichever comes first, and no request waits longer than Timeout.
type LoadOptions struct {
	Concurrency int           // connections, each with one request in flight
	Duration    time.Duration // how long new requests are started
	MaxRequests int           // at most this many requests (0: no count limit)
	Offset      int           // index of the first request, so runs can continue a sequence
	Timeout     time.Duration // per request; default 30 s
}

// LoadResult is the raw outcome of a load run; Summary turns it into figures.
type LoadResult struct {
	Latencies  []time.Duration // of the 2xx answers, in no particular order
	Errors     int
	FirstError string // the first error seen, for the message when a run fails
	Elapsed    time.Duration
	Sent       int // requests started (successes + errors)
}

// Summary summarises the run.
func (r LoadResult) Summary() Summary { return Summarize(r.Latencies, r.Errors, r.Elapsed) }

// maxLatencies bounds the memory of one run's latency samples.
const maxLatencies = 2_000_000

// RunLoad sends requests with opts.Concurrency workers, each on its own
// keep-alive connection, until the duration or the request count is reached or
// ctx ends. Only loopback addresses are accepted: the benchmark must not load
// anything but the servers it started.
func RunLoad(ctx context.Context, req Request, opts LoadOptions) (LoadResult, error) {
	if err := requireLoopback(req.URL); err != nil {
		return LoadResult{}, err
	}
	if opts.Concurrency < 1 {
		return LoadResult{}, fmt.Errorf("load: concurrency %d, want at least 1", opts.Concurrency)
	}
	if opts.Duration <= 0 && opts.MaxRequests <= 0 {
		return LoadResult{}, errors.New("load: give a duration or a request count, or the run would not end")
	}
	if opts.Duration <= 0 {
		opts.Duration = time.Hour // the count ends it; the context bounds it too
	}
	if opts.MaxRequests <= 0 || opts.MaxRequests > maxLatencies {
		opts.MaxRequests = maxLatencies
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	transport := &http.Transport{
		Proxy:               nil, // loopback only, never through a proxy
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:        opts.Concurrency,
		MaxIdleConnsPerHost: opts.Concurrency,
		MaxConnsPerHost:     opts.Concurrency,
		DisableCompression:  true,
		IdleConnTimeout:     90 * time.Second,
	}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: opts.Timeout}

	var (
		next     atomic.Int64
		mu       sync.Mutex
		out      LoadResult
		wg       sync.WaitGroup
		start    = time.Now()
		deadline = start.Add(opts.Duration)
	)
	for range opts.Concurrency {
		wg.Go(func() {
			var lat []time.Duration
			errs, firstErr := 0, ""
			for ctx.Err() == nil && time.Now().Before(deadline) {
				n := int(next.Add(1)) - 1
				if n >= opts.MaxRequests {
					break
				}
				d, err := send(ctx, client, req, opts.Offset+n)
				if err != nil {
					if ctx.Err() != nil {
						break // interrupted, not a failure of the server
					}
					errs++
					if firstErr == "" {
						firstErr = err.Error()
					}
					continue
				}
				lat = append(lat, d)
			}
			mu.Lock()
			out.Latencies = append(out.Latencies, lat...)
			out.Errors += errs
			if out.FirstError == "" {
				out.FirstError = firstErr
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	out.Elapsed = time.Since(start)
	out.Sent = len(out.Latencies) + out.Errors
	return out, ctx.Err()
}

// send makes the body of request i, posts it and reads the whole answer; the
// latency is measured from sending to the last byte read, without making the body.
func send(ctx context.Context, client *http.Client, req Request, i int) (time.Duration, error) {
	body := req.Body(i)
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, req.URL, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	for k, v := range req.Header {
		r.Header[k] = v
	}
	if r.Header.Get("Content-Type") == "" {
		r.Header.Set("Content-Type", "application/json")
	}
	start := time.Now()
	resp, err := client.Do(r)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		snippet, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		// Drained only so the connection can be reused; the status is the error.
		_, _ = io.Copy(io.Discard, resp.Body)
		return 0, fmt.Errorf("%s: %s", resp.Status, bytes.TrimSpace(snippet))
	}
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

// requireLoopback refuses URLs whose host is not a loopback IP address or localhost.
func requireLoopback(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("load: %s is not a loopback address; the benchmark only talks to servers it started on 127.0.0.1", raw)
}
