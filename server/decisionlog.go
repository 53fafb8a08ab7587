package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/baerum/styring/models"
)

// DecisionLogger writes the decision-log entries of plain checks and batch
// items, and those queued by the other use cases (replays, refused
// submissions). Submissions and waivers write theirs in their own transactions.
//
// The promise is that every decision id handed out can be looked up, through a
// poisoned entry and through a database outage:
//
//   - Write before the answer, with group commit. A check calls Write and waits
//     until its entry is committed (bounded by its context: the store timeout).
//     One goroutine writes: it takes every entry waiting in the queue (up to
//     batchSize) and writes them in one transaction, so concurrent checks share
//     one commit and the cost of a commit is paid once per batch, not per check.
//     While it writes, the next batch gathers in the queue.
//   - No id without its entry. When the database is down the batch fails and
//     each waiting check gets EUNAVAILABLE (503 with Retry-After) and hands out
//     no id; nothing is kept in memory on its behalf, so the instance stays
//     stateless and can be stopped at any time.
//   - One bad entry never takes others with it. A batch the database refuses
//     for another reason is split in halves, each written on its own, down to
//     single entries (O(log n) writes for one bad entry among n); an entry the
//     database refuses alone (a \u0000 or invalid UTF-8 jsonb cannot hold) is
//     kept as raw text with the reason (RejectDecision), counted in
//     styring_decision_log_rejected_total, and GET /decisions/{id} shows it.
//
// Queued entries (Enqueue) that meet an outage are kept and written again with
// the next batch, or after a backoff, up to the queue's capacity; any entry
// lost (queue full or closed, over capacity, not storable at all, still
// unwritten at shutdown) is counted in styring_decision_log_dropped_total.
type DecisionLogger struct {
	store   models.DecisionStore
	queue   chan logRequest
	log     *slog.Logger
	metrics *metrics
	mu      sync.RWMutex
	closed  bool
	done    chan struct{}
	flushes chan chan struct{}

	capacity     int           // entries queued or kept for a retry, at most
	batchSize    int           // entries one transaction writes, at most (one Write's own entries may be more)
	writeTimeout time.Duration // bound of one write of the store
	retryMin     time.Duration // first wait before queued entries are written again after an outage
	retryMax     time.Duration // longest such wait
}

// logRequest is one Write or Enqueue: its entries and, for Write, who waits.
type logRequest struct {
	ds   []models.Decision
	wait *waiter // nil: queued, nobody waits
}

// logItem is one entry on its way to the store.
type logItem struct {
	d    models.Decision
	wait *waiter
}

// waiter is a Write waiting for its entries. Only the logger's goroutine
// touches n and err; done is buffered, so it never blocks on a waiter gone.
type waiter struct {
	ctx  context.Context
	n    int   // entries not settled yet
	err  error // the first failure
	done chan error
}

// NewDecisionLogger starts a logger whose queue holds capacity requests.
func NewDecisionLogger(store models.DecisionStore, capacity int, log *slog.Logger, m *metrics) *DecisionLogger {
	l := &DecisionLogger{
		store: store, queue: make(chan logRequest, capacity), log: log, metrics: m,
		done: make(chan struct{}), flushes: make(chan chan struct{}),
		capacity: capacity, batchSize: 500, writeTimeout: 10 * time.Second,
		retryMin: 100 * time.Millisecond, retryMax: 5 * time.Second,
	}
	go l.run()
	return l
}

// Write writes ds to the log and returns once they are stored (or kept as raw
// text), so their ids may be handed out. It returns EUNAVAILABLE when they
// could not be written before ctx ends: the database is down, or the server is
// shutting down. Entries of concurrent calls are committed together.
func (l *DecisionLogger) Write(ctx context.Context, ds ...models.Decision) error {
	if len(ds) == 0 {
		return nil
	}
	w := &waiter{ctx: ctx, n: len(ds), done: make(chan error, 1)}
	if err := l.send(ctx, logRequest{ds: ds, wait: w}); err != nil {
		l.metrics.decisionUnwritten.Add(float64(len(ds)))
		return err
	}
	select {
	case err := <-w.done:
		if err != nil {
			l.metrics.decisionUnwritten.Add(float64(len(ds)))
		}
		return err
	case <-ctx.Done():
		select {
		case err := <-w.done: // written just as the wait ended
			if err == nil {
				return nil
			}
		default:
		}
		l.metrics.decisionUnwritten.Add(float64(len(ds)))
		return notWritten(ctx)
	}
}

