package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// ListBooks godoc
// @Summary List books
// @Router /books [get]
func ListBooks(c *gin.Context) { c.JSON(http.StatusOK, []string{}) }
