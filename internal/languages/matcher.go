package languages

import (
	"regexp"
	"regexp/syntax"
	"sync"

	"github.com/go-enry/go-enry/v2/data"
)

// Linguist's vendor and documentation lists are ~190 regular expressions;
// enry runs them all (or one huge union) against every path, ~15 µs a
// path, which is 1.5 s for a 100,000-path tree. Nearly every expression
// needs some literal text to match ("node_modules/", "README", ".d.ts"),
// so one Aho-Corasick pass over the path finds the few expressions that
// can match at all, and only those run. The answer is exactly enry's: the
// literal is a necessary condition derived from each expression's syntax
// tree, never a hand-written copy of the list.

// The lists are built on first use: a command that never detects
// languages does not pay for them.
var (
	vendorList = sync.OnceValue(func() *pathList { return newPathList(data.VendorMatchers) })
	docList    = sync.OnceValue(func() *pathList { return newPathList(data.DocumentationMatchers) })
)

// isVendor is enry.IsVendor, fast.
func isVendor(p string) bool { return vendorList().match(p) }

// isDocumentation is enry.IsDocumentation, fast.
func isDocumentation(p string) bool { return docList().match(p) }

type pathList struct {
	res    []*regexp.Regexp
	always []int // expressions without a required literal: always run
	ac     acMachine
}

func newPathList(res []*regexp.Regexp) *pathList {
	l := &pathList{}
	var lits []string
	var ids []int
	for _, re := range res {
		if re == nil {
			// enry leaves out expressions RE2 cannot compile; so do we.
			continue
		}
		id := len(l.res)
		l.res = append(l.res, re)
		lit := ""
		if t, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
			lit = requiredLiteral(t.Simplify())
		}
		if lit == "" {
			l.always = append(l.always, id)
			continue
		}
		lits = append(lits, lit)
		ids = append(ids, id)
	}
	l.ac = buildAC(lits, ids)
	return l
}

func (l *pathList) match(p string) bool {
	for _, id := range l.always {
		if l.res[id].MatchString(p) {
			return true
		}
	}
	found := false
	l.ac.scan(p, func(id int) bool {
		found = l.res[id].MatchString(p)
		return found
	})
	return found
}

// requiredLiteral returns the longest case-sensitive text that every match
// of re contains, or "" when there is none it can prove.
func requiredLiteral(re *syntax.Regexp) string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return ""
		}
		return string(re.Rune)
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLiteral(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredLiteral(re.Sub[0])
		}
	case syntax.OpConcat:
		best, run := "", ""
		for _, s := range re.Sub {
			if s.Op == syntax.OpLiteral && s.Flags&syntax.FoldCase == 0 {
				run += string(s.Rune)
				continue
			}
			best = longer(best, run)
			run = ""
			best = longer(best, requiredLiteral(s))
		}
		return longer(best, run)
	}
	return ""
}

func longer(a, b string) string {
	if len(b) > len(a) {
		return b
	}
	return a
}

// acMachine is an Aho-Corasick automaton over bytes as a dense table;
// bytes that occur in no literal share one column, which keeps the table
// small enough to stay in cache.
type acMachine struct {
	class [256]uint16 // byte -> column; 0 for bytes in no literal
	width int         // columns
	next  []int32     // state*width + column -> state, failure links folded in
	out   [][]int     // ids of the literals ending at each state
}

func buildAC(lits []string, ids []int) acMachine {
	var m acMachine
	m.width = 1
	for _, lit := range lits {
		for j := 0; j < len(lit); j++ {
			if m.class[lit[j]] == 0 {
				m.class[lit[j]] = uint16(m.width)
				m.width++
			}
		}
	}
	m.next = make([]int32, m.width)
	m.out = make([][]int, 1)
	for i, lit := range lits {
		s := int32(0)
		for j := 0; j < len(lit); j++ {
			c := int32(m.class[lit[j]])
			if m.next[s*int32(m.width)+c] == 0 {
				m.next = append(m.next, make([]int32, m.width)...)
				m.out = append(m.out, nil)
				m.next[s*int32(m.width)+c] = int32(len(m.out) - 1)
			}
			s = m.next[s*int32(m.width)+c]
		}
		m.out[s] = append(m.out[s], ids[i])
	}
	// Breadth-first: fill missing transitions from the failure state and
	// inherit its outputs.
	w := int32(m.width)
	fail := make([]int32, len(m.out))
	var queue []int32
	for c := int32(1); c < w; c++ {
		if t := m.next[c]; t != 0 {
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		m.out[s] = append(m.out[s], m.out[fail[s]]...)
		for c := int32(0); c < w; c++ {
			t := m.next[s*w+c]
			if t == 0 || c == 0 {
				m.next[s*w+c] = m.next[fail[s]*w+c]
				continue
			}
			fail[t] = m.next[fail[s]*w+c]
			queue = append(queue, t)
		}
	}
	return m
}

// step moves from state st on byte b.
func (m *acMachine) step(st int32, b byte) int32 {
	return m.next[st*int32(m.width)+int32(m.class[b])]
}

// scan calls f for the id of every literal found in s (an id may come
// more than once) until f returns true.
func (m *acMachine) scan(s string, f func(id int) bool) {
	st := int32(0)
	for i := 0; i < len(s); i++ {
		st = m.step(st, s[i])
		for _, id := range m.out[st] {
			if f(id) {
				return
			}
		}
	}
}

// generatedHints are texts at least one of which is in the (lower-cased)
// path of anything enry's generated-name rules match: lock files, .idea/,
// node_modules/, Go vendor trees, .designer.cs and the like. Those rules
// are opaque functions, so unlike the lists above this one is written by
// hand; TestGeneratedHints fails when an enry upgrade changes the rules.
var generatedHints = []string{
	".idea/", "pods/", "carthage/", ".designer.", ".feature.", "node_modules/",
	"vendor/", ".lock", "-lock.", "shrinkwrap", ".pnp.", "godeps/", ".zep.",
	".orig", "__generated__/", "_tlb.", "htmlcov/", ".sqlx/",
}

// generatedNameRules is the number of enry's generated-name rules the
// hints were written for.
const generatedNameRules = 31

var generatedAC = sync.OnceValue(func() *acMachine {
	ids := make([]int, len(generatedHints))
	m := buildAC(generatedHints, ids)
	return &m
})

// mayBeGeneratedName reports whether any of enry's generated-name rules
// could match p.
func mayBeGeneratedName(p string) bool {
	m := generatedAC()
	st := int32(0)
	for i := 0; i < len(p); i++ {
		c := p[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		st = m.step(st, c)
		if len(m.out[st]) > 0 {
			return true
		}
	}
	return false
}
