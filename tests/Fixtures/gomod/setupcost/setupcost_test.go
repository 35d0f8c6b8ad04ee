// Package setupcost has a benchmark whose setup, before b.ResetTimer, costs far more than the measured loop:
// it maps and touches 128 MiB of fresh memory (32768 page faults) and keeps the CPU busy for 300 ms of CPU time. BenchGate's perf backend must report per-operation figures that do not contain any of it.
//
// The benchmark reports what its own setup cost, read from getrusage around the setup of the last run, as two
// extra metrics: setup-faults (minor page faults) and setup-cpu-sec (user+system CPU time); and the CPU time of
// its measured loop per operation, loop-cpu-ns/op, read the same way. Tests compare the per-op perf figures
// with these.
package setupcost

import (
	"syscall"
	"testing"
)

const (
	setupBytes = 128 << 20
	setupSpin  = 0.3 // seconds of CPU time
)

var sink uint64

// work is the small, known per-op cost: 256 rounds of an xorshift step, no allocation, no system call.
func work(seed uint64) uint64 {
	x := seed | 1
	for i := 0; i < 256; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

func usage() syscall.Rusage {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return ru
}

func cpuSeconds(ru syscall.Rusage) float64 {
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// expensiveSetup maps fresh anonymous memory (4 KiB pages, no huge pages), writes to every page, and then
// spins until the process has used setupSpin more CPU time (CPU time, not wall time, so that other load on the
// machine does not shorten it). The caller unmaps the memory, so that every setup faults its pages anew.
func expensiveSetup() []byte {
	start := cpuSeconds(usage())
	memory, err := syscall.Mmap(-1, 0, setupBytes, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(err)
	}
	_ = syscall.Madvise(memory, syscall.MADV_NOHUGEPAGE)
	for i := 0; i < len(memory); i += 4096 {
		memory[i] = byte(i >> 12)
	}
	for cpuSeconds(usage())-start < setupSpin {
		for i := 0; i < 1000; i++ {
			sink = work(sink)
		}
	}
	return memory
}

func BenchmarkSetupHeavy(b *testing.B) {
	before := usage()
	memory := expensiveSetup()
	after := usage()
	b.ResetTimer()
	loopStart := usage()
	for i := 0; i < b.N; i++ {
		sink = work(sink + uint64(i))
	}
	loopEnd := usage()
	b.StopTimer()
	if err := syscall.Munmap(memory); err != nil {
		panic(err)
	}
	b.ReportMetric(float64(after.Minflt-before.Minflt), "setup-faults")
	b.ReportMetric(cpuSeconds(after)-cpuSeconds(before), "setup-cpu-sec")
	b.ReportMetric((cpuSeconds(loopEnd)-cpuSeconds(loopStart))*1e9/float64(b.N), "loop-cpu-ns/op")
}
