module example.com/extend-go/v2

go 1.19
