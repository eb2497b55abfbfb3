package pdf

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/reports"
)

const jobReady = "job-ready"

// build lays the report out in reading order: cover, the steps at a
// glance, steps 1-11, repositories, step 12 as the conclusion, appendix.
func (d *doc) build() {
	for _, s := range d.r.Steps {
		d.anchors[s.ID] = d.f.AddLink()
	}
	for _, name := range []string{"repos", "plan", "appendix", "unknown"} {
		d.sectionAnchors[name] = d.f.AddLink()
	}
	d.noHeader = true
	d.newPage()
	d.cover()
	d.noHeader = false
	d.newPage()
	d.glance()
	for i := range d.r.Steps {
		if d.r.Steps[i].ID != jobReady {
			d.step(&d.r.Steps[i])
		}
	}
	d.repos()
	d.conclusion()
	d.appendix()
}

func (d *doc) anchor(name string) {
	if l, ok := d.sectionAnchors[name]; ok {
		d.f.SetLink(l, d.y, -1)
	}
}

func (d *doc) who() string {
	if n := strings.TrimSpace(d.r.Subject.Name); n != "" {
		return n
	}
	return orDefault(d.r.Subject.Login, "Unnamed")
}

// capital upper-cases the first letter of a level word ("Nearly there").
func capital(s string) string {
	if s == "" {
		return s
	}
	rs := []rune(s)
	return strings.ToUpper(string(rs[0])) + string(rs[1:])
}

func (d *doc) cover() {
	r := d.r
	d.bookmark("Cover", 0)
	top := 26.0
	d.coverLogo(top - 2)
	d.y = top
	d.text(d.left, d.beside(), "BACKEND READINESS REPORT", sizeSmall, true, accent)
	d.y += 3
	size := float64(sizeTitle)
	right := d.beside()
	name := d.wrap(d.clean(d.who(), true), size, right-d.left)
	if len(name) > 1 {
		// A long name takes two lines of a smaller size, leaving room for
		// the rest of the cover.
		size = sizeTitle * 0.8
		name = d.wrapN(d.clean(d.who(), true), size, right-d.left, 2)
	}
	for _, line := range name {
		d.color(ink)
		d.draw(d.left, d.baseline(d.y, lineH(size), size), line, size)
		d.y += lineH(size)
	}
	d.y += 1
	sub := "@" + r.Subject.Login
	if r.Subject.Kind == "local" {
		sub = "Local checkout: " + r.Subject.Login
	} else if u := r.Subject.HTMLURL; u != "" {
		sub += " · " + strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	}
	d.lines(d.left, d.beside(), d.fit(d.clean(sub, false), 11, d.beside()-d.left), 11, grey)
	if bio := strings.TrimSpace(r.Subject.Bio); bio != "" {
		d.y += 0.5
		// A profile bio is up to 160 characters: two lines hold it.
		for _, l := range d.wrapN(d.clean(bio, false), sizeBody, d.beside()-d.left, 2) {
			d.lines(d.left, d.beside(), l, sizeBody, grey)
		}
	}
	meta := "As of " + dateOf(r)
	if r.Role != "" {
		meta += " · role " + r.Role
	}
	meta += fmt.Sprintf(" · %d%% of the checks could be made", int(math.Round(r.Overall.Coverage*100)))
	d.y += 0.5
	d.text(d.left, d.beside(), meta, sizeBody, false, mute)
	d.y = max(d.y+5, d.logoBottom+4)
	if r.Partial {
		d.notice("Partial report: some data could not be fetched, so some checks are unknown. See the warnings in the appendix.", redTint, redInk)
	}
	d.scorePanel()
	d.y += 7
	d.strip()
	d.y += 5
	d.topActions()
	if d.opts.Coach != "" {
		y := d.ph - 12
		d.stroke(rule, 0.3)
		d.f.Line(d.left, y-6, d.right, y-6)
		d.color(grey)
		d.draw(d.left, y, d.fit(d.clean("Prepared by "+d.opts.Coach, false), sizeBody, d.right-d.left), sizeBody)
	}
}

