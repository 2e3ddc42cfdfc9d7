module example.com/extend-go

go 1.19
