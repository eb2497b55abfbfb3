package languages

import (
	"fmt"
	"math/rand/v2"
	"path"
	"slices"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// bigTree builds a tree of n paths shaped like a large monorepo: services
// in several languages, each with its own vendored dependencies, build
// output, docs, assets and configuration. Content is held only for files
// whose extension is ambiguous, as the GitHub source would have fetched.
func bigTree(n int) ([]snapshot.File, map[string][]byte) {
	r := rand.New(rand.NewPCG(1, 2))
	type kind struct {
		dir, ext string
		weight   int
		content  string
	}
	kinds := []kind{
		{"services/%s/src/main/java/com/acme/%s", ".java", 10, ""},
		{"services/%s/internal/%s", ".go", 10, ""},
		{"services/%s/app/%s", ".py", 8, ""},
		{"services/%s/src/%s", ".ts", 10, "import { Injectable } from '@nestjs/common';\nexport class A {}\n"},
		{"services/%s/src/components/%s", ".tsx", 4, "export const A = () => <div/>;\n"},
		{"services/%s/app/Http/Controllers/%s", ".php", 5, "<?php\nnamespace App;\nclass A {}\n"},
		{"services/%s/include/%s", ".h", 3, "#include <vector>\nnamespace a { class B; }\n"},
		{"services/%s/lib/%s", ".pl", 1, "use strict;\nuse warnings;\nprint 1;\n"},
		{"services/%s/ios/%s", ".m", 1, "#import \"A.h\"\n@implementation A\n@end\n"},
		{"services/%s/templates/%s", ".html", 3, "<!doctype html>\n<title>x</title>\n"},
		{"services/%s/docs/%s", ".md", 3, "# Title\n\nSome text.\n"},
		{"services/%s/db/%s", ".sql", 1, "CREATE TABLE a (id int);\n"},
		{"services/%s/node_modules/%s/lib", ".js", 15, ""},
		{"services/%s/vendor/github.com/%s", ".go", 6, ""},
		{"services/%s/dist/%s", ".js", 2, ""},
		{"services/%s/static/css/%s", ".css", 2, ""},
		{"services/%s/config/%s", ".yml", 3, ""},
		{"services/%s/resources/%s", ".json", 3, ""},
		{"services/%s/assets/img/%s", ".png", 4, ""},
		{"services/%s/scripts/%s", ".sh", 1, ""},
		{"docs/%s/%s", ".rst", 1, ""},
		{"services/%s/.github/workflows/%s", ".yml", 1, ""},
	}
	var total int
	for _, k := range kinds {
		total += k.weight
	}
	files := make([]snapshot.File, 0, n)
	contents := map[string][]byte{}
	seen := map[string]bool{}
	for len(files) < n {
		w := r.IntN(total)
		k := kinds[0]
		for _, c := range kinds {
			if w < c.weight {
				k = c
				break
			}
			w -= c.weight
		}
		dir := fmt.Sprintf(k.dir, fmt.Sprintf("svc%d", r.IntN(40)), fmt.Sprintf("pkg%d", r.IntN(60)))
		p := path.Join(dir, fmt.Sprintf("file%d%s", r.IntN(200), k.ext))
		if seen[p] {
			continue
		}
		seen[p] = true
		files = append(files, snapshot.File{Path: p, Size: int64(200 + r.IntN(20000)), Kind: "blob"})
		if k.content != "" {
			contents[p] = []byte(k.content)
		}
	}
	slices.SortFunc(files, func(a, b snapshot.File) int {
		switch {
		case a.Path < b.Path:
			return -1
		case a.Path > b.Path:
			return 1
		}
		return 0
	})
	return files, contents
}

func BenchmarkDetect(b *testing.B) {
	files, contents := bigTree(100_000)
	repo := &snapshot.Repo{Files: files, Contents: contents}
	b.ReportAllocs()
	for b.Loop() {
		Detect(files, repo.Read)
	}
}

func BenchmarkSkip(b *testing.B) {
	files, _ := bigTree(10_000)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			Skip(f.Path)
		}
	}
}
