package tests

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
)

// verdict is what reading one test file told.
type verdict struct {
	// cases counts live test cases: not empty, not trivially true, not a
	// generated scaffold.
	cases int
	// found counts every test case declaration, live or not.
	found int
	// reason says why a file without live cases is a placeholder.
	reason string
	// line is where the first live case starts (or the first case at all).
	line int
	// helper is set when the file declares code but no test of any kind,
	// not even a commented-out one: shared fixtures, test utilities, an
	// abstract base class. Whether that makes it support code rather than
	// a placeholder depends on its name (see support).
	helper bool
}

// maxJudge bounds how much of one file is read: test files larger than this
// are judged on their beginning, which is plenty to find live tests.
const maxJudge = 256 << 10

// judge reads a test file's content and counts its live test cases. A file
// whose cases are all commented out, empty, trivially true (assert True,
// expect(true).toBe(true)) or well-known generated scaffolds has no live
// case.
func judge(src []byte, eco string) verdict {
	if len(src) > maxJudge {
		src = src[:maxJudge]
	}
	syn := syntaxOf(eco)
	code, bare := clean(src, syn)
	var cs []span
	switch eco {
	case ecoGo:
		cs = braceCases(bare, goCase, nil)
		// go test runs an example only when it declares its output;
		// without that it is compiled documentation, not a test.
		for _, c := range braceCases(bare, goExample, nil) {
			if goOutput.Match(src[c.bodyFrom:c.bodyTo]) {
				cs = append(cs, c)
			}
		}
		sort.Slice(cs, func(i, j int) bool { return cs[i].start < cs[j].start })
	case ecoPython:
		cs = pythonCases(bare)
	case ecoJS:
		cs = callCases(bare, jsCase)
		for _, m := range jsEach.FindAllIndex(bare, maxCases) {
			cs = append(cs, span{start: m[0], end: m[1], each: true})
		}
	case ecoJava:
		cs = braceCases(bare, javaCase, nil)
		if junit3.Match(bare) {
			cs = append(cs, braceCases(bare, junit3Case, nil)...)
		}
	case ecoRuby:
		cs = rubyCases(bare)
	case ecoPHP:
		cs = braceCases(bare, phpFunc, phpIsTest)
		cs = append(cs, callCases(bare, pestCase)...)
	case ecoCSharp:
		cs = braceCases(bare, csCase, nil)
	case ecoRust:
		cs = braceCases(bare, rustCase, nil)
	}
	if len(cs) > maxCases {
		cs = cs[:maxCases]
	}
	v := verdict{found: len(cs)}
	var empty, trivial, scaffolds int
	for _, c := range cs {
		line := lineAt(src, c.start)
		if v.line == 0 {
			v.line = line
		}
		switch {
		case c.each:
			// A table-driven case carries its own data: count it live.
		case c.pending:
			empty++
			continue
		case isEmpty(bare[c.bodyFrom:c.bodyTo], eco):
			empty++
			continue
		case isTrivial(bare[c.bodyFrom:c.bodyTo]):
			trivial++
			continue
		case isScaffold(code[c.start:c.end]):
			scaffolds++
			continue
		}
		if v.cases == 0 {
			v.line = line
		}
		v.cases++
	}
	if v.cases > 0 {
		return v
	}
	switch {
	case scaffolds > 0:
		v.reason = "only the generated example test"
	case trivial > 0 && empty == 0:
		v.reason = "only trivially true assertions"
	case trivial > 0:
		v.reason = "only empty or trivially true tests"
	case empty > 0:
		v.reason = "only empty or pending tests"
	case bytes.Contains(src, []byte("Create your tests here")):
		v.reason = "the generated Django tests.py stub"
	case commented(src, code) > 0:
		v.reason = "tests are commented out"
		v.line = commented(src, code)
	default:
		v.reason = "no test cases"
		if re := helperCode[eco]; re != nil && len(cs) == 0 {
			v.helper = re.Match(bare)
		}
	}
	return v
}

