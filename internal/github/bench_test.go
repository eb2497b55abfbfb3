package github

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/githubtest"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// peakHeap samples the heap while run runs and returns its peak in MB.
// The fake GitHub lives in the same process, so the figure includes it.
func peakHeap(run func()) float64 {
	runtime.GC()
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	})
	run()
	close(stop)
	wg.Wait()
	return float64(peak) / (1 << 20)
}

// bench100 is a learner with 100 repositories behind 50 ms of latency on
// every answer, API and codeload alike.
func bench100(b *testing.B) *githubtest.Server {
	f := githubtest.Start()
	b.Cleanup(f.Close)
	f.AddToken("ghp_bench")
	learner(f, "ana-lima", 100)
	f.SetLatency(50 * time.Millisecond)
	return f
}

// BenchmarkColdAudit100 is the goal of issue 7: a cold audit of 100
// repositories under 3 s at the default concurrency, under 300 MB.
func BenchmarkColdAudit100(b *testing.B) {
	f := bench100(b)
	var peak float64
	requests := 0
	for b.Loop() {
		s, err := New(Config{APIURL: f.URL(), Token: "ghp_bench"})
		if err != nil {
			b.Fatal(err)
		}
		peak = max(peak, peakHeap(func() {
			snap, err := s.Snapshot(context.Background(), "ana-lima", snapshot.Options{})
			if err != nil || len(snap.Repos) != 100 || snap.Partial {
				b.Fatalf("err %v, partial %v", err, snap != nil && snap.Partial)
			}
		}))
		requests = s.Requests()
	}
	b.ReportMetric(peak, "peak-MB")
	b.ReportMetric(float64(requests), "requests")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/audit")
}

// BenchmarkWarmAudit100 re-audits the same unchanged learner from the cache.
func BenchmarkWarmAudit100(b *testing.B) {
	f := bench100(b)
	dir := b.TempDir()
	s, err := New(Config{APIURL: f.URL(), Token: "ghp_bench", CacheDir: dir})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Snapshot(context.Background(), "ana-lima", snapshot.Options{}); err != nil {
		b.Fatal(err)
	}
	var peak float64
	requests := 0
	b.ResetTimer()
	for b.Loop() {
		s, _ := New(Config{APIURL: f.URL(), Token: "ghp_bench", CacheDir: dir})
		peak = max(peak, peakHeap(func() {
			if _, err := s.Snapshot(context.Background(), "ana-lima", snapshot.Options{}); err != nil {
				b.Fatal(err)
			}
		}))
		requests = s.Requests()
	}
	b.ReportMetric(peak, "peak-MB")
	b.ReportMetric(float64(requests), "requests")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/audit")
}
