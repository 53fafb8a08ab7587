package bench

import (
	"context"
	"flag"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/baerum/styring/policies"
)

// EngineFigure is one in-process benchmark of policies.Revision.Check.
type EngineFigure struct {
	Input       string  `json:"input"`
	N           int     `json:"iterations"`
	NsPerOp     int64   `json:"ns_per_op"`
	AllocsPerOp int64   `json:"allocs_per_op"`
	BytesPerOp  int64   `json:"bytes_per_op"`
	MsPerOp     float64 `json:"ms_per_op"`
}

var testingInit sync.Once

// setBenchTime sets how long testing.Benchmark runs each benchmark (its
// -test.benchtime flag, which a program outside `go test` can only set this way).
func setBenchTime(d time.Duration) error {
	testingInit.Do(testing.Init)
	return flag.Set("test.benchtime", d.String())
}

// BenchmarkEngine runs testing.Benchmark on rev.Check for each document, as
// policies' BenchmarkCheck does, each for about benchtime.
func BenchmarkEngine(ctx context.Context, rev *policies.Revision, docs []*Doc, benchtime time.Duration) ([]EngineFigure, error) {
	if err := setBenchTime(benchtime); err != nil {
		return nil, err
	}
	var out []EngineFigure
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		doc, err := policies.ParseDocument(d.Raw)
		if err != nil {
			return out, err
		}
		var failed error
		r := testing.Benchmark(func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rev.Check(ctx, doc, policies.CheckOptions{}); err != nil {
					failed = err
					b.SkipNow()
				}
			}
		})
		if failed != nil {
			return out, fmt.Errorf("engine benchmark %s: %w", d.Name, failed)
		}
		out = append(out, EngineFigure{
			Input: d.Name, N: r.N, NsPerOp: r.NsPerOp(), AllocsPerOp: r.AllocsPerOp(), BytesPerOp: r.AllocedBytesPerOp(),
			MsPerOp: float64(r.NsPerOp()) / 1e6,
		})
	}
	return out, nil
}
