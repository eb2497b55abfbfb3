package main

import (
	"errors"
	"testing"
)

func TestUsageError(t *testing.T) {
	for msg, want := range map[string]bool{
		`unknown command "audti" for "pathway"`: true,
		"accepts 1 arg(s), received 2":          true,
		`GitHub user "x" not found`:             false,
		"cannot reach the GitHub API":           false,
	} {
		if got := usageError(errors.New(msg)); got != want {
			t.Errorf("usageError(%q) = %v, want %v", msg, got, want)
		}
	}
}
