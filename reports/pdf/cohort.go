package pdf

import (
	"fmt"
	"math"
	"strings"

	"github.com/pathway-dev/pathway/internal/cohort"
	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/reports"
	"github.com/pathway-dev/pathway/rules"
)

// The step bands of the documented scoring (assess.StrongAt and
// DevelopingAt). A summary row carries step scores without statuses, so the
// heat map bands them itself.
const (
	strongAt     = 75
	developingAt = 40
)

// Heat map fills. Their lightness falls as the band rises (about 90, 182
// and 234 in grey), so the map still reads when printed in black and
// white; the number in every cell says the rest.
var (
	heatStrong    = rgb{30, 128, 52}
	heatDev       = rgb{240, 180, 40}
	heatMiss      = rgb{253, 226, 226}
	heatMissEdge  = rgb{226, 150, 150}
	white         = rgb{255, 255, 255}
	heatEmptyEdge = rgb{200, 208, 216}
)

// RenderCohort returns the cohort summary as a PDF a coach can hand over:
// a cover with the counts, the candidates ranked with their 12 steps as a
// heat map, the candidates that could not be audited and why, the gaps the
// cohort shares, and each candidate's next step. Warnings and errors are as
// for Render.
func RenderCohort(s cohort.Summary, opts Options) ([]byte, []string, error) {
	size, err := paper(opts.Paper)
	if err != nil {
		return nil, nil, err
	}
	return output(func() *doc {
		c := newCohortDoc(s, opts, size)
		c.build()
		return c.doc
	})
}

type cohortDoc struct {
	*doc
	s      cohort.Summary
	coach  string
	ranked []cohort.Row // audited, in rank order
	failed []cohort.Row
}

func newCohortDoc(s cohort.Summary, opts Options, size string) *cohortDoc {
	// Landscape: the table needs room for twelve step columns beside the
	// names.
	d := newPages(opts, size, "L", s.GeneratedAt)
	d.scan(s, opts.Coach)
	c := &cohortDoc{doc: d, s: s, coach: strings.TrimSpace(orDefault(s.Coach, opts.Coach))}
	for _, r := range s.Rows {
		if r.Error == "" && r.Score != nil {
			c.ranked = append(c.ranked, r)
		} else {
			c.failed = append(c.failed, r)
		}
	}
	title := "Cohort readiness"
	if c.coach != "" {
		title += " · " + c.coach
	}
	d.f.SetTitle(plain(d.clean(title, false)), true)
	d.f.SetAuthor(plain(d.clean(orDefault(c.coach, "pathway"), false)), true)
	d.headerLeft = d.clean(title, false)
	d.headerRight = d.clean("as of "+c.date(), false)
	d.footerLeft = d.clean("pathway cohort summary · schema "+orDefault(s.Schema, cohort.SummarySchema), false)
	return c
}

func (c *cohortDoc) date() string {
	t := c.s.AsOf
	if t.IsZero() {
		t = c.s.GeneratedAt
	}
	if t.IsZero() {
		return "unknown date"
	}
	return t.UTC().Format("2 January 2006")
}

func (c *cohortDoc) build() {
	c.noHeader = true
	c.newPage()
	c.cover()
	c.noHeader = false
	c.newPage()
	c.ranking()
	c.failures()
	c.gaps()
	c.nextSteps()
}

// counts are the headline numbers; candidates and failed come from the
// summary, which the command filled from every candidate it was given.
func (c *cohortDoc) counts() (candidates, audited, failed int) {
	candidates, failed = c.s.Candidates, c.s.Failed
	if candidates < len(c.s.Rows) {
		candidates = len(c.s.Rows)
	}
	if failed < len(c.failed) {
		failed = len(c.failed)
	}
	return candidates, max(0, candidates-failed), failed
}

