// Package underperf has a benchmark that runs normally on its own (so that calibration passes) and panics when
// its parent process is perf, to test how BenchGate's perf backend reports a benchmark that dies under perf stat.
package underperf

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// init burns CPU for the duration in BENCHGATE_TEST_BURN_INIT (e.g. 300ms), when set: a disturbance of one
// process that BenchGate's tests inject into some perf runs and not others.
func init() {
	if d, err := time.ParseDuration(os.Getenv("BENCHGATE_TEST_BURN_INIT")); err == nil {
		for start := time.Now(); time.Since(start) < d; {
			sink += work(1000)
		}
	}
}

var sink int

func work(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i * i
	}
	return s
}

// parentIsPerf reports whether the parent process's command name is perf (Linux /proc).
func parentIsPerf() bool {
	comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", os.Getppid()))
	return err == nil && strings.TrimSpace(string(comm)) == "perf"
}

func BenchmarkSteady(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += work(100)
	}
}

// BenchmarkPanicsUnderPerf panics only when perf started the test binary.
func BenchmarkPanicsUnderPerf(b *testing.B) {
	if parentIsPerf() {
		panic("deliberate panic under perf for BenchGate's tests")
	}
	for i := 0; i < b.N; i++ {
		sink += work(100)
	}
}
