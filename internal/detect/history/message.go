package history

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Message is the judgement of one commit message.
//
// Score (0..1) is documented here because the report explains it:
//
//   - a generic message ("update", "fix bug", "wip", ".", keyboard mash,
//     GitHub's web defaults such as "Update README.md" or "Add files via
//     upload") scores 0;
//   - an initial-commit message ("Initial commit", "first commit", "init")
//     scores 0.8 — fine once per repository; Detect counts repeats as generic;
//   - any other message starts at 1.0 and loses 0.4 for a subject under 10
//     characters, 0.2 for one over 72, and 0.25 when its first word is not in
//     the imperative mood (judged by form, see Imperative) or it is a
//     two-word status report ("Pagination complete"); it gains 0.1 for a
//     Conventional Commits prefix and 0.1 for a body (commit sizes are not in
//     the snapshot, so any body that explains is rewarded); the result is
//     clamped to 0..1.
type Message struct {
	Subject      string   `json:"subject"`
	Score        float64  `json:"score"`
	Generic      bool     `json:"generic"`
	Initial      bool     `json:"initial"`
	Conventional bool     `json:"conventional"`
	Body         bool     `json:"body"`
	Problems     []string `json:"problems,omitempty"` // generic, nonsense, short, long, not-imperative
}

// Score terms; see Message.
const (
	initialScore     = 0.8
	shortPenalty     = 0.4
	longPenalty      = 0.2
	moodPenalty      = 0.25
	conventionalGain = 0.1
	bodyGain         = 0.1
	shortSubject     = 10
	longSubject      = 72
)

var (
	conventionalRe = regexp.MustCompile(`(?i)^(feat|feature|fix|docs|style|refactor|perf|test|tests|build|ci|chore|revert|deps)(\([^()\n]{0,50}\))?!?:\s*(.*)$`)
	// Ticket ids, bracket tags and gitmoji shortcodes that precede the words.
	prefixRe  = regexp.MustCompile(`^(?:\[[^\]]{0,40}\]\s*|\([^)]{0,40}\)\s*|[A-Z][A-Z0-9]+-\d+:?\s*|#\d+:?\s*|:[a-z0-9_+-]{1,30}:\s*)+`)
	trailerRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*: `)
	// GitHub's web editor defaults name a file and nothing else.
	webDefaultRe = regexp.MustCompile(`(?i)^(?:(?:create|update|delete|add)\s+(\S+)|rename\s+\S+\s+to\s+\S+|add files via upload|delete files?)$`)
	generatedRe  = regexp.MustCompile(`^(?:Merge (?:pull request|branch|remote-tracking branch|tag|commit|remote branch)\b|Merge '|Revert ")`)
)

// genericWords say nothing about a change; a subject made only of them (and
// numbers) is generic: "update", "minor fixes", "some changes 2", "wip",
// "Major update." (filler adjectives such as major, big, quick and final
// add nothing to a generic word).
var genericWords = setOf(`update updates updated updating upd fix fixes fixed fixing fixup bugfix bugfixes
	hotfix wip change changes changed commit commits committed committing asdf asd asdfg asdfgh qwe qwerty zxc
	sdf jkl test testing temp tmp misc save saved saving done final finally work works working worked edit edits
	edited editing modify modified modification modifications progress push pushed upload uploaded uploading
	add added adding stuff things thing tweak tweaks cleanup refactor refactoring improvements improvement
	improve improved version new latest again everything all code files file bug bugs minor small some more
	few various the a an of and to it this that my our project repo lol ok okay yes xd hmm idk whatever
	stuffs random something nothing last another other major big quick`)

// statusWords end a two-word status report ("Pagination complete", "Login
// done"): a past participle or adjective after a noun, no verb first.
var statusWords = setOf(`complete completed done finished fixed implemented ready working works added updated`)

var initialPhrases = setOf(`initial-commit first-commit init initial initial-import init-commit initialize
	initial-version first initial-upload first-upload initial-release initialise initial-setup project-init
	initial-project initial-structure`)

// imperativeExceptions are base forms that the suffix rules would misread.
var imperativeExceptions = setOf(`process address access focus release bless embed feed need seed speed
	proceed exceed succeed bleed breed shed shred heed weed bring string spring swing sting fling cling wring
	sling alias bias canvas gas discuss dismiss express compress suppress bypass harness pass miss cross guess
	press toss`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[strings.ReplaceAll(w, "-", " ")] = true
	}
	return m
}

