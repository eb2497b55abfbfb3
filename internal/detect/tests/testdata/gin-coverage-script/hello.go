package main

import (
	"github.com/gin-gonic/gin"
	"github.com/jdoe/conduit-gin/users"
)

func main() {
	r := gin.Default()
	users.Register(r.Group("/api/users"))
	r.Run()
}
