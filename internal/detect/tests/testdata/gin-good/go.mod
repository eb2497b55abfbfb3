module github.com/acme/todo

go 1.22

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/stretchr/testify v1.9.0
)

require github.com/bytedance/sonic v1.11.6 // indirect
