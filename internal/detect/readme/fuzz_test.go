package readme

import (
	"os"
	"path/filepath"
	"testing"
)

func seeds(f *testing.F) {
	for _, p := range []string{"django-good/README.md", "cra-boilerplate/README.md", "laravel-boilerplate/README.md",
		"flask-rst/README.rst", "text-readme/README", "latin1/README.md", "broken-links/README.md", "nest-boilerplate/README.md"} {
		b, err := os.ReadFile(filepath.Join("testdata", p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("Title\n=====\n\n.. image:: x.png\n   :target: y\n\n::\n\n  code\n"))
	f.Add([]byte("<h1>x</h1><img src=\"a.gif\"><a href=\"../b\">"))
	f.Add([]byte{0xFF, 0xFE, 0x23, 0x00, 0x20})
}

func FuzzMarkdown(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		rm := Detect(repo(map[string]string{"README.md": string(b), "docs/a.md": "x"}))
		if rm.Score < 0 || rm.Score > 100 {
			t.Fatalf("score %d out of range", rm.Score)
		}
	})
}

func FuzzSimple(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, name := range []string{"README.rst", "README"} {
			rm := Detect(repo(map[string]string{name: string(b)}))
			if rm.Score < 0 || rm.Score > 100 {
				t.Fatalf("score %d out of range", rm.Score)
			}
		}
	})
}