// coverLogo draws the logo, if any, at the top right of a cover.
func (d *doc) coverLogo(y float64) {
	d.logoLeft, d.logoBottom = d.right, 0
	if d.opts.Logo == "" {
		return
	}
	if left, bottom, ok := d.logo(y); ok {
		d.logoLeft, d.logoBottom = left, bottom
	}
}

// beside is the right edge of a cover line starting at the cursor: short
// of the logo while the line sits beside it, the margin below it.
func (d *doc) beside() float64 {
	if d.y < d.logoBottom+1 {
		return d.logoLeft - 8
	}
	return d.right
}

// notice is a tinted full-width box with a short message.
func (d *doc) notice(s string, bg, fg rgb) {
	lines := d.wrap(d.clean(s, false), sizeBody, d.right-d.left-8)
	h := float64(len(lines))*lineH(sizeBody) + 5
	d.need(h)
	d.fill(bg)
	d.f.RoundedRect(d.left, d.y, d.right-d.left, h, 2, "1234", "F")
	y := d.y + 2.5
	for _, l := range lines {
		d.color(fg)
		d.draw(d.left+4, d.baseline(y, lineH(sizeBody), sizeBody), l, sizeBody)
		y += lineH(sizeBody)
	}
	d.y += h + 4
}

// scorePanel is the gauge with the level and where to go next.
func (d *doc) scorePanel() {
	r := d.r
	h := 47.0
	// "Work on next" (two lines when its title is long) and the progress
	// line both sit beside the gauge: give them room rather than let them
	// run out of the panel.
	if r.Compare != nil && d.stepByID(r.Position.Next) != nil {
		h += 10
	}
	x0, y0 := d.left, d.y
	d.fill(paperBg)
	d.f.RoundedRect(x0, y0, d.right-d.left, h, 3, "1234", "F")
	sh := levelShade(r.Overall.Level)
	cx, cy, rad := x0+38, y0+32, 22.0
	d.gauge(cx, cy, rad, r.Overall.Score, sh.main)
	num := d.clean(fmt.Sprint(clamp(r.Overall.Score)), true)
	d.color(ink)
	d.draw(cx-d.width(num, 30)/2, cy-3, num, 30)
	of := d.clean("out of 100", false)
	d.color(mute)
	d.draw(cx-d.width(of, sizeSmall)/2, cy+3, of, sizeSmall)
	if c := r.Compare; c != nil {
		// The change sits under the number it changed; the line beside
		// the gauge says since when.
		chip := d.clean(arrow(c.Overall)+" "+signed(c.Overall), true)
		pw := d.width(chip, sizeSmall) + 5
		d.pill(cx-pw/2, cy+5.5, plain(chip), deltaShade(c.Overall), sizeSmall)
	}

	tx := x0 + 78
	d.y = y0 + 6
	d.text(tx, d.right-6, "LEVEL", sizeSmall, true, grey)
	d.text(tx, d.right-6, capital(reports.Level(r.Overall.Level)), 20, true, sh.ink)
	d.y += 1.5
	strong := 0
	for _, s := range r.Steps {
		if s.Status == report.Strong {
			strong++
		}
	}
	d.text(tx, d.right-6, fmt.Sprintf("Strong in %d of %d steps. %s", strong, len(r.Steps), thresholdLine(r)), sizeBody, false, grey)
	if next := d.stepByID(r.Position.Next); next != nil {
		d.y += 1
		d.text(tx, d.right-6, fmt.Sprintf("Work on next: step %d, %s", next.Number, next.Title), sizeBody, true, ink)
	}
	if c := r.Compare; c != nil {
		d.y += 1
		col := grey
		if c.Overall > 0 {
			col = greenInk
		} else if c.Overall < 0 {
			col = redInk
		}
		line := fmt.Sprintf("%s points since the report of %s", signed(c.Overall), c.Previous.UTC().Format("2 January 2006"))
		if c.Overall == 0 {
			line = "No change since the report of " + c.Previous.UTC().Format("2 January 2006")
		}
		d.text(tx, d.right-6, line, sizeBody, true, col)
	}
	d.y = y0 + h
}