// send puts r on the queue, waiting for room until ctx ends.
func (l *DecisionLogger) send(ctx context.Context, r logRequest) error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed {
		return models.Errorf(models.EUNAVAILABLE, "the server is shutting down; try again later")
	}
	select {
	case l.queue <- r:
		l.metrics.decisionQueue.Set(float64(len(l.queue)))
		return nil
	case <-ctx.Done():
		return notWritten(ctx)
	}
}

// notWritten is the error of a Write whose context ended first. Its entries
// may still be written later; their ids were never handed out.
func notWritten(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return models.Errorf(models.EUNAVAILABLE, "the request was cancelled before its decision was logged")
	}
	return models.Errorf(models.EUNAVAILABLE, "the decision log could not be written in time; try again later")
}

// Enqueue queues d to be written shortly after, without waiting, or drops it
// (counted) when the queue is full or closed.
func (l *DecisionLogger) Enqueue(d models.Decision) bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed {
		l.metrics.decisionDropped.Inc()
		return false
	}
	select {
	case l.queue <- logRequest{ds: []models.Decision{d}}:
		l.metrics.decisionQueue.Set(float64(len(l.queue)))
		return true
	default:
		l.metrics.decisionDropped.Inc()
		return false
	}
}

// Flush writes every entry queued before the call (one attempt for those an
// outage holds back), and returns when that is done (or ctx ends). Tests use
// it; requests never wait for it.
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
	var retry []logItem // queued entries an outage held back
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	armed := false
	backoff := l.retryMin
	for open := true; ; {
		var batch []logItem
		var reply chan struct{}
		var timerC <-chan time.Time
		if armed {
			timerC = timer.C
		}
		select {
		case r, ok := <-l.queue:
			if ok {
				batch = r.items()
			} else {
				open = false
			}
		case reply = <-l.flushes:
		case <-timerC:
			armed = false
		}
		// The entries held back go first, then whatever waits in the queue:
		// every check that arrived while the last batch was written shares
		// this one's commit. A flush goes on until every request queued
		// before it is written.
		flushing := 0
		if reply != nil {
			flushing = len(l.queue)
		}
		n := min(len(retry), l.batchSize)
		batch = append(retry[:n:n], batch...)
		retry = retry[n:]
		for {
			var taken int
			batch, taken, open = l.take(batch, open)
			flushing -= taken
			if len(batch) > 0 {
				retry = append(retry, l.write(batch)...)
			}
			batch = nil
			if !open || flushing <= 0 {
				break
			}
		}
		l.metrics.decisionQueue.Set(float64(len(l.queue) + len(retry)))
		if !open {
			// One last attempt for every entry held back, then they are lost.
			var lost []logItem
			for len(retry) > 0 {
				n := min(len(retry), l.batchSize)
				lost = append(lost, l.write(retry[:n])...)
				retry = retry[n:]
			}
			l.drop(lost, "the server stopped while the database was unavailable")
			return
		}
		if reply != nil {
			close(reply)
		}
		if over := len(retry) - l.capacity; over > 0 {
			l.drop(retry[:over], "more entries were held back than the queue holds")
			retry = retry[over:]
		}
		if len(retry) == 0 {
			backoff = l.retryMin
			timer.Stop()
			armed = false
			continue
		}
		if !armed {
			timer.Reset(backoff)
			armed = true
			backoff = min(2*backoff, l.retryMax)
		}
	}
}

func (r logRequest) items() []logItem {
	items := make([]logItem, len(r.ds))
	for i, d := range r.ds {
		items[i] = logItem{d: d, wait: r.wait}
	}
	return items
}

// take adds to batch what waits in the queue, without waiting, until it holds
// batchSize entries or the queue is empty, and says how many requests it took;
// open turns false when the queue is closed and drained.
func (l *DecisionLogger) take(batch []logItem, open bool) (_ []logItem, taken int, _ bool) {
	for open && len(batch) < l.batchSize {
		select {
		case r, ok := <-l.queue:
			if !ok {
				return batch, taken, false
			}
			batch = append(batch, r.items()...)
			taken++
		default:
			return batch, taken, open
		}
	}
	return batch, taken, open
}