func (c *cohortDoc) cover() {
	d := c.doc
	d.bookmark("Cover", 0)
	top := 24.0
	d.coverLogo(top - 2)
	d.y = top
	d.text(d.left, d.beside(), "COHORT SUMMARY · BACKEND READINESS", sizeSmall, true, accent)
	d.y += 3
	d.lines(d.left, d.beside(), d.fit(d.clean("Cohort readiness", true), sizeTitle, d.beside()-d.left), sizeTitle, ink)
	d.y += 1
	sub := "As of " + c.date()
	if c.coach != "" {
		sub = c.coach + " · " + sub
	}
	d.lines(d.left, d.beside(), d.fit(d.clean(sub, false), 11, d.beside()-d.left), 11, grey)
	// The figures are full width: they start below the logo.
	d.y = max(d.y+8, d.logoBottom+4)

	candidates, audited, failed := c.counts()
	figs := []struct {
		n    string
		what string
		c    rgb
	}{
		{fmt.Sprint(candidates), plural(candidates, "candidate", "candidates"), accent},
		{fmt.Sprint(audited), "audited", accent},
		{fmt.Sprint(failed), "could not be audited", accent},
		{"—", "average score", accent},
	}
	if failed > 0 {
		figs[2].c = redInk
	}
	if len(c.ranked) > 0 {
		sum := 0
		for _, r := range c.ranked {
			sum += clamp(*r.Score)
		}
		figs[3].n = fmt.Sprint(int(math.Round(float64(sum) / float64(len(c.ranked)))))
	}
	const gap = 4.0
	w := (d.right - d.left - gap*float64(len(figs)-1)) / float64(len(figs))
	for i, f := range figs {
		x := d.left + float64(i)*(w+gap)
		d.fill(paperBg)
		d.f.RoundedRect(x, d.y, w, 22, 2, "1234", "F")
		n := d.clean(f.n, true)
		d.color(f.c)
		d.draw(x+4, d.y+11, n, 22)
		d.color(grey)
		d.draw(x+4, d.y+17.5, d.fit(d.clean(f.what, false), sizeBody, w-8), sizeBody)
	}
	d.y += 30

	c.levelBar()
	d.y += 6
	c.coverGaps()
	d.y += 4
	c.coverProgress()

	if c.coach != "" {
		y := d.ph - 12
		d.stroke(rule, 0.3)
		d.f.Line(d.left, y-6, d.right, y-6)
		d.color(grey)
		d.draw(d.left, y, d.fit(d.clean("Prepared by "+c.coach, false), sizeBody, d.right-d.left), sizeBody)
	}
}

// levelBar is the audited candidates by level, as one stacked bar with
// each part named and counted (never colour alone).
func (c *cohortDoc) levelBar() {
	d := c.doc
	d.text(d.left, d.right, "WHERE THE COHORT STANDS", sizeSmall, true, grey)
	d.y += 2
	if len(c.ranked) == 0 {
		d.text(d.left, d.right, "No candidate could be audited.", sizeBody, false, grey)
		return
	}
	levels := []string{report.Ready, report.NearlyThere, report.KeepBuilding}
	n := map[string]int{}
	for _, r := range c.ranked {
		n[levelOf(r)]++
	}
	x, w := d.left, d.right-d.left
	const h = 9.0
	for _, l := range levels {
		if n[l] == 0 {
			continue
		}
		sw := w * float64(n[l]) / float64(len(c.ranked))
		d.fill(levelShade(l).main)
		d.f.Rect(x, d.y, sw, h, "F")
		lab := d.clean(fmt.Sprint(n[l]), true)
		if d.width(lab, sizeBody)+3 < sw {
			d.color(white)
			d.draw(x+2, d.baseline(d.y, h, sizeBody), lab, sizeBody)
		}
		x += sw
		d.stroke(white, 0.6)
		d.f.Line(x, d.y, x, d.y+h)
	}
	d.y += h + 3
	x = d.left
	for _, l := range levels {
		sh := levelShade(l)
		d.fill(sh.main)
		d.f.Rect(x, d.y+0.6, 3.5, 3.5, "F")
		lab := d.clean(fmt.Sprintf("%s: %d", capital(reports.Level(l)), n[l]), false)
		d.color(ink)
		x = d.draw(x+5.5, d.y+3.6, lab, sizeBody) + 9
	}
	d.y += 6
}

// levelOf is a row's level, or the level its score implies when the row
// has an unknown one.
func levelOf(r cohort.Row) string {
	switch r.Level {
	case report.Ready, report.NearlyThere, report.KeepBuilding:
		return r.Level
	}
	switch s := *r.Score; {
	case s >= 75:
		return report.Ready
	case s >= 50:
		return report.NearlyThere
	}
	return report.KeepBuilding
}

