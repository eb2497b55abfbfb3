module github.com/octo/books

go 1.22

require (
	github.com/gin-gonic/gin v1.9.1
	github.com/swaggo/swag v1.16.3
)
