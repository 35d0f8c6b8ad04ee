module benchgate.test/gatedemo

go 1.21
