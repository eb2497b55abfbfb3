package main

import "github.com/acme/todo/handlers"

func main() {
	r := handlers.Router()
	_ = r.Run(":8080")
}
