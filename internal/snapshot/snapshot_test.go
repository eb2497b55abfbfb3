package snapshot

import (
	"errors"
	"testing"
)

func TestUnderAny(t *testing.T) {
	dirs := map[string]bool{"node_modules": true, "vendor": true}
	for p, want := range map[string]bool{
		"node_modules/express/index.js": true,
		"web/node_modules/x.js":         true,
		"vendor":                        false, // the file itself, not a folder
		"src/vendor.go":                 false,
		"src/app/main.go":               false,
		"":                              false,
	} {
		if got := UnderAny(p, dirs); got != want {
			t.Errorf("UnderAny(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestFileAndRead(t *testing.T) {
	r := &Repo{
		Files:    []File{{Path: "README.md", Size: 5}, {Path: "go.mod", Size: 20}, {Path: "main.go", Size: 30}},
		Contents: map[string][]byte{"go.mod": []byte("module x\n")},
	}
	if f, ok := r.File("main.go"); !ok || f.Size != 30 {
		t.Fatalf("File(main.go) = %+v, %v", f, ok)
	}
	if r.Has("main") || !r.Has("README.md") {
		t.Fatal("Has looks up whole paths")
	}
	if b, err := r.Read("go.mod"); err != nil || string(b) != "module x\n" {
		t.Fatalf("Read(go.mod) = %q, %v", b, err)
	}
	if _, err := r.Read("main.go"); !errors.Is(err, ErrNotFetched) {
		t.Fatalf("a listed file without content must be ErrNotFetched, got %v", err)
	}
}

func TestUnreadableReposStayIncluded(t *testing.T) {
	if got := Excluded(&Repo{Unavailable: "rate limited"}, Options{}); got != "" {
		t.Fatalf("an unreadable repository is excluded as %q; it must stay with unknown rules", got)
	}
	if got := Excluded(&Repo{Fork: true}, Options{}); got != "fork" {
		t.Fatalf("fork: %q", got)
	}
	if got := Excluded(&Repo{Fork: true}, Options{IncludeForks: true}); got != "" {
		t.Fatalf("--include-forks: %q", got)
	}
	if got := Excluded(&Repo{Archived: true, Empty: true}, Options{IncludeArchived: true}); got != "empty" {
		t.Fatalf("archived and empty: %q", got)
	}
}
