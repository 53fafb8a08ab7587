package server

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/baerum/styring/models"
)

// metrics are the server's Prometheus metrics, on a registry of its own so that
// several servers (tests) can live in one process.
type metrics struct {
	registry         *prometheus.Registry
	requestDuration  *prometheus.HistogramVec
	checks           *prometheus.CounterVec
	violations       *prometheus.CounterVec
	evalDuration     prometheus.Histogram
	decisionQueue    prometheus.Gauge
	decisionDropped  prometheus.Counter
	decisionWritten  prometheus.Counter
	decisionFailures prometheus.Counter
	// decisionRejected counts entries the database refused, kept as raw text.
	decisionRejected prometheus.Counter
	// decisionUnwritten counts entries of checks answered 503 because they
	// could not be written (no id handed out).
	decisionUnwritten prometheus.Counter
	// decisionBatchSize is how many entries each commit of the logger wrote.
	decisionBatchSize prometheus.Histogram
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requestDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "styring_http_request_duration_seconds", Help: "HTTP request duration by route, method and status code.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "method", "code"}),
		checks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "styring_checks_total", Help: "Initiatives checked, by kind (check, batch, submit, update) and outcome (allowed, denied).",
		}, []string{"kind", "outcome"}),
		violations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "styring_violations_total", Help: "Violations found, by rule and severity.",
		}, []string{"rule_id", "severity"}),
		evalDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "styring_evaluation_duration_seconds", Help: "Time to evaluate the rules on one initiative.",
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1},
		}),
		decisionQueue: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "styring_decision_log_queue_depth", Help: "Decisions waiting to be written to the decision log (queued, or held back by an outage).",
		}),
		decisionDropped: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "styring_decision_log_dropped_total", Help: "Decisions whose id was handed out but that were never written nor kept: queued entries (replays, refused submissions) lost to a full queue, shutdown during an outage, or an entry that can't be stored at all. Checks wait for their entry, so theirs are never dropped.",
		}),
		decisionWritten: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "styring_decision_log_written_total", Help: "Decisions the decision logger wrote to the decision log.",
		}),
		decisionFailures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "styring_decision_log_write_failures_total", Help: "Batches of decisions the log could not write at the first attempt (database unavailable, or an entry refused).",
		}),
		decisionRejected: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "styring_decision_log_rejected_total", Help: "Decisions the database refused (a NUL or invalid UTF-8 in the input or result), kept as raw text in decision_rejects; GET /api/v1/decisions/{id} still finds them.",
		}),
		decisionUnwritten: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "styring_decision_log_unwritten_total", Help: "Decisions of checks that could not be written (database unavailable): those checks answered 503 and handed out no decision id.",
		}),
		decisionBatchSize: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "styring_decision_log_batch_size", Help: "Decisions written together in one commit of the decision log (group commit).",
			Buckets: []float64{1, 2, 4, 8, 16, 32, 64, 128, 256, 512},
		}),
	}
	m.registry.MustRegister(m.requestDuration, m.checks, m.violations, m.evalDuration,
		m.decisionQueue, m.decisionDropped, m.decisionWritten, m.decisionFailures,
		m.decisionRejected, m.decisionUnwritten, m.decisionBatchSize,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// ObserveCheck counts one evaluation by kind and outcome, its violations by
// rule and severity, and its duration (app.Observer).
func (m *metrics) ObserveCheck(kind string, res models.CheckResult, took time.Duration) {
	m.evalDuration.Observe(took.Seconds())
	outcome := "allowed"
	if !res.Allowed {
		outcome = "denied"
	}
	m.checks.WithLabelValues(kind, outcome).Inc()
	for _, v := range res.Violations {
		m.violations.WithLabelValues(v.RuleID, string(v.Severity)).Inc()
	}
}
