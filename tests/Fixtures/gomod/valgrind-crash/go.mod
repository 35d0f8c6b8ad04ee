module benchgate.test/valgrindcrash

go 1.21
