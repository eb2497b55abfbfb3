package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type Todo struct {
	ID    int    `json:"id"`
	Title string `json:"title" binding:"required"`
}

func Router() *gin.Engine {
	r := gin.Default()
	var todos []Todo
	r.GET("/todos", func(c *gin.Context) { c.JSON(http.StatusOK, todos) })
	r.POST("/todos", func(c *gin.Context) {
		var t Todo
		if err := c.ShouldBindJSON(&t); err != nil {
			c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
			return
		}
		t.ID = len(todos) + 1
		todos = append(todos, t)
		c.JSON(http.StatusCreated, t)
	})
	return r
}