// arrow says which way a score moved, in shape as well as colour.
func arrow(delta int) string {
	switch {
	case delta > 0:
		return "▲"
	case delta < 0:
		return "▼"
	}
	return "="
}

func deltaShade(delta int) shade {
	switch {
	case delta > 0:
		return shade{green, greenTint, greenInk}
	case delta < 0:
		return shade{red, redTint, redInk}
	}
	return shade{mute, paperBg, grey}
}

// stepDelta is a step's change since the compared report, if it has one.
func (d *doc) stepDelta(id string) (int, bool) {
	if d.r.Compare == nil {
		return 0, false
	}
	v, ok := d.r.Compare.Steps[id]
	return v, ok
}

func thresholdLine(r *report.Report) string {
	t := r.Scoring.Thresholds
	ready, ok1 := t[report.Ready]
	near, ok2 := t[report.NearlyThere]
	if !ok1 || !ok2 {
		return ""
	}
	return fmt.Sprintf("Ready to apply from %d, nearly there from %d.", ready, near)
}

func clamp(n int) int { return max(0, min(100, n)) }

func signed(n int) string {
	if n > 0 {
		return fmt.Sprintf("+%d", n)
	}
	return fmt.Sprint(n)
}

// gauge draws a half-circle dial filled to score/100.
func (d *doc) gauge(cx, cy, rad float64, score int, c rgb) {
	d.f.SetLineCapStyle("butt")
	d.stroke(rule, 7)
	d.f.Arc(cx, cy, rad, rad, 0, 0, 180, "D")
	if s := clamp(score); s > 0 {
		d.stroke(c, 7)
		d.f.Arc(cx, cy, rad, rad, 0, 180-1.8*float64(s), 180, "D")
	}
	// Ticks at the level thresholds.
	for _, k := range []string{report.NearlyThere, report.Ready} {
		v, ok := d.r.Scoring.Thresholds[k]
		if !ok {
			continue
		}
		a := math.Pi * (1 - float64(clamp(v))/100)
		d.stroke(grey, 0.4)
		x1, y1 := cx+(rad+4.2)*math.Cos(a), cy-(rad+4.2)*math.Sin(a)
		x2, y2 := cx+(rad+6)*math.Cos(a), cy-(rad+6)*math.Sin(a)
		d.f.Line(x1, y1, x2, y2)
		lab := d.clean(fmt.Sprint(v), false)
		lx, ly := cx+(rad+8.5)*math.Cos(a), cy-(rad+8.5)*math.Sin(a)
		d.color(mute)
		d.draw(lx-d.width(lab, sizeTiny)/2, ly+1, lab, sizeTiny)
	}
	d.f.SetLineCapStyle("square")
}

func (d *doc) stepByID(id string) *report.Step {
	for i := range d.r.Steps {
		if d.r.Steps[i].ID == id {
			return &d.r.Steps[i]
		}
	}
	return nil
}