func (c *cohortDoc) coverGaps() {
	d := c.doc
	if len(c.s.Gaps) == 0 {
		return
	}
	d.text(d.left, d.right, "THE GAPS MOST CANDIDATES SHARE", sizeSmall, true, grey)
	d.y += 2
	_, audited, _ := c.counts()
	for i, g := range c.s.Gaps {
		if i == 3 || d.y+lineH(sizeBody) > d.ph-28 {
			break
		}
		d.fill(accent)
		d.f.Circle(d.left+3, d.y+3, 3, "F")
		n := d.clean(fmt.Sprint(i+1), true)
		d.color(white)
		d.draw(d.left+3-d.width(n, sizeBody)/2, d.y+4.2, n, sizeBody)
		line := fmt.Sprintf("%s: %d of %d candidates not yet strong", c.stepName(g.Step, g.Title), g.Count, audited)
		d.color(ink)
		d.draw(d.left+10, d.baseline(d.y+0.3, lineH(sizeBody), sizeBody), d.fit(d.clean(line, false), sizeBody, d.right-d.left-10), sizeBody)
		d.y += 8
	}
}

// coverProgress sums up the deltas against the previous run, when the
// command was given one.
func (c *cohortDoc) coverProgress() {
	d := c.doc
	var up, down, same, total int
	var best *cohort.Row
	for i, r := range c.ranked {
		if r.Delta == nil {
			continue
		}
		total++
		switch v := *r.Delta; {
		case v > 0:
			up++
		case v < 0:
			down++
		default:
			same++
		}
		if best == nil || *r.Delta > *best.Delta {
			best = &c.ranked[i]
		}
	}
	if total == 0 || d.y+3*lineH(sizeBody) > d.ph-28 {
		return
	}
	d.text(d.left, d.right, "PROGRESS SINCE THE PREVIOUS RUN", sizeSmall, true, grey)
	d.y += 1
	line := fmt.Sprintf("%d %s compared with the previous run: %d improved, %d dropped, %d unchanged.",
		total, plural(total, "candidate", "candidates"), up, down, same)
	if *best.Delta > 0 {
		line += fmt.Sprintf(" Most improved: %s, %s points.", c.who(*best), signed(*best.Delta))
	}
	d.text(d.left, d.right, line, sizeBody, false, ink)
}

// who is "Name (@login)", or the login alone.
func (c *cohortDoc) who(r cohort.Row) string {
	if n := strings.TrimSpace(r.Name); n != "" && !strings.EqualFold(n, r.Login) {
		return n + " (@" + r.Login + ")"
	}
	return r.Login
}

// stepName is "Step 7 · Testing and debugging", from the pathway's own
// titles when the summary has none.
func (c *cohortDoc) stepName(id, title string) string {
	info, ok := rules.Step(id)
	if title == "" {
		title = orDefault(info.Title, id)
	}
	if ok {
		return fmt.Sprintf("Step %d · %s", info.Number, title)
	}
	return title
}

// heat is the band of a step score: fill, text colour and edge.
func heat(score int) (fill, text, edge rgb) {
	switch {
	case score >= strongAt:
		return heatStrong, white, heatStrong
	case score >= developingAt:
		return heatDev, ink, heatDev
	}
	return heatMiss, redInk, heatMissEdge
}

type heatCols struct {
	rank, name, role, score, delta, level, step float64
}

func (c *cohortDoc) columns() heatCols {
	d := c.doc
	w := d.right - d.left
	k := heatCols{rank: 8, role: 27, score: 13, delta: 15, level: 31}
	fixed := k.rank + k.role + k.score + k.delta + k.level
	k.step = max(7, min(10, (w-fixed-50)/float64(len(cohort.StepIDs))))
	k.name = w - fixed - k.step*float64(len(cohort.StepIDs))
	return k
}

