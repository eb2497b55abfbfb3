module github.com/jdoe/shortener

go 1.22

require (
	github.com/gin-gonic/gin v1.9.1
	github.com/redis/go-redis/v9 v9.4.0
)

require (
	github.com/bytedance/sonic v1.10.2 // indirect
	github.com/go-sql-driver/mysql v1.7.1 // indirect
	github.com/lib/pq v1.10.9 // indirect
)
