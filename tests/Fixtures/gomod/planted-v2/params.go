package planted

// The only file that differs between planted-v1 and planted-v2: the planted changes.
// v2: strided access, shuffled data, 1050 rounds of work (5 % more).

// stride between consecutive reads of BenchmarkStride (elements; odd, so that every element is read once).
var stride = 9

// shuffled is true: BenchmarkBranch reads its bytes in random order (the branch is unpredictable).
var shuffled = true

// rounds of mixing per operation of BenchmarkWork.
var rounds = 1050
