package pdf

import (
	"slices"
	"testing"
)

func rowsOf(n int, h float64) []float64 {
	hs := make([]float64, n)
	for i := range hs {
		hs[i] = h
	}
	return hs
}

func TestPaginate(t *testing.T) {
	for _, c := range []struct {
		name              string
		heights           []float64
		room, first, rest float64
		brk               bool
		at                []int
	}{
		// The review's case: 3 of 4 repositories fit, the fourth would sit
		// alone on a page; the short table moves whole.
		{"short table, one row over", rowsOf(4, 10), 35, 200, 250, true, nil},
		{"short table fits", rowsOf(4, 10), 45, 200, 250, false, nil},
		{"one row under the heading", rowsOf(12, 10), 15, 200, 250, true, nil},
		{"one row over of five", rowsOf(5, 10), 45, 200, 250, true, nil},
		// Two over of seven: two rows are pulled over to make three.
		{"pull rows over", rowsOf(7, 10), 55, 200, 250, false, []int{4}},
		{"long table", rowsOf(30, 10), 100, 200, 250, false, []int{10}},
		// 36 rows: 10 + 25 would leave one; 10 + 23 + 3.
		{"widow on the last page", rowsOf(36, 10), 100, 200, 250, false, []int{10, 33}},
		{"exact fit", rowsOf(3, 10), 30, 200, 250, false, nil},
		{"nothing fits", rowsOf(3, 10), 5, 200, 250, true, nil},
		{"rows taller than a page", []float64{300, 300}, 100, 250, 250, true, []int{1}},
		{"row taller than a fresh page, at its top", []float64{300}, 250, 250, 250, false, nil},
		{"no rows", nil, 100, 200, 250, false, nil},
		// Mixed heights: the rows that fit are counted, not assumed.
		{"mixed heights", []float64{20, 20, 5, 5, 5, 5, 5}, 50, 200, 250, false, []int{4}},
	} {
		brk, at := paginate(c.heights, c.room, c.first, c.rest, tableKeep)
		if brk != c.brk || !slices.Equal(at, c.at) {
			t.Errorf("%s: paginate = %v, %v; want %v, %v", c.name, brk, at, c.brk, c.at)
		}
	}
}

// Whatever the heights, every page holds at least tableKeep rows when the
// pages have room for them, and each page's rows fit it.
func TestPaginatePages(t *testing.T) {
	for n := 1; n <= 40; n++ {
		for room := 0.0; room <= 120; room += 7 {
			hs := make([]float64, n)
			for i := range hs {
				hs[i] = 6 + float64((i*7+n)%5)*2 // 6 to 14 mm
			}
			brk, at := paginate(hs, room, 200, 250, tableKeep)
			space := room
			if brk {
				space = 200
			}
			starts := append([]int{0}, at...)
			for p, s := range starts {
				end := n
				if p+1 < len(starts) {
					end = starts[p+1]
				}
				if end <= s {
					t.Fatalf("n=%d room=%.0f: empty page in %v", n, room, at)
				}
				sum := 0.0
				for _, h := range hs[s:end] {
					sum += h
				}
				if sum > space+1e-9 {
					t.Errorf("n=%d room=%.0f: page %d holds %.0f mm of rows in %.0f mm", n, room, p, sum, space)
				}
				if end-s < min(tableKeep, n) {
					t.Errorf("n=%d room=%.0f: page %d holds %d rows (breaks %v, new page %v)", n, room, p, end-s, at, brk)
				}
				space = 250
			}
		}
	}
}
