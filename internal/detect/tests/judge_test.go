package tests

import (
	"strings"
	"testing"
)

func TestJudge(t *testing.T) {
	cases := []struct {
		name  string
		eco   string
		src   string
		cases int    // live cases
		why   string // reason when no case is live
	}{
		{"python docstring only", ecoPython, "def test_a():\n    \"\"\"Later.\"\"\"\n\n\ndef test_b():\n    pass\n", 0, "empty"},
		{"python one-liner", ecoPython, "def test_add(): assert add(1, 2) == 3\n", 1, ""},
		{"python test in a string", ecoPython, "DOC = '''\ndef test_fake():\n    assert api() == 1\n'''\n", 0, "no test cases"},
		{"python fixtures named test*", ecoPython, "import pytest\n\n\n@pytest.fixture(scope='module')\n@some_marker\ndef testapp(app):\n    return TestApp(app)\n\n\n@fixture\nasync def test_user(db):\n    return await db.add(User())\n\n\ndef test_home(testapp):\n    assert testapp.get('/').status_code == 200\n", 1, ""},
		{"python only a fixture", ecoPython, "import pytest\n\n@pytest.yield_fixture\ndef testdb():\n    yield make_db()\n", 0, "no test cases"},
		{"python assert True", ecoPython, "import pytest\n\ndef test_ok():\n    assert True\n", 0, "trivially"},
		{"go testify suite", ecoGo, "package x\n\nfunc (s *UserSuite) TestCreate() {\n\ts.Require().NoError(s.repo.Create(u))\n}\n", 1, ""},
		{"go braces in strings", ecoGo, "package x\n\nfunc TestA(t *testing.T) {\n\tif f(\"}\") != `{` {\n\t\tt.Fatal(\"x\")\n\t}\n}\n", 1, ""},
		{"go benchmarks", ecoGo, "package x\n\nfunc BenchmarkRoutes(b *testing.B) {\n\tr := bigRepo()\n\tfor b.Loop() {\n\t\tDetect(r)\n\t}\n}\n\nfunc BenchmarkEmpty(b *testing.B) {}\n", 1, ""},
		{"go fuzz target", ecoGo, "package x\n\nfunc FuzzRoutes(f *testing.F) {\n\tf.Add(\"app.get('/')\")\n\tf.Fuzz(func(t *testing.T, s string) { routes([]byte(s)) })\n}\n", 1, ""},
		{"go example with output", ecoGo, "package x\n\nfunc ExampleSlug() {\n\tfmt.Println(Slug(\"Hello World\"))\n\t// Output: hello-world\n}\n", 1, ""},
		{"go example without output", ecoGo, "package x\n\nfunc ExampleServe() {\n\tServe(\":8080\")\n}\n", 0, "no test cases"},
		{"go benchmark in a comment", ecoGo, "package x\n\n// func BenchmarkA(b *testing.B) {\n// \tfor b.Loop() { a() }\n// }\n", 0, "no test cases"},
		{"go commented", ecoGo, "package x\n\n// func TestA(t *testing.T) {\n// \tt.Fatal()\n// }\n", 0, "commented out"},
		{"jest done callback", ecoJS, "it('calls back', done => fetch(done));\n", 1, ""},
		{"playwright destructuring", ecoJS, "test('home', async ({ page }) => {\n  await page.goto('/');\n  await expect(page).toHaveTitle(/Shop/);\n});\n", 1, ""},
		{"playwright empty", ecoJS, "test('home', async ({ page }) => {\n});\n", 0, "empty"},
		{"jest function body", ecoJS, "describe('x', function () {\n  it('adds', function () {\n    assert.equal(add(1, 1), 2);\n  });\n});\n", 1, ""},
		{"jest template literal", ecoJS, "const s = `\nit('fake', () => { expect(a).toBe(b) })\n`;\n", 0, "no test cases"},
		{"angular should create", ecoJS, "it('should create', () => {\n  expect(component).toBeTruthy();\n});\n", 0, "trivially"},
		{"cra scaffold", ecoJS, "test('renders learn react link', () => {\n  render(<App />);\n  const linkElement = screen.getByText(/learn react/i);\n  expect(linkElement).toBeInTheDocument();\n});\n", 0, "generated"},
		{"vitest each", ecoJS, "import { test } from 'vitest'\ntest.each([[1, 1, 2]])('add(%i, %i)', (a, b, e) => { expect(add(a, b)).toBe(e) })\n", 1, ""},
		{"junit disabled body", ecoJava, "class A {\n  @Test\n  void a() {\n    // TODO\n  }\n}\n", 0, "empty"},
		{"kotlin", ecoJava, "class A {\n    @Test\n    fun `adds numbers`() {\n        assertEquals(4, calc.add(2, 2))\n    }\n}\n", 1, ""},
		{"junit assertTrue(true)", ecoJava, "class A {\n  @Test\n  public void works() {\n    assertTrue(true);\n  }\n}\n", 0, "trivially"},
		{"junit3", ecoJava, "public class A extends TestCase {\n  public void testAdd() {\n    assertEquals(3, Calc.add(1, 2));\n  }\n}\n", 1, ""},
		{"xunit", ecoCSharp, "public class CalcTests {\n    [Fact]\n    public void Adds() {\n        Assert.Equal(4, Calc.Add(2, 2));\n    }\n\n    [Theory]\n    [InlineData(1)]\n    public void Positive(int n) { Assert.True(n > 0); }\n}\n", 2, ""},
		{"rust lifetimes", ecoRust, "fn get<'a>(s: &'a str) -> &'a str { s }\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn gets() {\n        assert_eq!(get(\"x\"), \"x\");\n    }\n}\n", 1, ""},
		{"rust it_works", ecoRust, "#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn it_works() {\n        let result = add(2, 2);\n        assert_eq!(result, 4);\n    }\n}\n", 0, "generated"},
		{"rust constant assert", ecoRust, "#[test]\nfn t() {\n    assert_eq!(2 + 2, 4);\n}\n", 0, "trivially"},
		{"ruby empty block", ecoRuby, "describe User do\n  it \"works\" do\n  end\nend\n", 0, "empty"},
		{"ruby minitest def", ecoRuby, "class UserTest < Minitest::Test\n  def test_name\n    assert_equal \"Ann\", User.new(\"Ann\").name\n  end\nend\n", 1, ""},
		{"ruby =begin block", ecoRuby, "=begin\n  it \"works\" do\n    expect(x).to eq(1)\n  end\n=end\n", 0, "commented out"},
		{"pest", ecoPHP, "<?php\n\nit('lists posts', function () {\n    $this->getJson('/api/posts')->assertOk();\n});\n\ntest('sum', fn () => expect(sum(1, 2))->toBe(3));\n", 2, ""},
		{"php hash comment", ecoPHP, "<?php\nclass ATest extends TestCase {\n    # public function testA() { $this->assertSame(1, f()); }\n}\n", 0, "commented out"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := judge([]byte(c.src), c.eco)
			if v.cases != c.cases {
				t.Errorf("cases = %d, want %d (reason %q)", v.cases, c.cases, v.reason)
			}
			if c.why != "" && !strings.Contains(v.reason, c.why) {
				t.Errorf("reason = %q, want it to say %q", v.reason, c.why)
			}
		})
	}
}

