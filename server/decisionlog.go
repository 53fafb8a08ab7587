package server

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/baerum/styring/models"
)

// DecisionLogger writes the decisions of plain checks to the log in batches,
// off the request path, so logging never limits check throughput. The queue is
// bounded: when it is full a decision is dropped and counted, never waited for.
// Submissions do not go through here: they are written with their initiative.
type DecisionLogger struct {
	store   models.DecisionStore
	queue   chan models.Decision
	log     *slog.Logger
	metrics *metrics
	mu      sync.RWMutex
	closed  bool
	done    chan struct{}
	flushes chan chan struct{}

	batchSize int
	interval  time.Duration
}

// NewDecisionLogger starts a logger with a queue of capacity entries.
func NewDecisionLogger(store models.DecisionStore, capacity int, log *slog.Logger, m *metrics) *DecisionLogger {
	l := &DecisionLogger{
		store: store, queue: make(chan models.Decision, capacity), log: log, metrics: m,
		done: make(chan struct{}), flushes: make(chan chan struct{}), batchSize: 500, interval: 100 * time.Millisecond,
	}
	go l.run()
	return l
}

// Enqueue adds d to the queue, or drops it when the queue is full or closed.
func (l *DecisionLogger) Enqueue(d models.Decision) bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed {
		l.metrics.decisionDropped.Inc()
		return false
	}
	select {
	case l.queue <- d:
		l.metrics.decisionQueue.Set(float64(len(l.queue)))
		return true
	default:
		l.metrics.decisionDropped.Inc()
		return false
	}
}

// Flush writes every decision queued before the call, and returns when they are
// written (or ctx ends). Shutdown and tests use it; requests never wait for it.
func (l *DecisionLogger) Flush(ctx context.Context) error {
	reply := make(chan struct{})
	select {
	case l.flushes <- reply:
	case <-l.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-reply:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close stops accepting and writes what is queued, until ctx ends.
func (l *DecisionLogger) Close(ctx context.Context) error {
	l.mu.Lock()
	if !l.closed {
		l.closed = true
		close(l.queue)
	}
	l.mu.Unlock()
	select {
	case <-l.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *DecisionLogger) run() {
	defer close(l.done)
	batch := make([]models.Decision, 0, l.batchSize)
	ticker := time.NewTicker(l.interval)
	defer ticker.Stop()
	for {
		select {
		case d, ok := <-l.queue:
			if !ok {
				l.flush(batch)
				return
			}
			batch = append(batch, d)
			if len(batch) >= l.batchSize {
				l.flush(batch)
				batch = batch[:0]
			}
		case <-ticker.C:
			if len(batch) > 0 {
				l.flush(batch)
				batch = batch[:0]
			}
		case reply := <-l.flushes:
			for drained := false; !drained; {
				select {
				case d, ok := <-l.queue:
					if !ok {
						drained = true
						break
					}
					batch = append(batch, d)
				default:
					drained = true
				}
			}
			l.flush(batch)
			batch = batch[:0]
			close(reply)
		}
	}
}

func (l *DecisionLogger) flush(batch []models.Decision) {
	if len(batch) == 0 {
		return
	}
	defer l.metrics.decisionQueue.Set(float64(len(l.queue)))
	for attempt := range 3 {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err := l.store.LogDecisions(ctx, batch)
		cancel()
		if err == nil {
			l.metrics.decisionWritten.Add(float64(len(batch)))
			return
		}
		l.log.Warn("decision log write failed", slog.Int("decisions", len(batch)), slog.Int("attempt", attempt+1), slog.String("error", err.Error()))
		time.Sleep(time.Duration(attempt+1) * 200 * time.Millisecond)
	}
	l.metrics.decisionFailures.Inc()
	l.log.Error("decision log batch lost", slog.Int("decisions", len(batch)))
}