// ranking is the table of audited candidates, best first, with the steps
// as a heat map.
func (c *cohortDoc) ranking() {
	d := c.doc
	d.heading("Ranking and the 12 steps", 0)
	if len(c.ranked) == 0 {
		d.text(d.left, d.right, "No candidate could be audited, so there is nothing to rank.", sizeBody, false, grey)
		return
	}
	c.legend()
	d.y += 3
	k := c.columns()
	hs := make([]float64, len(c.ranked))
	for i := range hs {
		hs[i] = rankRowH
	}
	hh := c.headH()
	page := d.bottom - d.top - hh
	brk, at := paginate(hs, d.bottom-d.y-hh, page, page, tableKeep)
	if brk {
		d.newPage()
	}
	breaks := map[int]bool{}
	for _, i := range at {
		breaks[i] = true
	}
	c.tableHead(k)
	for i, r := range c.ranked {
		if breaks[i] || d.y+rankRowH > d.bottom {
			d.newPage()
			c.tableHead(k)
		}
		c.tableRow(k, i+1, r)
	}
}

func (c *cohortDoc) legend() {
	d := c.doc
	d.text(d.left, d.right, "Candidates by overall score. Each cell is a step score out of 100, shaded by band; Change is the overall score against the previous run.", sizeBody, false, grey)
	d.y += 1.5
	x := d.left
	y := d.y
	for _, b := range []struct {
		score int
		what  string
	}{{strongAt, fmt.Sprintf("strong %d–100", strongAt)}, {developingAt, fmt.Sprintf("developing %d–%d", developingAt, strongAt-1)}, {0, fmt.Sprintf("missing 0–%d", developingAt-1)}} {
		fill, _, edge := heat(b.score)
		d.fill(fill)
		d.stroke(edge, 0.3)
		d.f.Rect(x, y+0.7, 6, 3.6, "FD")
		lab := d.clean(b.what, false)
		d.color(ink)
		x = d.draw(x+8, y+3.5, lab, sizeSmall) + 7
	}
	d.y += lineH(sizeSmall) + 2.5
	// The key to the numbered columns: six steps a line, in order, each
	// column as wide as its longest title.
	const cols = 6
	type item struct{ num, title glyphs }
	var items []item
	for _, id := range cohort.StepIDs {
		info, ok := rules.Step(id)
		if !ok {
			info = rules.StepInfo{Title: id}
		}
		items = append(items, item{d.clean(fmt.Sprint(info.Number), true), d.clean(info.Title, false)})
	}
	size := sizeTiny + 0.5
	widths := make([]float64, cols)
	measure := func() float64 {
		total := 0.0
		for i, it := range items {
			widths[i%cols] = max(widths[i%cols], 4.5+d.width(it.title, size)+5)
		}
		for _, w := range widths {
			total += w
		}
		return total
	}
	if total := measure(); total > d.right-d.left {
		size *= (d.right - d.left) / total
		clear(widths)
		measure()
	}
	lh := lineH(size)
	for i, it := range items {
		x := d.left
		for _, w := range widths[:i%cols] {
			x += w
		}
		y := d.baseline(d.y+float64(i/cols)*lh, lh, size)
		d.color(grey)
		d.draw(x, y, it.num, size)
		d.color(mute)
		d.draw(x+4.5, y, d.fit(it.title, size, widths[i%cols]-5.5), size)
	}
	d.y += float64((len(items)+cols-1)/cols) * lh
}

// headH fits the longest step id written upwards.
func (c *cohortDoc) headH() float64 {
	w := 0.0
	for _, id := range cohort.StepIDs {
		w = max(w, c.width(c.clean(id, true), sizeTiny))
	}
	return w + lineH(sizeTiny) + 5
}

func (c *cohortDoc) tableHead(k heatCols) {
	d := c.doc
	h := c.headH()
	d.need(h + 12)
	d.fill(accent)
	d.f.Rect(d.left, d.y, d.right-d.left, h, "F")
	base := d.y + h - 2
	x := d.left
	for _, col := range []struct {
		s string
		w float64
	}{{"#", k.rank}, {"Candidate", k.name}, {"Role", k.role}, {"Score", k.score}, {"Change", k.delta}, {"Level", k.level}} {
		d.color(white)
		d.draw(x+1.5, base, d.fit(d.clean(col.s, true), sizeTiny+0.5, col.w-3), sizeTiny+0.5)
		x += col.w
	}
	for _, id := range cohort.StepIDs {
		num := "?"
		if info, ok := rules.Step(id); ok {
			num = fmt.Sprint(info.Number)
		}
		n := d.clean(num, true)
		d.color(white)
		d.draw(x+(k.step-d.width(n, sizeTiny+0.5))/2, base, n, sizeTiny+0.5)
		// The id, as in cohort.csv's columns, written upwards above the
		// number.
		gx, gy := x+k.step/2+0.9, base-lineH(sizeTiny)-1
		d.f.TransformBegin()
		d.f.TransformRotate(90, gx, gy)
		d.draw(gx, gy, d.clean(id, false), sizeTiny)
		d.f.TransformEnd()
		x += k.step
	}
	d.y += h
}

