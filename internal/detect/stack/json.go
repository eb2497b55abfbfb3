package stack

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strings"
)

// jsonEntry is one "name": value pair of a dependency object.
type jsonEntry struct {
	name, value string
	line        int
}

// jsonSections reads the top-level objects named in want from a JSON
// document with a streaming decoder, so each entry keeps its line.
func jsonSections(b []byte, want ...string) (map[string][]jsonEntry, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	lines := newLineIndex(b)
	out := map[string][]jsonEntry{}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, errors.New("not a JSON object")
	}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return out, err
		}
		key, _ := kt.(string)
		if !contains(want, key) {
			if err := skipValue(dec); err != nil {
				return out, err
			}
			continue
		}
		t, err := dec.Token()
		if err != nil {
			return out, err
		}
		if t != json.Delim('{') {
			if d, ok := t.(json.Delim); ok {
				if err := skipRest(dec, d); err != nil {
					return out, err
				}
			}
			continue
		}
		for dec.More() {
			nt, err := dec.Token()
			if err != nil {
				return out, err
			}
			name, _ := nt.(string)
			line := lines.at(int(dec.InputOffset()))
			vt, err := dec.Token()
			if err != nil {
				return out, err
			}
			value := ""
			switch v := vt.(type) {
			case string:
				value = v
			case json.Delim:
				if err := skipRest(dec, v); err != nil {
					return out, err
				}
			}
			out[key] = append(out[key], jsonEntry{name: name, value: value, line: line})
		}
		if _, err := dec.Token(); err != nil { // closing }
			return out, err
		}
	}
	return out, nil
}

// skipValue consumes the next value, whatever its shape.
func skipValue(dec *json.Decoder) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); ok {
		return skipRest(dec, d)
	}
	return nil
}

// skipRest consumes up to the delimiter closing open.
func skipRest(dec *json.Decoder, open json.Delim) error {
	if open != '{' && open != '[' {
		return nil
	}
	depth := 1
	for depth > 0 {
		t, err := dec.Token()
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		if err != nil {
			return err
		}
		if d, ok := t.(json.Delim); ok {
			switch d {
			case '{', '[':
				depth++
			default:
				depth--
			}
		}
	}
	return nil
}

// parsePackageJSON reads dependencies (and optional and peer ones, which a
// package also uses at run time) and devDependencies.
func parsePackageJSON(p string, b []byte) result {
	secs, _ := jsonSections(b, "dependencies", "devDependencies", "optionalDependencies", "peerDependencies")
	var res result
	for _, sec := range []string{"dependencies", "optionalDependencies", "peerDependencies", "devDependencies"} {
		for _, e := range secs[sec] {
			if e.name == "" {
				continue
			}
			res.deps = append(res.deps, Dependency{Ecosystem: "npm", Name: e.name, Version: e.value, File: p, Line: e.line, Dev: sec == "devDependencies"})
		}
	}
	return res
}

// parseComposer reads require and require-dev, leaving out the platform
// (php, extensions, composer itself).
func parseComposer(p string, b []byte) result {
	secs, _ := jsonSections(b, "require", "require-dev")
	var res result
	for _, sec := range []string{"require", "require-dev"} {
		for _, e := range secs[sec] {
			n := strings.ToLower(e.name)
			if n == "" || n == "php" || n == "php-64bit" || strings.HasPrefix(n, "ext-") || strings.HasPrefix(n, "lib-") ||
				strings.HasPrefix(n, "composer") || !strings.Contains(n, "/") {
				continue
			}
			res.deps = append(res.deps, Dependency{Ecosystem: "packagist", Name: e.name, Version: e.value, File: p, Line: e.line, Dev: sec == "require-dev"})
		}
	}
	return res
}

// lineIndex maps byte offsets to 1-based lines in O(log n).
type lineIndex []int

func newLineIndex(b []byte) lineIndex {
	idx := lineIndex{}
	for i, c := range b {
		if c == '\n' {
			idx = append(idx, i)
		}
	}
	return idx
}

func (x lineIndex) at(off int) int {
	return sort.SearchInts(x, off) + 1
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
