package policies

import (
	"context"
	"sync/atomic"
)

// Engine holds the active revision. Readers take the revision once per request
// with Active and finish on it, so a reload never changes the rules under a
// running check.
type Engine struct {
	active atomic.Pointer[Revision]
}

// NewEngine returns an engine serving rev.
func NewEngine(rev *Revision) *Engine {
	e := &Engine{}
	e.active.Store(rev)
	return e
}

// Active returns the revision in force.
func (e *Engine) Active() *Revision { return e.active.Load() }

// Activate swaps in rev atomically and returns the revision it replaced.
func (e *Engine) Activate(rev *Revision) *Revision { return e.active.Swap(rev) }

// LoadEngine loads src and returns an engine serving it.
func LoadEngine(ctx context.Context, src Source) (*Engine, error) {
	rev, err := Load(ctx, src)
	if err != nil {
		return nil, err
	}
	return NewEngine(rev), nil
}