// strip is the 12-step pathway as tiles coloured by status, with the
// status also written out.
func (d *doc) strip() {
	d.text(d.left, d.right, "YOUR PATHWAY: 12 STEPS", sizeSmall, true, grey)
	d.y += 2
	const cols, gap, h = 6, 3.0, 26.0
	w := (d.right - d.left - gap*(cols-1)) / cols
	for i := range d.r.Steps {
		s := &d.r.Steps[i]
		x := d.left + float64(i%cols)*(w+gap)
		y := d.y + float64(i/cols)*(h+gap)
		sh := stepShade(s)
		d.fill(sh.tint)
		d.f.RoundedRect(x, y, w, h, 2, "1234", "F")
		d.fill(sh.main)
		d.f.Rect(x, y, w, 1.6, "F")
		if s.ID == d.r.Position.Next {
			d.stroke(accent, 0.7)
			d.f.RoundedRect(x, y, w, h, 2, "1234", "D")
		}
		num := d.clean(fmt.Sprint(s.Number), true)
		d.color(sh.ink)
		d.draw(x+2.5, y+7.5, num, 12)
		sc := d.clean(fmt.Sprint(clamp(s.Score)), true)
		if unchecked(s) {
			sc = d.clean("–", true) // left out of the score: no number to show
		}
		d.color(ink)
		d.draw(x+w-2.5-d.width(sc, 9), y+7, sc, 9)
		ty := y + 9.5
		title := d.wrapN(d.clean(s.Title, false), sizeTiny, w-5, 3)
		for _, l := range title {
			d.color(ink)
			d.draw(x+2.5, d.baseline(ty, lineH(sizeTiny), sizeTiny), l, sizeTiny)
			ty += lineH(sizeTiny)
		}
		d.color(sh.ink)
		mark := stepMark(s)
		if unchecked(s) && inapplicable(s) {
			mark = "– n/a" // a tile is too narrow for "not applicable"
		}
		d.draw(x+2.5, y+h-2.5, d.fit(d.clean(mark, true), sizeTiny, w-5), sizeTiny)
		if s.ID == d.r.Position.Next {
			tag := "NEXT"
			pw := d.width(d.clean(tag, true), 6) + 5
			d.pill(x+(w-pw)/2, y-2.3, tag, shade{accent, accent, rgb{255, 255, 255}}, 6)
		}
		if l, ok := d.anchors[s.ID]; ok {
			d.f.Link(x, y, w, h, l)
		}
	}
	rows := (len(d.r.Steps) + cols - 1) / cols
	d.y += float64(rows) * (h + gap)
}

func (d *doc) topActions() {
	acts := d.sortedActions()
	if len(acts) == 0 {
		return
	}
	d.text(d.left, d.right, "THE THREE MOST VALUABLE ACTIONS", sizeSmall, true, grey)
	d.y += 2
	acts = acts[:min(3, len(acts))]
	// On a crowded cover (a long name, a partial notice, letter paper)
	// each action gets one line rather than dropping any.
	// The cover has no footer, so it may use the footer's room.
	bottom := d.ph - 14
	if d.opts.Coach != "" {
		bottom -= 10
	}
	maxLines := 2
	if d.y+float64(len(acts))*(2*lineH(sizeBody)+lineH(sizeSmall)+2.5) > bottom {
		maxLines = 1
	}
	for i, a := range acts {
		if d.y+lineH(sizeBody)+lineH(sizeSmall) > bottom {
			break
		}
		d.fill(accent)
		d.f.Circle(d.left+3, d.y+3, 3, "F")
		n := d.clean(fmt.Sprint(i+1), true)
		d.f.SetTextColor(255, 255, 255)
		d.draw(d.left+3-d.width(n, sizeBody)/2, d.y+4.2, n, sizeBody)
		lines := d.wrapN(d.clean(a.Text, false), sizeBody, d.right-d.left-10, maxLines)
		y := d.y + 0.3
		for _, l := range lines {
			d.color(ink)
			d.draw(d.left+10, d.baseline(y, lineH(sizeBody), sizeBody), l, sizeBody)
			y += lineH(sizeBody)
		}
		d.color(mute)
		d.draw(d.left+10, d.baseline(y, lineH(sizeSmall), sizeSmall), d.fit(d.clean(d.actionMeta(a, true), false), sizeSmall, d.right-d.left-10), sizeSmall)
		d.y = y + lineH(sizeSmall) + 2.5
	}
}

// sortedActions orders the report's actions by priority (unset last),
// keeping the report's order among equals.
func (d *doc) sortedActions() []report.Action {
	acts := slices.Clone(d.r.Actions)
	slices.SortStableFunc(acts, func(a, b report.Action) int {
		pa, pb := a.Priority, b.Priority
		if pa <= 0 {
			pa = math.MaxInt32
		}
		if pb <= 0 {
			pb = math.MaxInt32
		}
		return cmp.Compare(pa, pb)
	})
	return acts
}

