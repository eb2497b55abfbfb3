package stack

import (
	"fmt"
	"sort"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// bigRepo is a 50,000-file monorepo with 5,000 fetched files, 400 of them
// manifests and configuration of every kind Detect reads.
func bigRepo(b *testing.B) *snapshot.Repo {
	r := &snapshot.Repo{Name: "big", Contents: map[string][]byte{}, ContentsKnown: true}
	fixtures := []string{"django-good", "express-mongoose-dev", "spring-boot-maven", "rails-good", "gin-gorm", "rust-axum",
		"nestjs-prisma", "laravel-app", "aspnet-api", "fastapi-pep621"}
	for i := 0; len(r.Contents) < 400; i++ {
		src := load(b, fixtures[i%len(fixtures)])
		for _, f := range src.Files {
			p := fmt.Sprintf("services/svc%03d/%s", i, f.Path)
			r.Files = append(r.Files, snapshot.File{Path: p, Kind: "blob", Size: f.Size})
			r.Contents[p] = src.Contents[f.Path]
		}
	}
	for i := len(r.Files); i < 50000; i++ {
		p := fmt.Sprintf("src/pkg%03d/mod%02d/file%05d.go", i%500, i%41, i)
		r.Files = append(r.Files, snapshot.File{Path: p, Kind: "blob", Size: 100})
		if len(r.Contents) < 5000 {
			r.Contents[p] = []byte("package x\n")
		}
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	return r
}

func BenchmarkDetect(b *testing.B) {
	r := bigRepo(b)
	b.ResetTimer()
	for b.Loop() {
		Detect(r)
	}
}
