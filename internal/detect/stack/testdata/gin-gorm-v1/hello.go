package main

import (
	"github.com/gin-gonic/gin"
	"github.com/jdoe/conduit-gin/common"
	"github.com/jdoe/conduit-gin/users"
)

func main() {
	db := common.Init()
	defer db.Close()
	users.AutoMigrate()

	r := gin.Default()
	users.Register(r.Group("/api/users"))
	r.Run()
}
