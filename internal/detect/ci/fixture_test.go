package ci

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// load reads testdata/<name> into a snapshot.Repo, as a source would.
func load(t testing.TB, name string) *snapshot.Repo {
	t.Helper()
	root := filepath.Join("testdata", name)
	r := &snapshot.Repo{Name: name, FullName: "acme/" + name, Contents: map[string][]byte{}, ContentsKnown: true}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		r.Files = append(r.Files, snapshot.File{Path: rel, Size: int64(len(b)), Kind: "blob"})
		r.Contents[rel] = b
		return nil
	})
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	return r
}
