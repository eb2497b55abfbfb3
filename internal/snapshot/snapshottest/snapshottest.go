// Package snapshottest builds snapshot.Repo values for detector tests, the
// way a source would: every file listed, sorted, with its content fetched.
package snapshottest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
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

// Large makes the detectors' cost target: n files of about 4 KiB spread over
// services and packages, one in ten with content. Each file gets the body of
// its extension, exts taken in turn; extra files (manifests, a README) are
// added with their content as given.
func Large(n int, exts []string, bodies map[string]string, extra map[string]string) *snapshot.Repo {
	files := make(map[string][]byte, n/10+len(extra))
	r := &snapshot.Repo{Name: "big", FullName: "acme/big", Contents: files, ContentsKnown: true}
	for i := range n {
		ext := exts[i%len(exts)]
		p := fmt.Sprintf("services/s%02d/src/pkg%03d/file%05d%s", i%40, i%500, i, ext)
		r.Files = append(r.Files, snapshot.File{Path: p, Size: 4096, Kind: "blob"})
		if i%10 == 0 {
			files[p] = []byte(strings.Repeat(bodies[ext], 4096/len(bodies[ext])+1))
		}
	}
	for p, c := range extra {
		r.Files = append(r.Files, snapshot.File{Path: p, Size: int64(len(c)), Kind: "blob"})
		files[p] = []byte(c)
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	return r
}
