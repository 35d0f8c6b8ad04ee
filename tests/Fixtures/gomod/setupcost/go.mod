module benchgate.test/setupcost

go 1.21
