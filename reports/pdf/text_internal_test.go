package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/report"
)

// Each emoji a reader sees gets its own placeholder, and the warning counts
// every distinct character above U+FFFF that was replaced.
func TestCleanEmoji(t *testing.T) {
	for _, c := range []struct {
		in, want string
		distinct int
	}{
		// The review's case: two emoji on each side, one repeated.
		{"Shipped 🚀🎉…🚀🔥 today", "Shipped □□…□□ today", 3},
		{"🚀🚀🚀", "□□□", 1},
		// A ZWJ sequence with a skin tone is one picture: woman, medium
		// skin tone, laptop.
		{"dev 👩🏽\u200d💻 here", "dev □ here", 3},
		// A family: four people joined into one picture.
		{"👨\u200d👩\u200d👧\u200d👦", "□", 4},
		// Two flags are two pictures, four regional indicators.
		{"🇵🇹🇧🇷", "□□", 4},
		// A subdivision flag: black flag plus invisible tag characters.
		{"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F cymru", "□ cymru", 1},
		// An emoji with a text-presentation selector, and a BMP symbol
		// after a joiner that belongs to the emoji before it.
		{"🏳\ufe0f\u200d🌈 pride", "□ pride", 2},
		{"🐻\u200d❄\ufe0f polar", "□ polar", 1},
		// A joiner outside an emoji joins nothing.
		{"a\u200db", "ab", 0},
		// A space ends a sequence even after a joiner.
		{"🚀\u200d 🎉", "□ □", 2},
	} {
		d := newPages(Options{}, "A4", "P", time.Time{})
		got := plain(d.clean(c.in, false))
		if got != c.want {
			t.Errorf("clean(%q) = %q, want %q", c.in, got, c.want)
		}
		if len(d.astral) != c.distinct {
			t.Errorf("clean(%q): %d distinct characters above U+FFFF, want %d", c.in, len(d.astral), c.distinct)
		}
		if c.distinct > 0 {
			w := strings.Join(d.textWarnings(), "\n")
			if want := fmt.Sprintf("(%d distinct)", c.distinct); !strings.Contains(w, want) {
				t.Errorf("clean(%q): warnings %q lack %q", c.in, w, want)
			}
		}
	}
}

// The fallback font is chosen for the text's CJK even when another
// character DejaVu lacks comes first, and also after an unusable --font.
func TestFallbackChoice(t *testing.T) {
	reg, _ := dejaVuCoverage()
	other := rune(0)
	for _, r := range "กकঅ" { // Thai, Devanagari, Bengali
		if !reg.has(r) {
			other = r
			break
		}
	}
	if other == 0 {
		t.Skip("DejaVu has every candidate script")
	}
	var asked []rune
	defer func(f func(rune) (*fallbackFont, []string)) { findSystemFont = f }(findSystemFont)
	findSystemFont = func(r rune) (*fallbackFont, []string) {
		asked = append(asked, r)
		return nil, nil
	}
	bad := filepath.Join(t.TempDir(), "broken.ttf")
	os.WriteFile(bad, []byte("not a font"), 0o644)
	for _, opts := range []Options{{}, {FontFile: bad}} {
		asked = nil
		r := &report.Report{Subject: report.Subject{Login: "priya", Name: "Priya " + string(other)},
			Repos: []report.Repo{{Name: "数据库工具", Included: true}}}
		if _, _, err := Render(r, opts); err != nil {
			t.Fatal(err)
		}
		if len(asked) != 1 || asked[0] != '数' {
			t.Errorf("--font %q: system font asked for %q, want once for 数", opts.FontFile, string(asked))
		}
	}
}
