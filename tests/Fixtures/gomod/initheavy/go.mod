module benchgate.test/initheavy

go 1.21
