module benchgate.canary

go 1.21