// helperCode recognises what a support file declares. Go test helpers must
// live in _test.go files to see unexported code, JS helpers under
// __tests__/ share the directory jest scans, and JUnit base classes are
// named *Test: all are test-named without being tests.
var helperCode = map[string]*regexp.Regexp{
	ecoGo:   regexp.MustCompile(`(?m)^(?:func|type|var|const)\s`),
	ecoJS:   regexp.MustCompile(`\bfunction\b|=>|\bmodule\.exports\b|\bexports\.|(?m:^\s*export\s)`),
	ecoJava: regexp.MustCompile(`\babstract\s+class\b`),
}

// commented returns the line of the first thing in a comment that looks
// like a test (Rails' generated `# test "the truth" do`), or 0.
func commented(src, code []byte) int {
	comments := make([]byte, len(src))
	for i := range src {
		comments[i] = src[i]
		if code[i] != ' ' && code[i] != '\n' {
			comments[i] = ' '
		}
	}
	if loc := commentedTest.FindIndex(comments); loc != nil {
		return lineAt(src, loc[0])
	}
	return 0
}

var commentedTest = regexp.MustCompile(`(?m)\b(test\s+["']|it\s*\(?\s*["']|def\s+test_|func\s+Test|@Test|function\s+test|\[Fact\]|\[Test\]|#\[test\])`)

// span locates one test case: its declaration and its body.
type span struct {
	start, end       int // the whole case, for scaffold signatures
	bodyFrom, bodyTo int
	pending          bool // declared without a body (it("todo"))
	each             bool // table-driven (test.each)
}

var (
	goCase     = regexp.MustCompile(`(?m)^func\s+(?:\(\s*\w+\s+\*?\w+\s*\)\s+Test\w*\s*\(\s*\)|Test\w*\s*\(\s*\w+\s+\*testing\.T\s*\)|Benchmark\w*\s*\(\s*\w+\s+\*testing\.B\s*\)|Fuzz\w*\s*\(\s*\w+\s+\*testing\.F\s*\))`)
	goExample  = regexp.MustCompile(`(?m)^func\s+Example\w*\s*\(\s*\)`)
	goOutput   = regexp.MustCompile(`(?m)^\s*//\s*(?:Unordered output|Output):`)
	javaCase   = regexp.MustCompile(`@(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\b`)
	junit3     = regexp.MustCompile(`\bextends\s+TestCase\b`)
	junit3Case = regexp.MustCompile(`\bpublic\s+void\s+test\w*\s*\(\s*\)`)
	csCase     = regexp.MustCompile(`\[\s*(?:Fact|Theory|Test|TestCase|TestMethod|DataTestMethod)\b[^\]\n]*\]`)
	rustCase   = regexp.MustCompile(`#\[\s*(?:(?:tokio|async_std|actix_rt|actix_web)::)?(?:test|rstest)\b[^\]\n]*\]`)
	phpFunc    = regexp.MustCompile(`\bfunction\s+(\w+)\s*\(`)
	phpAttr    = regexp.MustCompile(`@test\b|#\[\s*\\?(?:PHPUnit\\Framework\\Attributes\\)?Test\s*\]`)
	jsCase     = regexp.MustCompile(`(?:^|[^\w.$])(?:it|test|specify)(?:\.(?:only|concurrent))?\s*\(`)
	jsEach     = regexp.MustCompile(`(?:^|[^\w.$])(?:it|test)\.each\b`)
	pestCase   = regexp.MustCompile(`(?m)^\s*(?:it|test)\s*\(`)
	pyCase     = regexp.MustCompile(`(?m)^([ \t]*)(?:async[ \t]+)?def[ \t]+test\w*[ \t]*\(`)
	rubyCase   = regexp.MustCompile(`(?m)^([ \t]*)(?:(?:it|specify|example|scenario|test|should)\b[ \t(]*(?:["'{:]|do\b)|def[ \t]+test_\w*)`)
)

// phpIsTest keeps methods named test* and methods annotated @test or
// #[Test] (the annotation sits between the previous member and this one).
func phpIsTest(bare []byte, m []int) bool {
	name := string(bare[m[2]:m[3]])
	if strings.HasPrefix(name, "test") {
		return true
	}
	from := bytes.LastIndexAny(bare[:m[0]], "{};")
	return phpAttr.Match(bare[from+1 : m[0]])
}

