package pdf

import (
	"math"
	"testing"
)

// luma is the grey a printer or a greyscale viewer makes of c (Rec. 601).
func luma(c rgb) float64 { return 0.299*float64(c.r) + 0.587*float64(c.g) + 0.114*float64(c.b) }

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b rgb) float64 {
	lin := func(v int) float64 {
		c := float64(v) / 255
		if c <= 0.03928 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	lum := func(c rgb) float64 { return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b) }
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// The heat map must read in greyscale: the bands are clearly different
// greys, darker for higher scores, and every number is legible on its fill.
func TestHeatBands(t *testing.T) {
	scores := []int{100, strongAt, strongAt - 1, developingAt, developingAt - 1, 0}
	prev := -1.0
	for i, s := range scores {
		fill, text, _ := heat(s)
		if c := contrast(fill, text); c < 4.5 {
			t.Errorf("score %d: text contrast %.2f on its fill, want ≥ 4.5", s, c)
		}
		g := luma(fill)
		if i > 0 {
			pf, _, _ := heat(scores[i-1])
			if pf == fill {
				if g != prev {
					t.Errorf("score %d: same band, different grey", s)
				}
			} else if g-prev < 40 {
				t.Errorf("score %d: grey %.0f is not clearly lighter than the band above (%.0f)", s, g, prev)
			}
		}
		prev = g
	}
	// The lightest band is nearly paper-white, so its cells are outlined.
	fill, _, edge := heat(0)
	if luma(fill)-luma(edge) < 40 {
		t.Errorf("missing cells' outline (grey %.0f) does not stand out from their fill (%.0f)", luma(edge), luma(fill))
	}
}
