module benchgate.example/examples

go 1.21
