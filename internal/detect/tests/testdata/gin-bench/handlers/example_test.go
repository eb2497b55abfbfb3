package handlers

import "fmt"

func ExampleParseID() {
	n, err := ParseID("42")
	fmt.Println(n, err)
	// Output: 42 <nil>
}

// ExampleRegister is compiled, never run: it has no Output comment.
func ExampleRegister() {
	r := newRouter(nil)
	r.Run(":8080")
}
