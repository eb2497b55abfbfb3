package safefile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesWholeFileAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out", "octocat-readiness.json")
	if err := Write(p, []byte("first"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("second version"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(p)
	if err != nil || string(got) != "second version" {
		t.Fatalf("content = %q, %v", got, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Fatalf("temp files left behind: %v", entries)
	}
}

func TestWriteIntoAFileFails(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "report")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(blocker, "a.json"), []byte("{}"), 0o644); err == nil {
		t.Fatal("writing below a regular file succeeded")
	}
	if b, _ := os.ReadFile(blocker); string(b) != "x" {
		t.Fatalf("blocker changed: %q", b)
	}
}

func TestAppendKeepsExistingContent(t *testing.T) {
	p := filepath.Join(t.TempDir(), "summary.md")
	if err := Append(p, []byte("a\n")); err != nil {
		t.Fatal(err)
	}
	if err := Append(p, []byte("b\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "a\nb\n" {
		t.Fatalf("got %q", b)
	}
}
