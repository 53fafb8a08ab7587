package policies

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
)

// Problem is one reason a candidate revision was refused, with its place when
// there is one (file, row, column).
type Problem struct {
	File    string `json:"file,omitempty"`
	Row     int    `json:"row,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	if p.File == "" {
		return p.Message
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Row, p.Col, p.Message)
}

// Attempt records one reload: when, from where, and what was wrong if it failed.
type Attempt struct {
	At       time.Time `json:"at"`
	Source   string    `json:"source"`
	Revision string    `json:"revision,omitempty"`
	Stage    string    `json:"stage,omitempty"` // read, compile, test, trial
	Problems []Problem `json:"problems,omitempty"`
	Passed   int       `json:"tests_passed,omitempty"`
}

// RefusedError is returned when a candidate revision is refused; the active
// revision keeps serving.
type RefusedError struct{ Attempt Attempt }

func (e *RefusedError) Error() string {
	var msgs []string
	for _, p := range e.Attempt.Problems {
		msgs = append(msgs, p.String())
	}
	return fmt.Sprintf("policy revision refused at %s: %s", e.Attempt.Stage, strings.Join(msgs, "; "))
}

// problemsOf turns compiler, parser and test errors into problems with places.
func problemsOf(err error) []Problem {
	var ce *CompileError
	if errors.As(err, &ce) {
		return astProblems(ce.Errors)
	}
	var errs ast.Errors
	if errors.As(err, &errs) {
		return astProblems(errs)
	}
	var one *ast.Error
	if errors.As(err, &one) {
		return astProblems(ast.Errors{one})
	}
	return []Problem{{Message: err.Error()}}
}

func astProblems(errs ast.Errors) []Problem {
	out := make([]Problem, 0, len(errs))
	for _, e := range errs {
		p := Problem{Message: e.Message}
		if e.Location != nil {
			p.File, p.Row, p.Col = strings.TrimPrefix(e.Location.File, "/"), e.Location.Row, e.Location.Col
		}
		out = append(out, p)
	}
	return out
}

// Prepare loads a candidate revision and runs its own Rego tests; it returns the
// revision only when it compiles and every test passes. It activates nothing.
func Prepare(ctx context.Context, src Source) (*Revision, Attempt, error) {
	att := Attempt{At: time.Now().UTC(), Source: src.Describe()}
	b, err := readSource(ctx, src)
	if err != nil {
		att.Stage, att.Problems = "read", problemsOf(err)
		return nil, att, &RefusedError{att}
	}
	return prepareBundle(ctx, b, att)
}

// CompileArchive reads and compiles a bundle archive given in a request
// (impact analysis) without running its tests; a candidate that does not
// compile is refused with the places of its errors.
func CompileArchive(ctx context.Context, r io.Reader, name string) (*Revision, error) {
	att := Attempt{At: time.Now().UTC(), Source: name}
	b, err := ReadBundleArchive(r)
	if err != nil {
		att.Stage, att.Problems = "read", problemsOf(err)
		return nil, &RefusedError{att}
	}
	rev, err := Compile(ctx, b)
	if err != nil {
		att.Stage, att.Problems = "compile", problemsOf(err)
		return nil, &RefusedError{att}
	}
	rev.Source = name
	return rev, nil
}

func prepareBundle(ctx context.Context, b *bundle.Bundle, att Attempt) (*Revision, Attempt, error) {
	rev, err := Compile(ctx, b)
	if err != nil {
		att.Stage, att.Problems = "compile", problemsOf(err)
		return nil, att, &RefusedError{att}
	}
	rev.Source = att.Source
	att.Revision = rev.ID
	rep, err := rev.RunTests(ctx, false)
	if err != nil {
		att.Stage, att.Problems = "test", problemsOf(err)
		return nil, att, &RefusedError{att}
	}
	att.Passed = rep.Passed
	if !rep.OK() {
		att.Stage = "test"
		if rep.Passed == 0 && len(rep.Failed) == 0 {
			att.Problems = []Problem{{Message: "the policies have no tests: a revision is activated only when its own tests pass"}}
		}
		for _, f := range rep.Failed {
			p := Problem{Message: f.Name + " failed"}
			if f.Error != "" {
				p.Message = f.Name + ": " + f.Error
			}
			p.File, p.Row, p.Col = f.File, f.Row, f.Col
			att.Problems = append(att.Problems, p)
		}
		return nil, att, &RefusedError{att}
	}
	return rev, att, nil
}

// Lifecycle reloads the engine's policies safely: a candidate is compiled and
// tested before it is swapped in atomically; a refused candidate leaves the
// active revision serving. Reloads are serialised.
type Lifecycle struct {
	Engine *Engine
	Source Source
	// TrialInputs, when set, gives the documents a candidate is evaluated on
	// after its tests pass (shipped examples and stored initiatives); any
	// evaluation error refuses it.
	TrialInputs func(ctx context.Context) ([]TrialInput, error)

	mu          sync.Mutex
	lastFailure *Attempt
	lastSuccess *Attempt
	etag        string // of the last bundle fetched from a URL
}

// Reload loads Source again and activates it when it passes. It returns the
// active revision and whether it changed.
func (l *Lifecycle) Reload(ctx context.Context) (*Revision, bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	att := Attempt{At: time.Now().UTC(), Source: l.Source.Describe()}
	var b *bundle.Bundle
	var err error
	if IsURL(l.Source.Location) {
		b, err = fetchBundle(ctx, l.Source.Location, l.etag)
		if errors.Is(err, errNotModified) {
			return l.Engine.Active(), false, nil
		}
	} else {
		b, err = readBundle(ctx, l.Source)
	}
	if err != nil {
		att.Stage, att.Problems = "read", problemsOf(err)
		l.lastFailure = &att
		return l.Engine.Active(), false, &RefusedError{att}
	}
	rev, att, err := prepareBundle(ctx, b, att)
	if err == nil && l.TrialInputs != nil {
		err = l.trial(ctx, rev, &att)
	}
	if err != nil {
		l.lastFailure = &att
		return l.Engine.Active(), false, err
	}
	l.lastSuccess = &att
	l.etag = b.Etag
	if active := l.Engine.Active(); active != nil && active.ID == rev.ID {
		return active, false, nil
	}
	l.Engine.Activate(rev)
	return rev, true, nil
}

// trial evaluates the candidate on the trial inputs; any evaluation error refuses it.
func (l *Lifecycle) trial(ctx context.Context, rev *Revision, att *Attempt) error {
	inputs, err := l.TrialInputs(ctx)
	if err != nil {
		att.Stage, att.Problems = "trial", []Problem{{Message: "reading the trial inputs: " + err.Error()}}
		return &RefusedError{*att}
	}
	if problems := Trial(ctx, rev, inputs, time.Now()); len(problems) > 0 {
		att.Stage, att.Problems = "trial", problems
		return &RefusedError{*att}
	}
	return nil
}

// Status returns the last failed and the last successful attempt (nil when none).
func (l *Lifecycle) Status() (failed, succeeded *Attempt) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lastFailure, l.lastSuccess
}

// IsURL reports whether a policy location is a bundle URL to poll.
func IsURL(loc string) bool {
	return strings.HasPrefix(loc, "http://") || strings.HasPrefix(loc, "https://")
}

// Poll fetches a bundle URL every interval with If-None-Match (like OPA's
// bundle plugin, so many instances share one source) and reloads when it
// changed, until ctx ends. Errors are reported to onError and retried next time.
func (l *Lifecycle) Poll(ctx context.Context, interval time.Duration, onChange func(*Revision), onError func(error)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		rev, changed, err := l.Reload(ctx)
		switch {
		case err != nil:
			onError(err)
		case changed:
			onChange(rev)
		}
	}
}

var errNotModified = errors.New("bundle not modified")

// readSource reads a source; for a URL it honours the last ETag.
func readSource(ctx context.Context, src Source) (*bundle.Bundle, error) {
	if !IsURL(src.Location) {
		return readBundle(ctx, src)
	}
	return fetchBundle(ctx, src.Location, "")
}

// bundleClient fetches bundles; a bounded timeout so a hung server can't stall a reload.
var bundleClient = &http.Client{Timeout: 30 * time.Second}

// fetchBundle downloads a bundle archive from url.
func fetchBundle(ctx context.Context, url, etag string) (*bundle.Bundle, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("bundle %s: %w", url, err)
	}
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	res, err := bundleClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch bundle %s: %w", url, err)
	}
	defer res.Body.Close()
	switch res.StatusCode {
	case http.StatusOK:
	case http.StatusNotModified:
		return nil, errNotModified
	default:
		return nil, fmt.Errorf("fetch bundle %s: HTTP %d", url, res.StatusCode)
	}
	raw, err := io.ReadAll(io.LimitReader(res.Body, maxBundleBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fetch bundle %s: %w", url, err)
	}
	if len(raw) > maxBundleBytes {
		return nil, fmt.Errorf("fetch bundle %s: larger than %d bytes", url, maxBundleBytes)
	}
	b, err := ReadBundleArchive(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	b.Etag = res.Header.Get("ETag")
	return b, nil
}
