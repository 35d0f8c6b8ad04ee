module benchgate.test/failing

go 1.21
