package tests

import (
	"fmt"
	"sort"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// synthetic builds a large monorepo-like snapshot: files in total, of which
// fetched have content (a tenth of them test files), the rest vendored
// dependencies and sources.
func synthetic(files, fetched int) *snapshot.Repo {
	r := &snapshot.Repo{Name: "big", Contents: map[string][]byte{}, ContentsKnown: true}
	jsTest := []byte("import { describe, it, expect } from 'vitest'\n\ndescribe('svc', () => {\n  it('adds', () => {\n    expect(add(1, 2)).toBe(3)\n  })\n  // it('todo', () => {})\n})\n")
	pyTest := []byte("import pytest\n\n\ndef test_a(client):\n    assert client.get('/').status_code == 200\n\n\ndef test_b():\n    pass\n")
	javaTest := []byte("package a;\n\nimport org.junit.jupiter.api.Test;\n\nclass ATest {\n  @Test\n  void a() {\n    assertEquals(2, calc.add(1, 1));\n  }\n}\n")
	src := []byte("package svc\n\nfunc Add(a, b int) int { return a + b }\n")
	for i := range files {
		var p string
		var body []byte
		switch i % 10 {
		case 0:
			p, body = fmt.Sprintf("web/src/mod%d/file%d.test.ts", i/1000, i), jsTest
		case 1:
			p, body = fmt.Sprintf("api/tests/pkg%d/test_file%d.py", i/1000, i), pyTest
		case 2:
			p, body = fmt.Sprintf("svc/src/test/java/a/p%d/File%dTest.java", i/1000, i), javaTest
		case 3, 4, 5:
			p = fmt.Sprintf("web/node_modules/lib%d/index%d.js", i/100, i)
		default:
			p, body = fmt.Sprintf("svc/internal/p%d/file%d.go", i/1000, i), src
		}
		r.Files = append(r.Files, snapshot.File{Path: p, Size: int64(len(body)), Kind: "blob"})
		if body != nil && len(r.Contents) < fetched {
			r.Contents[p] = body
		}
	}
	for _, p := range []string{"package.json", "pyproject.toml", "svc/pom.xml", ".github/workflows/ci.yml"} {
		r.Files = append(r.Files, snapshot.File{Path: p})
		r.Contents[p] = []byte(`{"devDependencies": {"vitest": "1"}}`)
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	return r
}

// BenchmarkDetect runs Detect over a 50,000-file snapshot with 5,000
// fetched files, the size the project's performance goal names.
func BenchmarkDetect(b *testing.B) {
	r := synthetic(50_000, 5_000)
	b.ResetTimer()
	for b.Loop() {
		Detect(r)
	}
}

// BenchmarkDetectSmall shows the cost grows with the tree: a tenth of the
// files should take about a tenth of the time.
func BenchmarkDetectSmall(b *testing.B) {
	r := synthetic(5_000, 500)
	b.ResetTimer()
	for b.Loop() {
		Detect(r)
	}
}

func TestSyntheticSampled(t *testing.T) {
	got := Detect(synthetic(50_000, 5_000))
	// 15,000 test files by path; at most SampleSize are read, the rest are
	// counted by path, so Files stays the whole suite.
	if got.Files != 15_000 || !got.Present || got.PlaceholderOnly {
		t.Errorf("files=%d present=%v placeholder_only=%v, want 15000 true false", got.Files, got.Present, got.PlaceholderOnly)
	}
	if got.Cases == 0 || got.Cases > 2*SampleSize {
		t.Errorf("cases = %d, want between 1 and %d (sampled files only)", got.Cases, 2*SampleSize)
	}
	if want := []string{"junit", "pytest", "vitest"}; fmt.Sprint(got.Frameworks) != fmt.Sprint(want) {
		t.Errorf("frameworks = %v, want %v", got.Frameworks, want)
	}
}
