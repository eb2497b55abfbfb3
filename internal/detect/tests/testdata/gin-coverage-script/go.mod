module github.com/jdoe/conduit-gin

go 1.15

require (
	github.com/gin-gonic/gin v1.8.1
	github.com/jinzhu/gorm v1.9.16
	github.com/stretchr/testify v1.8.0
)