func (d *doc) actionMeta(a report.Action, withStep bool) string {
	var parts []string
	if withStep {
		if s := d.stepByID(a.Step); s != nil {
			parts = append(parts, fmt.Sprintf("Step %d, %s", s.Number, s.Title))
		}
	}
	if a.Repo != "" {
		parts = append(parts, a.Repo)
	}
	if a.Impact > 0 {
		parts = append(parts, fmt.Sprintf("+%s points", points(a.Impact)))
	}
	if a.Effort != "" {
		parts = append(parts, "effort "+a.Effort)
	}
	return strings.Join(parts, " · ")
}

func points(f float64) string {
	if f >= 10 || f == math.Trunc(f) {
		return fmt.Sprintf("%.0f", f)
	}
	return fmt.Sprintf("%.1f", f)
}

func (d *doc) glance() {
	r := d.r
	d.heading("The 12 steps at a glance", 0)
	d.text(d.left, d.right, "Each step is scored from 0 to 100 by the rules in the appendix. The dashed lines mark where a step becomes developing and strong.", sizeBody, false, grey)
	d.y += 5
	labelW := 64.0
	x0 := d.left + labelW
	x1 := d.right - 38
	if r.Compare != nil {
		x1 -= 10
	}
	rowH := 8.0
	top := d.y
	for i := range r.Steps {
		s := &r.Steps[i]
		sh := stepShade(s)
		cy := d.y + rowH/2
		lab := d.fit(d.clean(fmt.Sprintf("%d  %s", s.Number, s.Title), false), sizeBody, labelW-3)
		d.color(ink)
		d.draw(d.left, cy+1.2, lab, sizeBody)
		if l, ok := d.anchors[s.ID]; ok {
			d.f.Link(d.left, d.y, labelW, rowH, l)
		}
		d.fill(paperBg)
		d.f.Rect(x0, cy-2.2, x1-x0, 4.4, "F")
		d.fill(sh.main)
		d.f.Rect(x0, cy-2.2, (x1-x0)*float64(clamp(s.Score))/100, 4.4, "F")
		sc := d.clean(fmt.Sprint(clamp(s.Score)), true)
		d.color(ink)
		d.draw(x1+2, cy+1.2, sc, sizeBody)
		d.color(sh.ink)
		d.draw(x1+11.5, cy+1.2, d.clean(stepMark(s), false), sizeSmall)
		if r.Compare != nil {
			if delta, ok := r.Compare.Steps[s.ID]; ok {
				col := mute
				if delta > 0 {
					col = greenInk
				} else if delta < 0 {
					col = redInk
				}
				dl := d.clean(signed(delta), true)
				d.color(col)
				d.draw(d.right-d.width(dl, sizeSmall), cy+1.2, dl, sizeSmall)
			}
		}
		d.y += rowH
	}
	for _, k := range []string{report.Developing, report.Strong} {
		v, ok := r.Scoring.Thresholds[k]
		if !ok {
			continue
		}
		x := x0 + (x1-x0)*float64(clamp(v))/100
		d.stroke(mute, 0.25)
		d.f.SetDashPattern([]float64{0.8, 0.8}, 0)
		d.f.Line(x, top-1, x, d.y)
		d.f.SetDashPattern(nil, 0)
		lab := d.clean(fmt.Sprintf("%s %d", k, v), false)
		d.color(mute)
		d.draw(x-d.width(lab, sizeTiny)/2, top-2, lab, sizeTiny)
	}
	if r.Compare != nil {
		d.y += 1
		d.text(d.left, d.right, "Changes since the report of "+r.Compare.Previous.UTC().Format("2 January 2006")+" are shown on the right.", sizeSmall, false, mute)
	}
	d.y += 8
	d.languages()
	d.y += 6
	d.portfolioFacts()
}

