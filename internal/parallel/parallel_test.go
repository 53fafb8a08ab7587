package parallel_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/baerum/styring/internal/parallel"
)

func TestMapKeepsOrderAndBoundsWorkers(t *testing.T) {
	items := make([]int, 200)
	for i := range items {
		items[i] = i
	}
	var running, peak atomic.Int32
	out := parallel.Map(context.Background(), 3, items, func(_ context.Context, i, v int) int {
		n := running.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		defer running.Add(-1)
		return v * 2
	})
	for i, v := range out {
		if v != 2*i {
			t.Fatalf("out[%d] = %d, want %d", i, v, 2*i)
		}
	}
	if peak.Load() > 3 {
		t.Errorf("%d workers ran at once, want at most 3", peak.Load())
	}
}

func TestMapOfNothing(t *testing.T) {
	if out := parallel.Map(context.Background(), 4, []string{}, func(context.Context, int, string) int { return 1 }); len(out) != 0 {
		t.Errorf("out = %v", out)
	}
}

func TestStreamStopsAtTheFirstError(t *testing.T) {
	boom := errors.New("boom")
	var fed, done atomic.Int32
	err := parallel.Stream(context.Background(), 2, func(ctx context.Context, yield func(int) error) error {
		for i := range 10000 {
			if err := yield(i); err != nil {
				return err
			}
			fed.Add(1)
		}
		return nil
	}, func(_ context.Context, i int) error {
		done.Add(1)
		if i == 5 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if fed.Load() >= 10000 {
		t.Errorf("the feed went on after the error: %d fed", fed.Load())
	}
}

func TestStreamReturnsTheFeedsError(t *testing.T) {
	bad := errors.New("source broke")
	var n atomic.Int32
	err := parallel.Stream(context.Background(), 4, func(ctx context.Context, yield func(int) error) error {
		for i := range 3 {
			if err := yield(i); err != nil {
				return err
			}
		}
		return bad
	}, func(context.Context, int) error { n.Add(1); return nil })
	if !errors.Is(err, bad) || n.Load() != 3 {
		t.Errorf("err = %v, %d processed; want the feed's error after 3", err, n.Load())
	}
}
