package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

type Todo struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
}

var todos = []Todo{}

// Register mounts the todo routes.
func Register(r *gin.Engine) {
	r.GET("/todos", list)
	r.GET("/todos/:id", get)
}

func list(c *gin.Context) { c.JSON(http.StatusOK, todos) }

func get(c *gin.Context) {
	id, err := ParseID(c.Param("id"))
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	for _, t := range todos {
		if t.ID == id {
			c.JSON(http.StatusOK, t)
			return
		}
	}
	c.Status(http.StatusNotFound)
}

// ParseID reads a positive todo id.
func ParseID(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, strconv.ErrSyntax
	}
	return n, nil
}
