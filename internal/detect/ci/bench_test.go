package ci

import (
	"fmt"
	"sort"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// synthetic builds a 50,000-file tree with 5,000 fetched files, a few
// workflows among them, and deployment files deep in the tree.
func synthetic(files, fetched int) *snapshot.Repo {
	r := &snapshot.Repo{Name: "big", Contents: map[string][]byte{}, ContentsKnown: true}
	wf := []byte("name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: |\n          npm run lint\n          make ci\n      - uses: docker/build-push-action@v5\n")
	k8s := []byte("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n")
	for i := range files {
		p := fmt.Sprintf("services/s%d/src/pkg%d/file%d.go", i/5000, i/100, i)
		var body []byte
		switch {
		case i%1000 == 0:
			p, body = fmt.Sprintf("services/s%d/k8s/deploy%d.yaml", i/5000, i), k8s
		case i%10 == 1:
			body = []byte("package x\n\nfunc F() {}\n")
		}
		r.Files = append(r.Files, snapshot.File{Path: p})
		if body != nil && len(r.Contents) < fetched {
			r.Contents[p] = body
		}
	}
	for i := range 20 {
		p := fmt.Sprintf(".github/workflows/w%02d.yml", i)
		r.Files = append(r.Files, snapshot.File{Path: p})
		r.Contents[p] = wf
	}
	r.Files = append(r.Files, snapshot.File{Path: "Makefile"}, snapshot.File{Path: "package.json"}, snapshot.File{Path: "Dockerfile"})
	r.Contents["Makefile"] = []byte("ci: lint test\nlint:\n\tgo vet ./...\ntest:\n\tgo test ./...\n")
	r.Contents["package.json"] = []byte(`{"scripts": {"lint": "eslint ."}}`)
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	return r
}

// BenchmarkDetectDeploy runs Detect and Deploy over the tree size the
// project's performance goal names.
func BenchmarkDetectDeploy(b *testing.B) {
	r := synthetic(50_000, 5_000)
	b.ResetTimer()
	for b.Loop() {
		Detect(r)
		Deploy(r)
	}
}

func BenchmarkDetectDeploySmall(b *testing.B) {
	r := synthetic(5_000, 500)
	b.ResetTimer()
	for b.Loop() {
		Detect(r)
		Deploy(r)
	}
}

func TestSynthetic(t *testing.T) {
	r := synthetic(50_000, 5_000)
	c := Detect(r)
	if c.RunsTests == nil || !*c.RunsTests || len(c.Files) != 20 {
		t.Errorf("runs_tests=%s files=%d, want true 20", tri(c.RunsTests), len(c.Files))
	}
	d := Deploy(r)
	if fmt.Sprint(d.Kinds) != "[docker kubernetes]" {
		t.Errorf("kinds = %v, want [docker kubernetes]", d.Kinds)
	}
}