// braceCases finds cases declared by re whose body is the next {...} block.
// A declaration reaching ';' first has no body (interface, abstract) and is
// skipped.
func braceCases(bare []byte, re *regexp.Regexp, keep func([]byte, []int) bool) []span {
	var out []span
	for _, m := range re.FindAllSubmatchIndex(bare, maxCases) {
		if keep != nil && !keep(bare, m) {
			continue
		}
		open, expr := -1, -1
		for k := m[1]; k < min(len(bare), m[1]+maxBody); k++ {
			if bare[k] == '{' {
				open = k
				break
			}
			if bare[k] == ';' {
				break
			}
			// Expression-bodied members: C# `() => Assert...;`, Kotlin
			// `fun t() = runTest { ... }`.
			if bare[k] == '=' && k+1 < len(bare) && (bare[k+1] == '>' || (bare[k+1] != '=' && prevNonSpace(bare, k) == ')')) {
				expr = k + 1
				if bare[k+1] == '>' {
					expr++
				}
				break
			}
		}
		if expr >= 0 {
			end := expr
			for end < len(bare) && bare[end] != ';' && bare[end] != '\n' {
				end++
			}
			out = append(out, span{start: m[0], end: end, bodyFrom: expr, bodyTo: end})
			continue
		}
		if open < 0 {
			continue
		}
		close := matching(bare, open, '{', '}')
		out = append(out, span{start: m[0], end: close, bodyFrom: open + 1, bodyTo: max(open+1, close-1)})
	}
	return out
}

// callCases finds call-style cases (it("...", () => {...})) whose body is
// the callback passed after the name.
func callCases(bare []byte, re *regexp.Regexp) []span {
	var out []span
	for _, m := range re.FindAllIndex(bare, maxCases) {
		open := m[1] - 1
		close := matching(bare, open, '(', ')')
		args := bare[open+1 : max(open+1, close-1)]
		comma := topLevel(args, ',')
		if comma < 0 {
			out = append(out, span{start: m[0], end: close, pending: true})
			continue
		}
		cb := open + 1 + comma + 1
		from, to := callbackBody(bare, cb, close-1)
		out = append(out, span{start: m[0], end: close, bodyFrom: from, bodyTo: to})
	}
	return out
}

// callbackBody returns the body of the function literal in bare[from:to]:
// the block after "=>" or after function(...), or the arrow's expression.
func callbackBody(bare []byte, from, to int) (int, int) {
	if to <= from {
		return from, from
	}
	cb := bare[from:to]
	start := -1
	if a := topLevelSeq(cb, "=>"); a >= 0 {
		start = a + 2
	} else if f := bytes.Index(cb, []byte("function")); f >= 0 {
		if p := bytes.IndexByte(cb[f:], '('); p >= 0 {
			start = matching(cb, f+p, '(', ')')
		}
	}
	if start < 0 {
		// A reference to a named function: live as far as we can tell.
		return from, to
	}
	for start < len(cb) && isSpace(cb[start]) {
		start++
	}
	if start < len(cb) && cb[start] == '{' {
		close := matching(cb, start, '{', '}')
		return from + start + 1, from + max(start+1, close-1)
	}
	return from + start, to
}

// pythonCases finds def test_* functions; the body is every following line
// indented deeper than the def.
func pythonCases(bare []byte) []span {
	var out []span
	for _, m := range pyCase.FindAllSubmatchIndex(bare, maxCases) {
		indent := m[3] - m[2]
		if pyFixture(bare, m[0]) {
			continue
		}
		close := matching(bare, m[1]-1, '(', ')')
		colon := bytes.IndexByte(bare[close:], ':')
		if colon < 0 {
			continue
		}
		colon += close
		eol := endOfLine(bare, colon)
		if len(bytes.TrimSpace(bare[colon+1:eol])) > 0 {
			out = append(out, span{start: m[0], end: eol, bodyFrom: colon + 1, bodyTo: eol})
			continue
		}
		end := indentedBlock(bare, eol, indent)
		out = append(out, span{start: m[0], end: end, bodyFrom: eol, bodyTo: end})
	}
	return out
}

