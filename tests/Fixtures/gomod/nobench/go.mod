module benchgate.test/nobench

go 1.21