// rankRowH is the height of a row of the ranking, in mm.
const rankRowH = 8.6

func (c *cohortDoc) tableRow(k heatCols, rank int, r cohort.Row) {
	d := c.doc
	const h = rankRowH
	if rank%2 == 0 {
		d.fill(paperBg)
		d.f.Rect(d.left, d.y, d.right-d.left, h, "F")
	}
	mid := d.y + h/2
	x := d.left
	rk := d.clean(fmt.Sprint(rank), true)
	d.color(grey)
	d.draw(x+k.rank-2-d.width(rk, sizeSmall), mid+1.1, rk, sizeSmall)
	x += k.rank

	name, login := strings.TrimSpace(r.Name), "@"+r.Login
	if name == "" || strings.EqualFold(name, r.Login) {
		name, login = r.Login, ""
	}
	if login == "" {
		d.color(ink)
		d.draw(x+1.5, mid+1.1, d.fit(d.clean(name, true), sizeSmall, k.name-3), sizeSmall)
	} else {
		d.color(ink)
		d.draw(x+1.5, mid-0.4, d.fit(d.clean(name, true), sizeSmall, k.name-3), sizeSmall)
		d.color(mute)
		d.draw(x+1.5, mid+3.1, d.fit(d.clean(login, false), sizeTiny, k.name-3), sizeTiny)
	}
	x += k.name

	d.color(grey)
	d.draw(x+1.5, mid+1.1, d.fit(d.clean(orDefault(r.Role, "—"), false), sizeSmall, k.role-3), sizeSmall)
	x += k.role

	level := levelOf(r)
	sh := levelShade(level)
	sc := d.clean(fmt.Sprint(clamp(*r.Score)), true)
	d.color(ink)
	d.draw(x+k.score-3-d.width(sc, sizeBody), mid+1.1, sc, sizeBody)
	x += k.score

	if r.Delta != nil {
		col := grey
		if *r.Delta > 0 {
			col = greenInk
		} else if *r.Delta < 0 {
			col = redInk
		}
		dl := d.clean(signed(*r.Delta), true)
		d.color(col)
		d.draw(x+k.delta-4-d.width(dl, sizeSmall), mid+1.1, dl, sizeSmall)
	} else {
		dash := d.clean("—", false)
		d.color(mute)
		d.draw(x+k.delta-4-d.width(dash, sizeSmall), mid+1.1, dash, sizeSmall)
	}
	x += k.delta

	d.fill(sh.main)
	d.f.Circle(x+2.8, mid, 1.3, "F")
	d.color(sh.ink)
	d.draw(x+5.3, mid+1.1, d.fit(d.clean(capital(reports.Level(level)), true), sizeSmall, k.level-6.5), sizeSmall)
	x += k.level

	for _, id := range cohort.StepIDs {
		v, ok := r.Steps[id]
		cx, cy, cw, ch := x+0.4, d.y+0.8, k.step-0.8, h-1.6
		if !ok {
			d.stroke(heatEmptyEdge, 0.25)
			d.f.Rect(cx, cy, cw, ch, "D")
			dash := d.clean("–", false)
			d.color(mute)
			d.draw(x+(k.step-d.width(dash, sizeSmall))/2, mid+1.1, dash, sizeSmall)
			x += k.step
			continue
		}
		fill, txt, edge := heat(v)
		d.fill(fill)
		d.stroke(edge, 0.3)
		d.f.Rect(cx, cy, cw, ch, "FD")
		n := d.clean(fmt.Sprint(clamp(v)), true)
		size := float64(sizeSmall)
		if d.width(n, size) > cw-1 {
			size = sizeTiny
		}
		d.color(txt)
		d.draw(x+(k.step-d.width(n, size))/2, mid+1.1, n, size)
		x += k.step
	}
	d.y += h
}

