package bench

import (
	"math"
	"slices"
	"time"
)

// Summary is what one load run measured: how many requests were answered, how
// fast, and how the latencies of the successful ones are spread.
type Summary struct {
	Requests int           // answered with a 2xx status
	Errors   int           // non-2xx answers and transport errors
	Elapsed  time.Duration // from the first request sent to the last answer read
	RPS      float64       // Requests / Elapsed
	Mean     time.Duration
	P50      time.Duration
	P90      time.Duration
	P99      time.Duration
	Max      time.Duration
}

// Summarize sorts latencies (in place) and computes the summary of a run.
func Summarize(latencies []time.Duration, errors int, elapsed time.Duration) Summary {
	slices.Sort(latencies)
	s := Summary{Requests: len(latencies), Errors: errors, Elapsed: elapsed}
	if elapsed > 0 {
		s.RPS = float64(len(latencies)) / elapsed.Seconds()
	}
	if len(latencies) == 0 {
		return s
	}
	var sum time.Duration
	for _, l := range latencies {
		sum += l
	}
	s.Mean = sum / time.Duration(len(latencies))
	s.P50 = Percentile(latencies, 50)
	s.P90 = Percentile(latencies, 90)
	s.P99 = Percentile(latencies, 99)
	s.Max = latencies[len(latencies)-1]
	return s
}

// Percentile returns the p-th percentile (0 < p ≤ 100) of sorted latencies by
// the nearest-rank method: the smallest value that at least p % of the values
// do not exceed. It is 0 for no values.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}

// ratio is a/b, or 0 when b is 0 (a target that answered nothing).
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
