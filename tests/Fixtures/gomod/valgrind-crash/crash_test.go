//go:build linux && amd64

// Package valgrindcrash has a benchmark that runs natively but crashes under valgrind: it maps a page at a fixed
// address inside the range valgrind 3.x reserves for itself on amd64 Linux (0x58000000), with
// MAP_FIXED_NOREPLACE, which valgrind does not honour. Natively the page is mapped there; under valgrind the
// kernel call returns another address and the benchmark panics.
package valgrindcrash

import (
	"syscall"
	"testing"
)

const (
	fixedAddress      = 0x58000000
	mapFixedNoReplace = 0x100000
)

var sink int

func mapFixedPage() {
	p, _, errno := syscall.Syscall6(syscall.SYS_MMAP, fixedAddress, 4096,
		syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANONYMOUS|mapFixedNoReplace, ^uintptr(0), 0)
	if errno != 0 || p != fixedAddress {
		panic("mmap at a fixed address did not map there (running under valgrind?)")
	}
	syscall.Syscall(syscall.SYS_MUNMAP, fixedAddress, 4096, 0)
}

func BenchmarkFixedAddress(b *testing.B) {
	mapFixedPage()
	for i := 0; i < b.N; i++ {
		sink += i
	}
}

func BenchmarkFine(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for k := 0; k < 100; k++ {
			sink += k ^ i
		}
	}
}