// write writes batch in one transaction and settles each entry; it returns
// the queued entries an outage held back.
func (l *DecisionLogger) write(batch []logItem) (retry []logItem) {
	live := make([]logItem, 0, len(batch))
	for _, it := range batch {
		if it.wait != nil && it.wait.ctx.Err() != nil {
			// The check has answered 503 already and handed out no id.
			l.settle(it, notWritten(it.wait.ctx))
			continue
		}
		live = append(live, it)
	}
	if len(live) == 0 {
		return nil
	}
	l.metrics.decisionBatchSize.Observe(float64(len(live)))
	err := l.logDecisions(live)
	if err == nil {
		l.written(live)
		return nil
	}
	l.metrics.decisionFailures.Inc()
	if unavailable(err) {
		l.log.Warn("decision log unavailable", slog.Int("decisions", len(live)), slog.String("error", err.Error()))
		return l.holdBack(live, err)
	}
	l.log.Warn("decision log refused a batch; writing it in parts", slog.Int("decisions", len(live)), slog.String("error", err.Error()))
	return l.split(live, err)
}

// split writes items, which the database refused together with err, in
// halves, down to single entries: one refused entry costs O(log n) writes and
// takes no other with it.
func (l *DecisionLogger) split(items []logItem, err error) (retry []logItem) {
	if len(items) == 1 {
		return l.reject(items[0], err)
	}
	mid := len(items) / 2
	for _, half := range [][]logItem{items[:mid], items[mid:]} {
		err := l.logDecisions(half)
		switch {
		case err == nil:
			l.written(half)
		case unavailable(err):
			retry = append(retry, l.holdBack(half, err)...)
		case len(half) == 1:
			retry = append(retry, l.reject(half[0], err)...)
		default:
			retry = append(retry, l.split(half, err)...)
		}
	}
	return retry
}

// reject keeps an entry the database refused as raw text.
func (l *DecisionLogger) reject(it logItem, refused error) (retry []logItem) {
	ctx, cancel := context.WithTimeout(context.Background(), l.writeTimeout)
	err := l.store.RejectDecision(ctx, it.d, refused.Error())
	cancel()
	switch {
	case err == nil:
		l.metrics.decisionRejected.Inc()
		l.log.Warn("decision refused by the log, kept as raw text", slog.String("decision_id", it.d.ID), slog.String("error", refused.Error()))
		l.settle(it, nil)
		return nil
	case unavailable(err):
		return l.holdBack([]logItem{it}, err)
	}
	l.log.Error("decision lost: the log refused it and it could not be kept as raw text",
		slog.String("decision_id", it.d.ID), slog.String("refused", refused.Error()), slog.String("error", err.Error()))
	if it.wait == nil {
		l.metrics.decisionDropped.Inc()
	}
	l.settle(it, fmt.Errorf("decision %s can be neither logged nor kept: %w", it.d.ID, err))
	return nil
}

// holdBack answers the waiting entries of items with err (their checks answer
// 503 and hand out no id) and returns the queued ones, to be written again.
func (l *DecisionLogger) holdBack(items []logItem, err error) (retry []logItem) {
	for _, it := range items {
		if it.wait == nil {
			retry = append(retry, it)
			continue
		}
		l.settle(it, err)
	}
	return retry
}

// drop gives up queued entries, counted and logged.
func (l *DecisionLogger) drop(items []logItem, why string) {
	if len(items) == 0 {
		return
	}
	l.metrics.decisionDropped.Add(float64(len(items)))
	l.log.Error("decision log entries lost", slog.Int("decisions", len(items)), slog.String("why", why))
}

func (l *DecisionLogger) written(items []logItem) {
	l.metrics.decisionWritten.Add(float64(len(items)))
	for _, it := range items {
		l.settle(it, nil)
	}
}

// settle records the outcome of one entry and answers its waiter once all of
// its entries are settled.
func (l *DecisionLogger) settle(it logItem, err error) {
	w := it.wait
	if w == nil {
		return
	}
	if err != nil && w.err == nil {
		w.err = err
	}
	if w.n--; w.n == 0 {
		w.done <- w.err
	}
}

func (l *DecisionLogger) logDecisions(items []logItem) error {
	ds := make([]models.Decision, len(items))
	for i, it := range items {
		ds[i] = it.d
	}
	ctx, cancel := context.WithTimeout(context.Background(), l.writeTimeout)
	defer cancel()
	return l.store.LogDecisions(ctx, ds)
}

// unavailable reports a failure of the database rather than of the entries.
func unavailable(err error) bool {
	return models.ErrorCode(err) == models.EUNAVAILABLE ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}
