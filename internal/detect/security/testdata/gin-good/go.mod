module github.com/octo/bookstore

go 1.22

require (
	github.com/gin-gonic/gin v1.9.1
	github.com/golang-jwt/jwt/v5 v5.2.1
	golang.org/x/crypto v0.22.0
)

require (
	github.com/gorilla/sessions v1.2.2 // indirect
)
