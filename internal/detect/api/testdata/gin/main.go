package main

import (
	"github.com/gin-gonic/gin"

	"github.com/octo/books/handlers"
)

// @title Books API
// @version 1.0
func main() {
	r := gin.Default()
	r.GET("/health", handlers.Health)
	v1 := r.Group("/api/v1")
	{
		v1.GET("/books", handlers.ListBooks)
		v1.GET("/books/:id", handlers.GetBook)
		v1.POST("/books", handlers.CreateBook)
		v1.DELETE("/books/:id", handlers.DeleteBook)
	}
	// r.PUT("/books/:id", handlers.UpdateBook)
	r.Run()
}
