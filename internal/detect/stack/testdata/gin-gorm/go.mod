module example.com/inventory

go 1.22

require (
	github.com/gin-gonic/gin v1.9.1
	github.com/go-resty/resty/v2 v2.11.0
	gorm.io/driver/postgres v1.5.4
	gorm.io/gorm v1.25.5
)
