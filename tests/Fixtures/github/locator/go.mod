module benchgate.test/locator

go 1.21
