package stack

import (
	"sort"
	"strings"
)

// tomlIndex finds the lines of tables and keys in a TOML document: the
// decoder gives values but not positions, and evidence needs lines.
type tomlIndex struct {
	lines  []string
	tables map[string]int // normalised header -> 0-based line
}

func newTOMLIndex(b []byte) tomlIndex {
	x := tomlIndex{lines: strings.Split(string(b), "\n"), tables: map[string]int{}}
	for i, l := range x.lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			h := strings.Trim(t, "[] \t\r")
			if j := strings.Index(h, "]"); j >= 0 {
				h = h[:j]
			}
			h = normTable(h)
			if _, ok := x.tables[h]; !ok {
				x.tables[h] = i
			}
		}
	}
	return x
}

// normTable drops spaces and quotes so [ tool."poetry" ] matches tool.poetry.
func normTable(h string) string {
	return strings.NewReplacer(" ", "", "\t", "", `"`, "", "'", "").Replace(h)
}

// key returns the 1-based line of key in table: a `key = ...` line, a
// dotted `table.key = ...` line at the top level, or a [table.key] header.
// It returns the table's line when the key is not found, and 1 when
// neither is.
func (x tomlIndex) key(table, key string) int {
	table = normTable(table)
	if i, ok := x.tables[table+"."+normTable(key)]; ok {
		return i + 1
	}
	start, ok := x.tables[table]
	if !ok {
		// Dotted keys at an outer level: project.dependencies = [...]
		// or dependencies = [...] under [project].
		parent, last := "", table
		if j := strings.LastIndex(table, "."); j >= 0 {
			parent, last = table[:j], table[j+1:]
		}
		if ps, ok := x.tables[parent]; ok || parent == "" {
			if !ok {
				ps = -1
			}
			if l := x.keyFrom(ps+1, last); l > 0 {
				return x.keyFrom(l-1, key, l)
			}
		}
		return 1
	}
	if l := x.keyFrom(start+1, key); l > 0 {
		return l
	}
	return start + 1
}

// keyFrom scans from line `from` to the next table header for a line
// assigning key; fallback is returned when there is none.
func (x tomlIndex) keyFrom(from int, key string, fallback ...int) int {
	for i := max(from, 0); i < len(x.lines); i++ {
		t := strings.TrimSpace(x.lines[i])
		if strings.HasPrefix(t, "[") && i > from {
			break
		}
		for _, k := range []string{key, `"` + key + `"`, "'" + key + "'"} {
			if rest, ok := strings.CutPrefix(t, k); ok {
				rest = strings.TrimSpace(rest)
				if strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ".") {
					return i + 1
				}
			}
		}
	}
	if len(fallback) > 0 {
		return fallback[0]
	}
	return 0
}

// find returns the first line at or after `from` (1-based) that quotes a
// string starting with name: the entry of a dependency array.
func (x tomlIndex) find(from int, name string) int {
	lname := strings.ToLower(name)
	for i := max(from-1, 0); i < len(x.lines); i++ {
		l := strings.ToLower(x.lines[i])
		if strings.Contains(l, `"`+lname) || strings.Contains(l, "'"+lname) {
			return i + 1
		}
		if i > from && strings.HasPrefix(strings.TrimSpace(l), "[") && !strings.HasPrefix(strings.TrimSpace(l), "[\"") {
			break
		}
	}
	return from
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