// Judge scores one commit message (see Message for the formula).
func Judge(msg string) Message {
	subject, body := split(msg)
	m := Message{Subject: subject, Body: hasBody(body)}
	desc := subject
	// The guards spare the regular expressions on most subjects.
	if strings.IndexByte(subject, ':') > 0 {
		if sm := conventionalRe.FindStringSubmatch(subject); sm != nil {
			m.Conventional = true
			desc = sm[3]
		}
	}
	if desc != "" && (strings.IndexByte("[(:#", desc[0]) >= 0 || len(desc) > 1 && isUpper(desc[0]) && (isUpper(desc[1]) || desc[1] >= '0' && desc[1] <= '9')) {
		desc = prefixRe.ReplaceAllString(desc, "")
	}
	desc = strings.TrimSpace(desc)
	norm := normalize(desc)
	switch {
	case initialPhrases[norm]:
		m.Initial = true
		m.Score = initialScore
		return m
	case generic(desc, norm):
		m.Generic = true
		m.Problems = append(m.Problems, "generic")
		return m
	case nonsense(subject):
		m.Generic = true
		m.Problems = append(m.Problems, "nonsense")
		return m
	}
	s := 1.0
	switch n := utf8.RuneCountInString(subject); {
	case n < shortSubject:
		s -= shortPenalty
		m.Problems = append(m.Problems, "short")
	case n > longSubject:
		s -= longPenalty
		m.Problems = append(m.Problems, "long")
	}
	if !Imperative(firstWord(desc)) || status(desc) {
		s -= moodPenalty
		m.Problems = append(m.Problems, "not-imperative")
	}
	if m.Conventional {
		s += conventionalGain
	}
	if m.Body {
		s += bodyGain
	}
	m.Score = min(max(s, 0), 1)
	return m
}

// Imperative reports whether word may be a verb in the imperative mood,
// judged by its form: a past tense (-ed), a gerund (-ing) or a third person
// (-s) is not, unless it is one of a few base forms that happen to end that
// way (Process, Address, Focus, Need, Bring, ...). A word that is not a word
// ("v2", "#12", "") is given the benefit of the doubt.
func Imperative(word string) bool {
	w := strings.ToLower(word)
	if w == "" || imperativeExceptions[w] {
		return true
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' && r != '-' {
			return true
		}
	}
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ed") && n >= 4:
		return false
	case strings.HasSuffix(w, "ing") && n >= 5:
		return false
	case strings.HasSuffix(w, "s") && n >= 4 &&
		!strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return false
	}
	return true
}

// Generated reports whether a subject was written by git or the host rather
// than by a person (merges, reverts); such commits are not judged.
func Generated(subject string) bool {
	return generatedRe.MatchString(subject)
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

func split(msg string) (subject, body string) {
	msg = strings.TrimLeft(msg, " \t\r\n")
	subject, body, _ = strings.Cut(msg, "\n")
	return strings.TrimSpace(subject), body
}

func hasBody(body string) bool {
	n := 0
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || trailerRe.MatchString(line) {
			continue
		}
		n += utf8.RuneCountInString(line)
	}
	return n >= 20
}

// status reports a two-word subject that states a result instead of giving
// a command: "Pagination complete.", "Tests fixed".
func status(desc string) bool {
	f := strings.Fields(desc)
	return len(f) == 2 && statusWords[strings.ToLower(strings.TrimRight(f[1], ":,.;!?"))]
}

func firstWord(desc string) string {
	f := strings.Fields(desc)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimRight(f[0], ":,.;!?")
}

// normalize lower-cases s, turns punctuation into spaces and drops numbers.
func normalize(s string) string {
	s = strings.ToLower(s)
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := f[:0]
	for _, w := range f {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

func generic(desc, norm string) bool {
	if norm == "" {
		return true
	}
	if m := webDefaultRe.FindStringSubmatch(desc); m != nil {
		if m[1] == "" {
			return true
		}
		f := strings.ToLower(m[1])
		if strings.ContainsAny(f, "./") || setFiles[f] {
			return true
		}
	}
	for _, w := range strings.Fields(norm) {
		if !genericWords[w] {
			return false
		}
	}
	return true
}

var setFiles = setOf(`readme license dockerfile makefile procfile gemfile gitignore`)

// nonsense spots keyboard mash in an all-lower-case subject: when at least
// half its words have no vowel, a run of five consonants, one letter three
// times in a row, or a repeated chunk ("asdasd").
func nonsense(subject string) bool {
	if strings.IndexFunc(subject, unicode.IsUpper) >= 0 {
		return false
	}
	words := strings.Fields(subject)
	if len(words) == 0 {
		return false
	}
	bad, judged := 0, 0
	for _, w := range words {
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			continue
		}
		judged++
		if mash(w) {
			bad++
		}
	}
	return judged > 0 && bad*2 >= len(words)
}

func mash(w string) bool {
	rs := []rune(w)
	if len(rs) < 3 {
		return false
	}
	vowels, run, same := 0, 0, 1
	for i, r := range rs {
		if strings.ContainsRune("aeiouy", r) {
			vowels++
			run = 0
		} else if unicode.IsLetter(r) && r < utf8.RuneSelf {
			run++
			if run >= 5 {
				return true
			}
		}
		if i > 0 && rs[i-1] == r {
			same++
			if same >= 3 {
				return true
			}
		} else {
			same = 1
		}
	}
	if vowels == 0 && len(rs) >= 4 {
		for _, r := range rs {
			if r >= utf8.RuneSelf {
				return false // not a Latin word; no opinion
			}
		}
		return true
	}
	for k := 2; k*2 <= len(rs); k++ {
		if len(rs)%k == 0 && strings.Repeat(string(rs[:k]), len(rs)/k) == w {
			return true
		}
	}
	return false
}