// rubyCases finds it/test/specify blocks and def test_ methods; a block is
// either {...} or do ... end, told apart by indentation.
func rubyCases(bare []byte) []span {
	var out []span
	for _, m := range rubyCase.FindAllSubmatchIndex(bare, maxCases) {
		indent := m[3] - m[2]
		eol := endOfLine(bare, m[0])
		head := bare[m[3]:eol]
		if bytes.HasPrefix(head, []byte("def")) {
			end := indentedBlock(bare, eol, indent)
			out = append(out, span{start: m[0], end: end, bodyFrom: eol, bodyTo: end})
			continue
		}
		if b := bytes.IndexByte(head, '{'); b >= 0 {
			open := m[3] + b
			close := matching(bare, open, '{', '}')
			out = append(out, span{start: m[0], end: close, bodyFrom: open + 1, bodyTo: max(open+1, close-1)})
			continue
		}
		if !rubyDo.Match(head) {
			out = append(out, span{start: m[0], end: eol, pending: true})
			continue
		}
		end := indentedBlock(bare, eol, indent)
		out = append(out, span{start: m[0], end: end, bodyFrom: eol, bodyTo: end})
	}
	return out
}

var rubyDo = regexp.MustCompile(`\bdo\b`)

// pyFixture reports whether the def at start is decorated as a pytest
// fixture: pytest never collects a fixture as a test, so "def testapp()"
// under @pytest.fixture (webtest's usual name) is not a case.
func pyFixture(bare []byte, start int) bool {
	end := start
	for end > 0 {
		from := bytes.LastIndexByte(bare[:end-1], '\n') + 1
		line := bytes.TrimSpace(bare[from : end-1])
		switch {
		case len(line) == 0:
		case line[0] == '@':
			if pyFixtureDeco.Match(line) {
				return true
			}
		default:
			return false
		}
		if from == 0 {
			return false
		}
		end = from
	}
	return false
}

var pyFixtureDeco = regexp.MustCompile(`^@(?:pytest\.)?(?:yield_)?fixture\b`)

// indentedBlock returns the end of the lines after from that are indented
// deeper than indent (blank lines included).
func indentedBlock(b []byte, from, indent int) int {
	i := from
	end := from
	limit := min(len(b), from+maxBody)
	for i < limit {
		if b[i] == '\n' {
			i++
		}
		eol := endOfLine(b, i)
		line := b[i:eol]
		trimmed := bytes.TrimLeft(line, " \t")
		if len(bytes.TrimSpace(trimmed)) > 0 {
			if len(line)-len(trimmed) <= indent {
				break
			}
			end = eol
		}
		i = eol
		if i >= len(b) {
			break
		}
	}
	return end
}

// maxBody bounds how far a bracket's match is looked for, so a file full
// of unclosed brackets costs linear time, not quadratic.
const maxBody = 32 << 10

// maxCases bounds the cases judged per file; a file with more is live
// long before that.
const maxCases = 1000

// matching returns the offset just past the bracket closing the one at
// open, or the end of the search window when it is never closed.
func matching(b []byte, open int, o, c byte) int {
	depth := 0
	end := min(len(b), open+maxBody)
	for k := open; k < end; k++ {
		switch b[k] {
		case o:
			depth++
		case c:
			depth--
			if depth == 0 {
				return k + 1
			}
		}
	}
	return end
}

// topLevel returns the index of the first ch outside brackets, or -1.
func topLevel(b []byte, ch byte) int {
	depth := 0
	for k, x := range b {
		switch x {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		default:
			if x == ch && depth == 0 {
				return k
			}
		}
	}
	return -1
}

func topLevelSeq(b []byte, seq string) int {
	depth := 0
	for k := 0; k < len(b); k++ {
		switch b[k] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		default:
			if depth == 0 && bytes.HasPrefix(b[k:], []byte(seq)) {
				return k
			}
		}
	}
	return -1
}

