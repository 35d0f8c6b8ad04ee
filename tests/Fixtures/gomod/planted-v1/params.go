package planted

// The only file that differs between planted-v1 and planted-v2: the planted changes.
// v1: sequential access, sorted data, 1000 rounds of work.

// stride between consecutive reads of BenchmarkStride (elements; odd, so that every element is read once).
var stride = 1

// shuffled is false: BenchmarkBranch reads its bytes in sorted order (the branch is predictable).
var shuffled = false

// rounds of mixing per operation of BenchmarkWork.
var rounds = 1000
