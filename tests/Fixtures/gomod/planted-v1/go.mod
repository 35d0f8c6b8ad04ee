module benchgate.test/planted

go 1.21