func prevNonSpace(b []byte, k int) byte {
	for k--; k >= 0; k-- {
		if !isSpace(b[k]) {
			return b[k]
		}
	}
	return 0
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

var pyNoop = regexp.MustCompile(`(?m)^\s*(?:pass|\.\.\.|[rbuf]?(?:"\s*"|'\s*')|"""[\s]*"""|'''[\s]*''')\s*$`)

// isEmpty reports whether a body has no statement at all (after comments
// were blanked): `{}`, `pass`, a lone docstring.
func isEmpty(body []byte, eco string) bool {
	if len(body) > maxStub {
		return false
	}
	if eco == ecoPython {
		body = pyNoop.ReplaceAll(body, nil)
	}
	for _, c := range body {
		if !isSpace(c) && c != ';' {
			return false
		}
	}
	return true
}

var (
	word = regexp.MustCompile(`[A-Za-z_$][\w$]*!?`)
	// existence checks assert only that a bare variable was built, as the
	// stubs Nest, Angular and Spring generate do.
	existence = regexp.MustCompile(`expect\(\s*[\w$]+\s*\)\s*\.\s*(?:not\s*\.\s*)?(?:toBeDefined|toBeTruthy|toBeNull)\(\s*\)|assertThat\(\s*\w+\s*\)\s*\.\s*isNotNull\(\s*\)|\bassert(?:Not|IsNot)(?:Null|None)\(\s*(?:self\.)?\w+\s*\)|Assert\.(?:NotNull|IsNotNull)\(\s*\w+\s*\)`)
	// literal words may appear in a trivially true assertion.
	literal = map[string]bool{
		"true": true, "false": true, "none": true, "null": true, "nil": true, "undefined": true,
		"self": true, "this": true, "t": true, "not": true, "to": true, "eq": true, "be": true,
		"equal": true, "equals": true, "same": true, "ok": true, "is": true, "pass": true,
		"tobe": true, "toequal": true, "tostrictequal": true, "tobetruthy": true, "tobefalsy": true,
		"istrue": true, "isfalse": true, "isequalto": true, "areequal": true, "strictequal": true,
		"deepequal": true, "assertions": true, "require": true, "must_equal": true, "must_be": true,
		"be_truthy": true, "be_falsey": true, "is_expected": true, "should": true, "it": true,
		"expect": true, "assert": true, "assert!": true, "assert_eq!": true, "assert_ne!": true,
	}
	assertWord = regexp.MustCompile(`^(?i:assert|expect|should|must|require|verify)`)
)

// isTrivial reports whether every statement of a body is an assertion over
// literals only (assert True, self.assertEqual(1, 1), expect(true).toBe(true),
// assert_eq!(2 + 2, 4)) or an existence check of a bare variable.
func isTrivial(body []byte) bool {
	if len(body) > maxStub {
		return false
	}
	body = existence.ReplaceAll(body, []byte("assert"))
	asserts := 0
	for _, w := range word.FindAll(body, -1) {
		lw := strings.TrimLeft(strings.ToLower(string(w)), "$")
		if assertWord.MatchString(lw) {
			asserts++
			if !literal[lw] && !strings.HasPrefix(lw, "assert") {
				return false
			}
			continue
		}
		if !literal[lw] {
			return false
		}
	}
	return asserts > 0
}

// scaffolds are the tests that project generators write, recognised by
// their exact text: they pass on a fresh project and prove nothing about
// the code written since.
var scaffolds = regexp.MustCompile(`getHello\(\)\)\.toBe\(\s*['"]Hello World!['"]|\.expect\(\s*['"]Hello World!['"]\s*\)|(?i:learn react)|Hello Vitest|should create the app|should render title|should have (?:as title|the '[^']*' title)|test_the_application_returns_a_successful_response|function testBasicTest\b|fn it_works\b[\s\S]*add\(2,\s*2\)`)

func isScaffold(text []byte) bool { return len(text) <= 2*maxStub && scaffolds.Match(text) }

// maxStub bounds the size of a body that can still be a stub: empty,
// trivial and generated tests are a few lines, so a larger body is live
// without running the slower checks over it.
const maxStub = 2 << 10
