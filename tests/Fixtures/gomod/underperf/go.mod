module benchgate.test/underperf

go 1.21
