package license

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// repo builds a snapshot from path -> content; a nil content is a file in
// the tree whose content was not fetched.
func repo(files map[string][]byte) *snapshot.Repo {
	r := &snapshot.Repo{Name: "demo", Contents: map[string][]byte{}, ContentsKnown: true}
	for p, b := range files {
		r.Files = append(r.Files, snapshot.File{Path: p, Size: int64(len(b)), Kind: "blob"})
		if b != nil {
			r.Contents[p] = b
		}
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	return r
}

func TestIdentifyTexts(t *testing.T) {
	cases := map[string]string{
		"mit.txt":          "MIT",
		"mit-short.txt":    "MIT",
		"apache-2.0.txt":   "Apache-2.0",
		"bsd-3-clause.txt": "BSD-3-Clause",
		"bsd-2-clause.txt": "BSD-2-Clause",
		"gpl-3.0.txt":      "GPL-3.0",
		"gpl-2.0.txt":      "GPL-2.0",
		"lgpl-3.0.txt":     "LGPL-3.0",
		"lgpl-2.1.txt":     "LGPL-2.1",
		"agpl-3.0.txt":     "AGPL-3.0",
		"mpl-2.0.txt":      "MPL-2.0",
		"isc.txt":          "ISC",
		"unlicense.txt":    "Unlicense",
		"cc0-1.0.txt":      "CC0-1.0",
		"proprietary.txt":  "",
	}
	for name, want := range cases {
		if got := Identify(read(t, name)); got != want {
			t.Errorf("Identify(%s) = %q, want %q", name, got, want)
		}
	}
}

func TestIdentifyVariants(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"spdx tag with suffix", "// SPDX-License-Identifier: GPL-3.0-or-later\n", "GPL-3.0"},
		{"unknown spdx tag falls back to text", "SPDX-License-Identifier: Foo-1\nPermission is hereby granted, free of charge, to any person obtaining a copy", "MIT"},
		{"copyright line before MIT body", "Copyright (c) 2021 Ana\n\nPermission is hereby granted, free of charge,\nto any person obtaining a copy of this software", "MIT"},
		{"old ISC wording", "Permission to use, copy, modify, and distribute this software for any\npurpose with or without fee is hereby granted", "ISC"},
		{"apache notice", "Licensed under the Apache License, Version 2.0 (the \"License\");", "Apache-2.0"},
		{"gpl without version is not a licence id", "This is under the GNU General Public License.", ""},
		{"empty", "", ""},
		{"readme-like text", "# My project\nSee the docs.", ""},
	}
	for _, c := range cases {
		if got := Identify([]byte(c.text)); got != c.want {
			t.Errorf("%s: Identify = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestDetect(t *testing.T) {
	mit, apache, gpl3, lgpl3 := read(t, "mit.txt"), read(t, "apache-2.0.txt"), read(t, "gpl-3.0.txt"), read(t, "lgpl-3.0.txt")
	cases := []struct {
		name  string
		host  string
		files map[string][]byte
		want  string
	}{
		{"host id wins over text", "Apache-2.0", map[string][]byte{"LICENSE": mit}, "Apache-2.0"},
		{"host NOASSERTION, text recognised", "NOASSERTION", map[string][]byte{"LICENSE.md": mit}, "MIT"},
		{"host NOASSERTION, no file", "NOASSERTION", map[string][]byte{"main.go": []byte("package main")}, NoAssertion},
		{"LICENSE.md", "", map[string][]byte{"LICENSE.md": mit, "README.md": []byte("# x")}, "MIT"},
		{"COPYING", "", map[string][]byte{"COPYING": gpl3}, "GPL-3.0"},
		{"LGPL ships GPL beside it", "", map[string][]byte{"COPYING": gpl3, "COPYING.LESSER": lgpl3}, "LGPL-3.0"},
		{"dual licence files", "", map[string][]byte{"LICENSE-MIT": mit, "LICENSE-APACHE": apache}, "Apache-2.0 OR MIT"},
		{"british spelling", "", map[string][]byte{"LICENCE.txt": apache}, "Apache-2.0"},
		{"unrecognised text", "", map[string][]byte{"LICENSE": read(t, "proprietary.txt")}, NoAssertion},
		{"content not fetched", "", map[string][]byte{"LICENSE": nil}, NoAssertion},
		{"no licence file", "", map[string][]byte{"README.md": []byte("MIT licensed"), "src/app.js": nil}, ""},
		{"vendored licence does not count", "", map[string][]byte{"node_modules/x/LICENSE": mit, "vendor/y/LICENSE": apache}, ""},
		{"licence-checker script is not a licence", "", map[string][]byte{"licenses.json": []byte("{}"), "LICENSES/": nil}, ""},
	}
	for _, c := range cases {
		r := repo(c.files)
		r.License = c.host
		if got := Detect(r); got != c.want {
			t.Errorf("%s: Detect = %q, want %q", c.name, got, c.want)
		}
	}
	if got := Detect(nil); got != "" {
		t.Errorf("Detect(nil) = %q", got)
	}
}

func TestIsFile(t *testing.T) {
	yes := []string{"LICENSE", "license", "LICENSE.md", "License.txt", "LICENCE", "COPYING", "COPYING.LESSER", "LICENSE-MIT", "UNLICENSE"}
	no := []string{"LICENSES", "licenses.json", "docs/LICENSE", "licensed.go", "COPYINGS", "README.md"}
	for _, p := range yes {
		if !IsFile(p) {
			t.Errorf("IsFile(%q) = false", p)
		}
	}
	for _, p := range no {
		if IsFile(p) {
			t.Errorf("IsFile(%q) = true", p)
		}
	}
}

func FuzzIdentify(f *testing.F) {
	for _, name := range []string{"mit.txt", "gpl-3.0.txt", "bsd-2-clause.txt", "isc.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("GNU GENERAL PUBLIC LICENSE Version"))
	f.Add([]byte("SPDX-License-Identifier: "))
	f.Fuzz(func(t *testing.T, b []byte) {
		id := Identify(b)
		if id != "" && !strings.Contains(strings.Join(IDs, " "), id) {
			t.Fatalf("Identify returned %q, not in IDs", id)
		}
	})
}

func BenchmarkDetect(b *testing.B) {
	gpl := read(b, "gpl-3.0.txt")
	r := repo(map[string][]byte{"COPYING": gpl, "LICENSE-MIT": read(b, "mit.txt")})
	for b.Loop() {
		Detect(r)
	}
}