// failures lists the candidates that could not be audited and why, after
// the ranking they are missing from.
func (c *cohortDoc) failures() {
	d := c.doc
	if len(c.failed) == 0 {
		return
	}
	d.y += 8
	d.heading(fmt.Sprintf("Not audited (%d)", len(c.failed)), 1)
	d.text(d.left, d.right, "These candidates are not in the ranking. Fix the cause and run the cohort again.", sizeBody, false, grey)
	d.y += 1.5
	for _, r := range c.failed {
		d.bullet("✘", redInk, c.who(r), orDefault(r.Error, "no score was produced"))
	}
}

// gaps draws, for each step, how many audited candidates are not strong
// in it, as bars.
func (c *cohortDoc) gaps() {
	d := c.doc
	d.y += 8
	d.need(60)
	d.heading("Common gaps across the cohort", 0)
	_, audited, _ := c.counts()
	if len(c.s.Gaps) == 0 {
		d.text(d.left, d.right, "None: every audited candidate is strong in every step.", sizeBody, false, grey)
		return
	}
	d.text(d.left, d.right, "For each step, how many of the audited candidates are not yet strong in it, most common first. A session on the first few reaches the most people.", sizeBody, false, grey)
	d.y += 4
	labelW := 78.0
	numW := 52.0
	x0, x1 := d.left+labelW, d.right-numW
	const rowH = 8.0
	most := 1
	for _, g := range c.s.Gaps {
		most = max(most, g.Count)
	}
	of := max(audited, most)
	for _, g := range c.s.Gaps {
		d.need(rowH)
		cy := d.y + rowH/2
		d.color(ink)
		d.draw(d.left, cy+1.2, d.fit(d.clean(c.stepName(g.Step, g.Title), false), sizeBody, labelW-3), sizeBody)
		d.fill(paperBg)
		d.f.Rect(x0, cy-2.4, x1-x0, 4.8, "F")
		d.fill(accent)
		d.f.Rect(x0, cy-2.4, (x1-x0)*float64(max(0, g.Count))/float64(of), 4.8, "F")
		pct := int(math.Round(100 * float64(g.Count) / float64(of)))
		lab := d.clean(fmt.Sprintf("%d of %d", g.Count, audited), true)
		d.color(ink)
		end := d.draw(x1+3, cy+1.2, lab, sizeBody)
		d.color(mute)
		d.draw(end+2, cy+1.2, d.clean(fmt.Sprintf("(%d%%)", pct), false), sizeSmall)
		d.y += rowH
	}
}

// nextSteps gives each audited candidate one line: the step to work on
// and the action worth most.
func (c *cohortDoc) nextSteps() {
	d := c.doc
	if len(c.ranked) == 0 {
		return
	}
	d.y += 8
	const title, intro = "Next steps, candidate by candidate", "The step each candidate should work on now and the single action worth the most points. Each candidate's own report has the full plan."
	w := d.right - d.left
	// The action is the point of the table: it wraps to three lines, a
	// step name to two, and the other cells keep to one.
	t := &grid{d: d, size: sizeSmall, maxLines: 1, lines: []int{1, 1, 2, 3}, cols: []column{
		{"#", 8}, {"Candidate", w*0.25 - 8}, {"Work on next", w * 0.25}, {"Top action", w * 0.5},
	}}
	rows := make([][]cell, len(c.ranked))
	for i, r := range c.ranked {
		next := cell{s: "All steps strong", c: greenInk}
		if r.Next != "" {
			next = cell{s: c.stepName(r.Next, ""), c: ink}
		}
		rows[i] = []cell{
			{s: fmt.Sprint(i + 1), c: grey},
			{s: c.who(r), c: ink},
			next,
			{s: orDefault(r.TopAction, "—"), c: grey},
		}
	}
	t.plan(d.headingH(title, 0)+d.textH(intro, sizeBody, 0)+3, rows)
	d.heading(title, 0)
	d.text(d.left, d.right, intro, sizeBody, false, grey)
	d.y += 3
	t.header()
	for _, r := range rows {
		t.row(r)
	}
}
