module benchgate.test/ab

go 1.21
