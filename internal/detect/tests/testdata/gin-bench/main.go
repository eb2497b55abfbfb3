package main

import (
	"github.com/acme/todo/handlers"
	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.Default()
	handlers.Register(r)
	r.Run()
}