// languages is a stacked bar of code bytes per language over the included
// repositories, with a legend.
func (d *doc) languages() {
	d.heading("Languages across the portfolio", 1)
	total := int64(0)
	bytes := map[string]int64{}
	n := 0
	for _, repo := range d.r.Repos {
		if !repo.Included {
			continue
		}
		n++
		for lang, b := range repo.Languages {
			if b > 0 {
				bytes[lang] += b
				total += b
			}
		}
	}
	if total == 0 {
		d.text(d.left, d.right, "No language data: no included repository has code go-enry recognises.", sizeBody, false, grey)
		return
	}
	type share struct {
		lang  string
		bytes int64
	}
	var shares []share
	for l, b := range bytes {
		shares = append(shares, share{l, b})
	}
	slices.SortFunc(shares, func(a, b share) int {
		return cmp.Or(cmp.Compare(b.bytes, a.bytes), cmp.Compare(a.lang, b.lang))
	})
	const top = 8
	if len(shares) > top {
		other := int64(0)
		for _, s := range shares[top-1:] {
			other += s.bytes
		}
		shares = append(shares[:top-1], share{"Other", other})
	}
	d.text(d.left, d.right, fmt.Sprintf("Bytes of code in %d included %s, as go-enry counts them (vendored, generated and documentation files excluded).", n, plural(n, "repository", "repositories")), sizeSmall, false, mute)
	d.y += 2
	d.need(30)
	x := d.left
	w := d.right - d.left
	for _, s := range shares {
		sw := w * float64(s.bytes) / float64(total)
		c := hexColor(langColor(s.lang))
		d.fill(c)
		d.f.Rect(x, d.y, sw, 7, "F")
		x += sw
	}
	d.stroke(rule, 0.2)
	d.f.Rect(d.left, d.y, w, 7, "D")
	d.y += 11
	const cols = 3
	colW := w / cols
	rows := (len(shares) + cols - 1) / cols
	for i, s := range shares {
		cx := d.left + float64(i/rows)*colW
		cy := d.y + float64(i%rows)*6
		d.fill(hexColor(langColor(s.lang)))
		d.stroke(rule, 0.2)
		d.f.Rect(cx, cy, 3.5, 3.5, "FD")
		pct := fmt.Sprintf("%.1f%%", 100*float64(s.bytes)/float64(total))
		pg := d.clean(pct, false)
		d.color(mute)
		d.draw(cx+colW-6-d.width(pg, sizeSmall), cy+3, pg, sizeSmall)
		d.color(ink)
		d.draw(cx+5.5, cy+3, d.fit(d.clean(s.lang, false), sizeSmall, colW-6-d.width(pg, sizeSmall)-8), sizeSmall)
	}
	d.y += float64(rows)*6 + 2
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// portfolioFacts is a row of key figures about the included repositories.
func (d *doc) portfolioFacts() {
	var inc, tests, ci, lic, readme int
	for _, r := range d.r.Repos {
		if !r.Included {
			continue
		}
		inc++
		if r.Signals.Tests.Present {
			tests++
		}
		if r.Signals.CI.Present {
			ci++
		}
		if r.Signals.License != nil && *r.Signals.License != "" {
			lic++
		}
		if r.Signals.Readme.Present {
			readme++
		}
	}
	d.heading("Repositories in numbers", 1)
	figs := []struct {
		n    int
		what string
	}{{inc, "assessed"}, {tests, "with live tests"}, {ci, "with CI"}, {readme, "with a README"}, {lic, "with a licence"}}
	d.need(20)
	w := (d.right - d.left - 4*3) / 5
	for i, f := range figs {
		x := d.left + float64(i)*(w+3)
		d.fill(paperBg)
		d.f.RoundedRect(x, d.y, w, 17, 2, "1234", "F")
		n := d.clean(fmt.Sprint(f.n), true)
		d.color(accent)
		d.draw(x+3, d.y+8.5, n, 16)
		d.color(grey)
		d.draw(x+3, d.y+13.8, d.fit(d.clean(f.what, false), sizeSmall, w-6), sizeSmall)
	}
	d.y += 21
	if ex := len(d.r.Repos) - inc; ex > 0 {
		d.text(d.left, d.right, fmt.Sprintf("%d more %s not assessed (forks, archived or empty); see Repositories.", ex, plural(ex, "repository was", "repositories were")), sizeSmall, false, mute)
	}
}

const listCap = 10

// step is one step's section: score, why, found, missing, actions.
func (d *doc) step(s *report.Step) {
	d.y += 4
	d.need(75)
	d.stepHead(s, fmt.Sprintf("Step %d · %s", s.Number, s.Title))
	d.stepBody(s, true)
}

func (d *doc) stepHead(s *report.Step, title string) {
	if l, ok := d.anchors[s.ID]; ok {
		d.f.SetLink(l, d.y, -1)
	}
	sh := stepShade(s)
	d.bookmark(title, 0)
	// Number badge, title, status pill.
	d.fill(sh.main)
	d.f.Circle(d.left+5, d.y+5, 5, "F")
	n := d.clean(fmt.Sprint(s.Number), true)
	d.f.SetTextColor(255, 255, 255)
	d.draw(d.left+5-d.width(n, 12)/2, d.y+6.5, n, 12)
	pillText := fmt.Sprintf("%s · %d/100", stepMark(s), clamp(s.Score))
	pw := d.width(d.clean(pillText, true), sizeSmall) + 5
	var since glyphs
	delta, hasDelta := d.stepDelta(s.ID)
	if hasDelta {
		since = d.clean(fmt.Sprintf("%s %s since %s", arrow(delta), signed(delta), d.r.Compare.Previous.UTC().Format("2 January 2006")), true)
	}
	tw := d.right - d.left - 14 - max(pw, d.width(since, sizeTiny)) - 4
	lines := d.wrap(d.clean(s.Title, true), 15, tw)
	y := d.y + 0.2
	for _, l := range lines {
		d.color(ink)
		d.draw(d.left+14, d.baseline(y, lineH(15), 15), l, 15)
		y += lineH(15)
	}
	d.pill(d.right-pw, d.y+1.6, pillText, sh, sizeSmall)
	minH := 10.0
	if hasDelta {
		d.color(deltaShade(delta).ink)
		d.draw(d.right-d.width(since, sizeTiny), d.y+10.2, since, sizeTiny)
		minH = 11.5
	}
	d.y = max(y, d.y+minH) + 2
	// Score bar.
	d.fill(paperBg)
	d.f.Rect(d.left, d.y, d.right-d.left, 1.8, "F")
	d.fill(sh.main)
	d.f.Rect(d.left, d.y, (d.right-d.left)*float64(clamp(s.Score))/100, 1.8, "F")
	d.y += 5
}

func (d *doc) stepBody(s *report.Step, withActions bool) {
	if s.Why != "" {
		d.label("WHY IT MATTERS FOR A BACKEND JOB", d.textH(s.Why, sizeBody, 2))
		d.text(d.left, d.right, s.Why, sizeBody, false, grey)
	}
	if unchecked(s) && inapplicable(s) {
		d.y += 2
		d.notice("None of this step's checks apply to what was audited (a project judged on its own, not a portfolio), so it is left out of the overall score.", paperBg, grey)
	} else if unchecked(s) {
		d.y += 2
		d.notice("Nothing could be checked for this step, so it is left out of the overall score. See “What was unknown” in the appendix.", paperBg, grey)
	} else if s.Coverage > 0 && s.Coverage < 0.999 {
		d.y += 1
		d.text(d.left, d.right, fmt.Sprintf("%d%% of this step's checks could be made; the rest are listed under “What was unknown” in the appendix.", int(math.Round(s.Coverage*100))), sizeSmall, false, mute)
	}
	next := lineH(sizeBody)
	if len(s.Evidence) > 0 {
		next = d.bulletH(orDefault(s.Evidence[0].Text, s.Evidence[0].Path), evidenceWhere(s.Evidence[0]))
	}
	d.label("WHAT WAS FOUND", next)
	if len(s.Evidence) == 0 {
		d.text(d.left, d.right, "Nothing yet.", sizeBody, false, mute)
	}
	for i, e := range s.Evidence {
		if i == listCap {
			d.text(d.left+6, d.right, fmt.Sprintf("…and %d more.", len(s.Evidence)-listCap), sizeSmall, false, mute)
			break
		}
		// Evidence can be negative ("no .gitignore at the root"), so its
		// marker says nothing about the outcome; the findings do that.
		d.bullet("•", grey, orDefault(e.Text, e.Path), evidenceWhere(e))
	}
	var fails []report.Finding
	for _, f := range s.Findings {
		if f.Outcome == report.Fail {
			fails = append(fails, f)
		}
	}
	next = lineH(sizeBody)
	if len(fails) > 0 {
		next = d.bulletH(orDefault(fails[0].Message, fails[0].Title), findingWhere(fails[0]))
	}
	d.label("WHAT IS MISSING", next)
	if len(fails) == 0 {
		d.text(d.left, d.right, "Nothing: every check that applies passed.", sizeBody, false, mute)
	}
	for i, f := range fails {
		if i == listCap {
			d.text(d.left+6, d.right, fmt.Sprintf("…and %d more: see “Rules applied” in the appendix.", len(fails)-listCap), sizeSmall, false, mute)
			break
		}
		d.bullet("✘", redInk, orDefault(f.Message, f.Title), findingWhere(f))
	}
	if withActions && len(s.Actions) > 0 {
		d.label("ACTIONS", d.bulletH(s.Actions[0].Text, d.actionMeta(s.Actions[0], false)))
		for i, a := range s.Actions {
			if i == listCap {
				d.text(d.left+6, d.right, fmt.Sprintf("…and %d more.", len(s.Actions)-listCap), sizeSmall, false, mute)
				break
			}
			d.bullet("→", accent, a.Text, d.actionMeta(a, false))
		}
	}
}

func anyKnown(fs []report.Finding) bool {
	for _, f := range fs {
		if f.Outcome == report.Pass || f.Outcome == report.Fail {
			return true
		}
	}
	return false
}

func evidenceWhere(e report.Evidence) string {
	var parts []string
	if e.Repo != "" {
		parts = append(parts, e.Repo)
	}
	if e.Path != "" {
		p := e.Path
		if e.Line > 0 {
			p += fmt.Sprintf(":%d", e.Line)
		}
		parts = append(parts, p)
	}
	if e.Commit != "" {
		parts = append(parts, "commit "+shortSHA(e.Commit))
	}
	return strings.Join(parts, " · ")
}

func shortSHA(s string) string {
	if len(s) > 10 {
		return s[:10]
	}
	return s
}

func findingWhere(f report.Finding) string {
	var parts []string
	if f.Title != "" && !strings.Contains(f.Message, f.Title) {
		parts = append(parts, f.Title)
	}
	if f.Repo != "" {
		parts = append(parts, f.Repo)
	}
	if f.Path != "" {
		parts = append(parts, f.Path)
	}
	return strings.Join(parts, " · ")
}

// unchecked is a step where nothing could be checked: it is out of the
// overall score, and saying "missing" would blame the person for it.
func unchecked(s *report.Step) bool {
	return (s.Coverage == 0 || !s.Counted) && !anyKnown(s.Findings)
}

// inapplicable is a step whose every rule was not applicable: a local
// project audit leaves portfolio-wide steps out this way.
func inapplicable(s *report.Step) bool {
	for _, f := range s.Findings {
		if f.Outcome != report.NotApplicable {
			return false
		}
	}
	return len(s.Findings) > 0
}

func stepShade(s *report.Step) shade {
	if unchecked(s) {
		return shade{mute, paperBg, grey}
	}
	return statusShade(s.Status)
}

func stepMark(s *report.Step) string {
	if unchecked(s) && inapplicable(s) {
		return "– not applicable"
	}
	if unchecked(s) {
		return "? not checked"
	}
	return statusMark(s.Status)
}
