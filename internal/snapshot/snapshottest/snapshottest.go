// Package snapshottest builds snapshot.Repo values for detector tests, the
// way a source would: every file listed, sorted, with its content fetched.
package snapshottest

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Dir reads every regular file under root into a repository called name.
func Dir(tb testing.TB, root, name string) *snapshot.Repo {
	tb.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		tb.Fatalf("load %s: %v", root, err)
	}
	return build(name, files)
}

// Map makes a repository called name from path -> content.
func Map(name string, files map[string]string) *snapshot.Repo {
	b := make(map[string][]byte, len(files))
	for p, c := range files {
		b[p] = []byte(c)
	}
	return build(name, b)
}

func build(name string, files map[string][]byte) *snapshot.Repo {
	r := &snapshot.Repo{Name: name, FullName: "acme/" + name, Contents: files, ContentsKnown: true}
	for p, c := range files {
		r.Files = append(r.Files, snapshot.File{Path: p, Size: int64(len(c)), Kind: "blob"})
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	return r
}