func TestCleanKeepsOffsets(t *testing.T) {
	src := []byte("a := \"x // y\" // c\n/* b\n*/ z := `q`\n")
	code, bare := clean(src, synGo)
	if len(code) != len(src) || len(bare) != len(src) {
		t.Fatalf("lengths %d %d, want %d", len(code), len(bare), len(src))
	}
	if string(code) != "a := \"x // y\"     \n    \n   z := `q`\n" {
		t.Errorf("code = %q", code)
	}
	if string(bare) != "a := \"      \"     \n    \n   z := ` `\n" {
		t.Errorf("bare = %q", bare)
	}
}

func FuzzJudge(f *testing.F) {
	for _, s := range []string{
		"def test_a():\n    assert f() == 1\n",
		"it('x', () => { expect(a).toBe(1) })",
		"/* unterminated",
		"\"unterminated\n'''",
		"@Test void a() {",
		"it \"x\" do\nend\n=begin\n",
		"#[test]\nfn a<'a>() {}",
		"<?php /** @test */ function a() {}",
	} {
		for _, eco := range []string{ecoGo, ecoPython, ecoJS, ecoJava, ecoRuby, ecoPHP, ecoCSharp, ecoRust} {
			f.Add(s, eco)
		}
	}
	f.Fuzz(func(t *testing.T, src, eco string) {
		v := judge([]byte(src), eco)
		if v.cases < 0 || v.cases > v.found {
			t.Errorf("cases %d of %d found", v.cases, v.found)
		}
		code, bare := clean([]byte(src), syntaxOf(eco))
		if len(code) != len(src) || len(bare) != len(src) {
			t.Errorf("clean changed the length")
		}
	})
}

// BenchmarkJudgeHostile measures files built to make a naive judge
// quadratic: thousands of unclosed declarations.
func BenchmarkJudgeHostile(b *testing.B) {
	inputs := map[string]string{
		ecoJS:     strings.Repeat("it('x', () => {(", 16000),
		ecoGo:     strings.Repeat("\nfunc TestA(t *testing.T) ", 10000),
		ecoPython: strings.Repeat("def test_a():\n ", 16000),
		ecoJava:   strings.Repeat("@Test void a() ", 16000),
		ecoRuby:   strings.Repeat("it \"x\" do\n ", 20000),
	}
	for b.Loop() {
		for eco, src := range inputs {
			judge([]byte(src), eco)
		}
	}
}
