package bench

import (
	"testing"
	"time"
)

func ms(v ...int) []time.Duration {
	out := make([]time.Duration, len(v))
	for i, x := range v {
		out[i] = time.Duration(x) * time.Millisecond
	}
	return out
}

func TestPercentile(t *testing.T) {
	hundred := make([]time.Duration, 100)
	for i := range hundred {
		hundred[i] = time.Duration(i+1) * time.Millisecond
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"no values give zero", nil, 50, 0},
		{"one value is every percentile", ms(7), 99, 7 * time.Millisecond},
		{"median of four is the second (nearest rank)", ms(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{"median of five is the middle one", ms(1, 2, 3, 4, 5), 50, 3 * time.Millisecond},
		{"p99 of 1..100 ms is 99 ms", hundred, 99, 99 * time.Millisecond},
		{"p100 is the maximum", hundred, 100, 100 * time.Millisecond},
		{"a tiny percentile is the minimum", hundred, 0.001, time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Percentile(tt.sorted, tt.p); got != tt.want {
				t.Errorf("Percentile(%v, %g) = %v, want %v", tt.sorted, tt.p, got, tt.want)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	t.Run("sorts, counts and divides by the elapsed time", func(t *testing.T) {
		s := Summarize(ms(40, 10, 30, 20), 3, 2*time.Second)
		want := Summary{
			Requests: 4, Errors: 3, Elapsed: 2 * time.Second, RPS: 2,
			Mean: 25 * time.Millisecond, P50: 20 * time.Millisecond, P90: 40 * time.Millisecond,
			P99: 40 * time.Millisecond, Max: 40 * time.Millisecond,
		}
		if s != want {
			t.Errorf("Summarize = %+v\nwant        %+v", s, want)
		}
	})
	t.Run("a run with only errors has no latencies and no rate", func(t *testing.T) {
		s := Summarize(nil, 5, time.Second)
		if s.Requests != 0 || s.Errors != 5 || s.RPS != 0 || s.P50 != 0 || s.Max != 0 {
			t.Errorf("Summarize(nil) = %+v", s)
		}
	})
	t.Run("no elapsed time gives no rate rather than infinity", func(t *testing.T) {
		if s := Summarize(ms(1), 0, 0); s.RPS != 0 {
			t.Errorf("RPS = %g, want 0", s.RPS)
		}
	})
}
