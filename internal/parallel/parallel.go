// Package parallel is Styring's one worker pool: checks of a batch, of the
// files given to the CLI, of every stored initiative for the report or an impact
// analysis all run through it, with a bound on the work in flight and results
// kept in input order.
package parallel

import (
	"context"
	"sync"
)

// Stream runs fn on every item feed yields, at most workers at a time. The
// first error (of fn or of feed) cancels the context the others see and is
// returned once every started fn has finished. feed blocks while all workers are
// busy, so a source of any size is read with bounded memory.
func Stream[T any](ctx context.Context, workers int, feed func(ctx context.Context, yield func(T) error) error, fn func(ctx context.Context, item T) error) error {
	workers = max(workers, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan T)
	var (
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
	)
	fail := func(err error) {
		errOnce.Do(func() { firstErr = err })
		cancel()
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				if ctx.Err() != nil {
					continue // drain: the feed stops at its next yield
				}
				if err := fn(ctx, it); err != nil {
					fail(err)
				}
			}
		}()
	}
	feedErr := feed(ctx, func(it T) error {
		select {
		case items <- it:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(items)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return feedErr
}

// Map runs fn on every element of items, at most workers at a time, and returns
// the results in the order of items. fn sees the element's index; it cannot
// fail: a result type that carries an error says so per element.
func Map[T, R any](ctx context.Context, workers int, items []T, fn func(ctx context.Context, i int, item T) R) []R {
	out := make([]R, len(items))
	// Map never stops early, so Stream's error is always nil.
	_ = Stream(ctx, min(workers, max(len(items), 1)), func(_ context.Context, yield func(int) error) error {
		for i := range items {
			if err := yield(i); err != nil {
				return err
			}
		}
		return nil
	}, func(ctx context.Context, i int) error {
		out[i] = fn(ctx, i, items[i])
		return nil
	})
	return out
}
