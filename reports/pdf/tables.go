package pdf

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/pathway-dev/pathway/internal/languages"
	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/reports"
)

func langColor(lang string) string {
	if lang == "Other" {
		return "#bfc5cc"
	}
	return languages.Color(lang)
}

// cell is one table cell: text, colour and weight.
type cell struct {
	s    string
	note string // small grey lines under s, as a description
	c    rgb
	bold bool
	link string
}

type column struct {
	title string
	w     float64
}

// grid draws rows under a header that repeats on every page. Cells wrap
// to at most maxLines lines (the last one cut with an ellipsis), or their
// column's limit in lines; notes under a cell's text take up to two lines.
type grid struct {
	d        *doc
	cols     []column
	size     float64
	maxLines int
	lines    []int // per column, overriding maxLines when > 0
	zebra    int
	n        int          // rows drawn
	breaks   map[int]bool // rows that start a page, from plan
}

// tableKeep is the fewest rows a table leaves alone on a page: a heading
// with one or two rows under it, or one or two rows over on a page of their
// own, read as a mistake.
const tableKeep = 3

func (t *grid) headerH() float64 { return lineH(sizeSmall) + 2.5 }

// plan decides the table's page breaks before anything of it is drawn:
// lead is the height of what introduces it (a heading, a sentence), which
// moves with the first rows. It starts a new page now when too few rows
// would stay with the lead.
func (t *grid) plan(lead float64, rows [][]cell) {
	d := t.d
	hs := make([]float64, len(rows))
	for i, r := range rows {
		_, _, hs[i] = t.layout(r)
	}
	hh := t.headerH()
	page := d.bottom - d.top - hh
	brk, at := paginate(hs, d.bottom-d.y-lead-hh, page-lead, page, tableKeep)
	if brk {
		d.newPage()
	}
	t.breaks = map[int]bool{}
	for _, i := range at {
		t.breaks[i] = true
	}
}

// paginate spreads rows of the given heights over pages: room is the space
// left on this page, first what a new page would leave for the rows under
// the lead, rest the space on every later page. Unless a page cannot hold
// them, the first page gets at least keep rows (else the table starts on a
// new page: brk) and so does the last (rows are pulled over to it, or the
// whole table moves when it is short). at lists the rows that start a page.
func paginate(heights []float64, room, first, rest float64, keep int) (brk bool, at []int) {
	n := len(heights)
	if n == 0 {
		return false, nil
	}
	keep = min(keep, n)
	fits := func(from int, space float64) int {
		k := 0
		for from+k < n && heights[from+k] <= space+1e-9 {
			space -= heights[from+k]
			k++
		}
		return k
	}
	take := func(from int, space float64) int {
		k := fits(from, space)
		if left := n - from - k; left > 0 && left < keep {
			k -= keep - left
		}
		return k
	}
	k := take(0, room)
	if k < keep && fits(0, first) > k {
		brk = true
		k = take(0, first)
	}
	if k < 1 {
		// Rows taller than the space: one a page, the first on a new one
		// unless this page is already empty.
		brk = brk || room < first
		k = 1
	}
	for from := k; from < n; from += k {
		at = append(at, from)
		if k = take(from, rest); k < 1 {
			k = max(1, fits(from, rest))
		}
	}
	return brk, at
}

func (t *grid) header() {
	d := t.d
	h := t.headerH()
	d.need(h + 8)
	d.fill(accent)
	d.f.Rect(d.left, d.y, d.right-d.left, h, "F")
	x := d.left
	for _, c := range t.cols {
		d.f.SetTextColor(255, 255, 255)
		d.draw(x+1.5, d.baseline(d.y, h, sizeTiny+0.5), d.fit(d.clean(c.title, true), sizeTiny+0.5, c.w-3), sizeTiny+0.5)
		x += c.w
	}
	d.y += h
	t.zebra = 0
}

// layout wraps a row's cells and returns its height.
func (t *grid) layout(cells []cell) (wrapped, notes [][]glyphs, h float64) {
	d := t.d
	lh, nh := lineH(t.size), lineH(sizeTiny)
	for i, c := range cells {
		w := t.cols[i].w - 3
		n := t.maxLines
		if i < len(t.lines) && t.lines[i] > 0 {
			n = t.lines[i]
		}
		ls := d.wrapN(d.clean(c.s, c.bold), t.size, w, n)
		var ns []glyphs
		if c.note != "" {
			ns = d.wrapN(d.clean(c.note, false), sizeTiny, w, 2)
		}
		wrapped, notes = append(wrapped, ls), append(notes, ns)
		h = max(h, float64(len(ls))*lh+float64(len(ns))*nh)
	}
	return wrapped, notes, h + 2.4
}

func (t *grid) row(cells []cell) {
	d := t.d
	lh, nh := lineH(t.size), lineH(sizeTiny)
	wrapped, notes, h := t.layout(cells)
	if d.y+h > d.bottom || t.breaks[t.n] {
		d.newPage()
		t.header()
	}
	t.n++
	if t.zebra%2 == 1 {
		d.fill(paperBg)
		d.f.Rect(d.left, d.y, d.right-d.left, h, "F")
	}
	t.zebra++
	x := d.left
	for i, c := range cells {
		y := d.y + 1
		for _, l := range wrapped[i] {
			d.color(c.c)
			end := d.draw(x+1.5, d.baseline(y, lh, t.size), l, t.size)
			if c.link != "" {
				d.f.LinkString(x+1.5, y, end-x-1.5, lh, c.link)
			}
			y += lh
		}
		for _, l := range notes[i] {
			d.color(mute)
			d.draw(x+1.5, d.baseline(y, nh, sizeTiny), l, sizeTiny)
			y += nh
		}
		x += t.cols[i].w
	}
	d.y += h
	d.stroke(rule, 0.2)
	d.f.Line(d.left, d.y, d.right, d.y)
}

// webURL keeps only web links: a report's URLs come from a host and are
// not to be trusted as arbitrary PDF actions.
func webURL(u string) string {
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return ""
}

func (d *doc) repos() {
	d.y += 4
	var inc, exc []report.Repo
	for _, r := range d.r.Repos {
		if r.Included {
			inc = append(inc, r)
		} else {
			exc = append(exc, r)
		}
	}
	const title, intro = "Repositories", "The repositories the score is built on. Names link to the repository."
	if len(inc) == 0 {
		d.need(60)
		d.anchor("repos")
		d.heading(title, 0)
		d.text(d.left, d.right, "No repository was assessed.", sizeBody, false, grey)
	} else {
		w := d.right - d.left
		t := &grid{d: d, size: sizeSmall, maxLines: 2, cols: []column{
			{"Repository", w * 0.25}, {"Language", w * 0.11}, {"Tests", w * 0.15}, {"CI", w * 0.15},
			{"README", w * 0.11}, {"Licence", w * 0.09}, {"Last push", w * 0.14},
		}}
		rows := make([][]cell, len(inc))
		for i, r := range inc {
			rows[i] = d.repoCells(r)
		}
		// The heading, its sentence and the first rows share a page.
		t.plan(d.headingH(title, 0)+d.textH(intro, sizeBody, 0)+3, rows)
		d.anchor("repos")
		d.heading(title, 0)
		d.text(d.left, d.right, intro, sizeBody, false, grey)
		d.y += 3
		t.header()
		for _, r := range rows {
			t.row(r)
		}
	}
	if len(exc) > 0 {
		d.y += 6
		d.heading("Not assessed", 1)
		d.text(d.left, d.right, "These repositories were left out of the scores.", sizeBody, false, grey)
		d.y += 1.5
		for _, r := range exc {
			d.bullet("–", mute, r.Name+" — "+excludedWhy(r), r.Description)
		}
	}
}

func excludedWhy(r report.Repo) string {
	switch r.ExcludedReason {
	case "fork":
		return "a fork: the work is mostly someone else's"
	case "archived":
		return "archived"
	case "empty":
		return "empty"
	case "":
		return "excluded"
	}
	return r.ExcludedReason
}

// providerNames are the CI ids of the JSON contract as people write them.
var providerNames = map[string]string{
	"github-actions": "GitHub Actions", "gitlab-ci": "GitLab CI", "circleci": "CircleCI", "travis": "Travis CI",
	"jenkins": "Jenkins", "azure-pipelines": "Azure Pipelines", "bitbucket-pipelines": "Bitbucket Pipelines",
}

func (d *doc) repoCells(r report.Repo) []cell {
	s := r.Signals
	name := cell{s: orDefault(r.Name, r.FullName), note: r.Description, c: link, bold: true, link: webURL(r.HTMLURL)}
	lang := cell{s: orDefault(r.PrimaryLanguage, "—"), c: ink}
	tests := cell{s: "✘ none", c: redInk}
	switch {
	case s.Tests.Present:
		tests = cell{s: fmt.Sprintf("✔ %d %s", s.Tests.Files, plural(s.Tests.Files, "file", "files")), c: greenInk}
		if len(s.Tests.Frameworks) > 0 {
			tests.s += " · " + strings.Join(s.Tests.Frameworks, ", ")
		}
	case s.Tests.PlaceholderOnly:
		tests = cell{s: "◐ placeholders", c: amberInk}
	}
	ci := cell{s: "✘ none", c: redInk}
	if s.CI.Present {
		var names []string
		for _, p := range s.CI.Providers {
			names = append(names, orDefault(providerNames[p], p))
		}
		ci = cell{s: "✔ " + orDefault(strings.Join(names, ", "), "yes"), c: greenInk}
		if s.CI.RunsTests != nil && !*s.CI.RunsTests {
			ci = cell{s: "◐ no tests · " + orDefault(strings.Join(names, ", "), "CI"), c: amberInk}
		}
	}
	readme := cell{s: "✘ none", c: redInk}
	if s.Readme.Present {
		st := report.Missing
		switch {
		case s.Readme.Score >= 75:
			st = report.Strong
		case s.Readme.Score >= 40:
			st = report.Developing
		}
		readme = cell{s: fmt.Sprint(s.Readme.Score), c: statusShade(st).ink, bold: true}
	}
	lic := cell{s: "none", c: redInk}
	if s.License != nil && *s.License != "" {
		lic = cell{s: *s.License, c: ink}
	}
	push := cell{s: "—", c: mute}
	if r.PushedAt != nil && !r.PushedAt.IsZero() {
		push = cell{s: r.PushedAt.UTC().Format("2006-01-02"), c: ink}
	}
	return []cell{name, lang, tests, ci, readme, lic, push}
}

// conclusion is step 12 with the verdict, the plan and the highlights.
func (d *doc) conclusion() {
	r := d.r
	d.newPage()
	s := d.stepByID(jobReady)
	if s != nil {
		d.stepHead(s, fmt.Sprintf("Step %d · %s: the verdict", s.Number, s.Title))
	} else {
		d.heading("The verdict", 0)
	}
	sh := levelShade(r.Overall.Level)
	msg := verdicts[r.Overall.Level]
	if msg == "" {
		msg = "See the plan below for what to do next."
	}
	lines := d.wrap(d.clean(msg, false), sizeBody+0.5, d.right-d.left-12)
	h := 22 + float64(len(lines))*lineH(sizeBody+0.5)
	d.need(h)
	d.fill(sh.tint)
	d.f.RoundedRect(d.left, d.y, d.right-d.left, h, 3, "1234", "F")
	d.fill(sh.main)
	d.f.Rect(d.left, d.y+3, 1.8, h-6, "F")
	word := d.clean(capital(reports.Level(r.Overall.Level)), true)
	d.color(sh.ink)
	d.draw(d.left+6, d.y+11, word, 20)
	sc := d.clean(fmt.Sprintf("%d/100", clamp(r.Overall.Score)), true)
	d.color(ink)
	d.draw(d.right-6-d.width(sc, 20), d.y+11, sc, 20)
	y := d.y + 16
	for _, l := range lines {
		d.color(ink)
		d.draw(d.left+6, d.baseline(y, lineH(sizeBody+0.5), sizeBody+0.5), l, sizeBody+0.5)
		y += lineH(sizeBody + 0.5)
	}
	d.y += h + 4
	if s != nil {
		d.stepBody(s, false)
	}
	d.y += 6
	d.anchor("plan")
	d.heading("Your action plan", 1)
	acts := d.sortedActions()
	if len(acts) == 0 {
		d.text(d.left, d.right, "No actions: every check that applies passed.", sizeBody, false, grey)
	} else {
		d.text(d.left, d.right, "In order of value: the first items add the most points. Tick them off as you go.", sizeBody, false, grey)
		d.y += 2
	}
	for _, a := range acts {
		d.checkbox(a)
	}
	d.y += 6
	d.heading("Resume-ready highlights", 1)
	if len(r.Highlights) == 0 {
		d.text(d.left, d.right, "None yet: the evidence does not support a resume line so far. The plan above will change that.", sizeBody, false, grey)
	} else {
		d.text(d.left, d.right, "Sentences drawn from the evidence, ready for a CV or a profile.", sizeBody, false, grey)
		d.y += 2
	}
	for i, h := range r.Highlights {
		sub := ""
		if i < len(r.HighlightRefs) && r.HighlightRefs[i].Repo != "" {
			sub = "Evidence: " + r.HighlightRefs[i].Repo
		}
		d.bullet("★", accent, h, sub)
	}
}

var verdicts = map[string]string{
	report.Ready:        "The portfolio shows what backend reviewers look for. Apply now, and keep the plan below going while you do.",
	report.NearlyThere:  "A few focused changes would make this portfolio ready to show employers and clients. Work through the plan below, top first.",
	report.KeepBuilding: "The foundations are being laid. Keep building: the plan below lists, in order, the changes that add the most.",
}

// checkbox is one action of the plan as an empty tick box.
func (d *doc) checkbox(a report.Action) {
	size := float64(sizeBody)
	lh := lineH(size)
	indent := d.left + 8
	lines := d.wrap(d.clean(a.Text, false), size, d.right-indent)
	meta := d.wrap(d.clean(d.actionMeta(a, true), false), sizeSmall, d.right-indent)
	// The metadata line goes with its action, never alone on a page.
	d.keep(lh*float64(len(lines)) + lineH(sizeSmall)*float64(len(meta)))
	d.stroke(grey, 0.35)
	d.f.Rect(d.left+0.5, d.y+0.8, 4, 4, "D")
	for _, l := range lines {
		d.need(lh)
		d.color(ink)
		d.draw(indent, d.baseline(d.y, lh, size), l, size)
		d.y += lh
	}
	for _, l := range meta {
		d.color(mute)
		d.draw(indent, d.baseline(d.y, lineH(sizeSmall), sizeSmall), l, sizeSmall)
		d.y += lineH(sizeSmall)
	}
	d.y += 2.2
}

func (d *doc) appendix() {
	r := d.r
	d.newPage()
	d.anchor("appendix")
	d.heading("Appendix: how this report was made", 0)
	d.heading("How the scores are computed", 1)
	if r.Scoring.Method != "" {
		d.text(d.left, d.right, r.Scoring.Method, sizeBody, false, ink)
	} else {
		d.text(d.left, d.right, "The report does not say how its scores were computed.", sizeBody, false, grey)
	}
	if len(r.Scoring.Thresholds) > 0 {
		keys := make([]string, 0, len(r.Scoring.Thresholds))
		for k := range r.Scoring.Thresholds {
			keys = append(keys, k)
		}
		th := r.Scoring.Thresholds
		slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(th[a], th[b]), cmp.Compare(a, b)) })
		var parts []string
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%s from %d", k, r.Scoring.Thresholds[k]))
		}
		d.y += 2
		d.text(d.left, d.right, "Thresholds: "+strings.Join(parts, " · ")+".", sizeBody, true, ink)
	}
	d.y += 4
	w := d.right - d.left
	t := &grid{d: d, size: sizeSmall, maxLines: 2, cols: []column{
		{"#", w * 0.06}, {"Step", w * 0.46}, {"Weight", w * 0.12}, {"Checked", w * 0.12}, {"Score", w * 0.24},
	}}
	var rows [][]cell
	for i := range r.Steps {
		s := &r.Steps[i]
		rows = append(rows, []cell{
			{s: fmt.Sprint(s.Number), c: ink},
			{s: s.Title, c: ink},
			{s: strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", s.Weight), "0"), "."), c: ink},
			{s: fmt.Sprintf("%d%%", int(math.Round(s.Coverage*100))), c: ink},
			{s: fmt.Sprintf("%d · %s", clamp(s.Score), stepMark(s)), c: stepShade(s).ink, bold: true},
		})
	}
	if len(rows) > 0 {
		t.plan(0, rows)
		t.header()
		for _, row := range rows {
			t.row(row)
		}
	}

	d.y += 8
	const rulesTitle, rulesIntro = "Rules applied and their outcomes", "Every rule outcome, step by step. A pass can carry partial credit (shown in %)."
	ft := &grid{d: d, size: sizeTiny + 0.5, maxLines: 4, cols: []column{
		{"Rule", w * 0.25}, {"Repository", w * 0.19}, {"Outcome", w * 0.14}, {"Message", w * 0.42},
	}}
	rows = nil
	for _, s := range r.Steps {
		for _, f := range s.Findings {
			rows = append(rows, []cell{
				{s: f.Rule, c: ink},
				{s: orDefault(f.Repo, "portfolio"), c: ink},
				outcomeCell(f),
				{s: orDefault(f.Message, f.Title), c: grey},
			})
		}
	}
	wrote := len(rows) > 0
	if wrote {
		ft.plan(d.headingH(rulesTitle, 1)+d.textH(rulesIntro, sizeBody, 0)+2, rows)
	}
	d.heading(rulesTitle, 1)
	d.text(d.left, d.right, rulesIntro, sizeBody, false, grey)
	d.y += 2
	if wrote {
		ft.header()
		for _, row := range rows {
			ft.row(row)
		}
	}
	if !wrote {
		d.text(d.left, d.right, "No rule outcomes are in this report.", sizeBody, false, grey)
	}

	d.y += 8
	d.anchor("unknown")
	d.heading("What was unknown and why", 1)
	if r.Subject.Kind == "local" || (r.Profile != nil && !r.Profile.Known) {
		d.text(d.left, d.right, "The profile was not read (a local audit has no host profile), so the profile checks of networking and job-readiness are unknown and left out of the scores.", sizeBody, false, ink)
		d.y += 2
	}
	if len(r.Scoring.Unknown) == 0 {
		d.text(d.left, d.right, "Every check that applies could be made.", sizeBody, false, grey)
	}
	for i, u := range r.Scoring.Unknown {
		if i == 60 {
			d.text(d.left+6, d.right, fmt.Sprintf("…and %d more (see the JSON report).", len(r.Scoring.Unknown)-60), sizeSmall, false, mute)
			break
		}
		where := u.Rule
		if u.Repo != "" {
			where += " · " + u.Repo
		}
		d.bullet("?", amberInk, orDefault(u.Message, u.Title), where)
	}

	d.y += 8
	d.heading("Warnings", 1)
	if len(r.Warnings) == 0 {
		d.text(d.left, d.right, "None.", sizeBody, false, grey)
	}
	for _, w := range r.Warnings {
		d.bullet("!", amberInk, w, "")
	}
	// What the PDF itself had to do with the text so far (placeholders);
	// Render returns the same list to the caller.
	if tw := d.textWarnings(); len(tw) > 0 {
		d.y += 4
		d.label("ABOUT THIS PDF", d.bulletH(tw[0], ""))
		for _, w := range tw {
			d.bullet("!", amberInk, w, "")
		}
	}
}

func outcomeCell(f report.Finding) cell {
	switch f.Outcome {
	case report.Pass:
		s := "✔ pass"
		if f.Credit > 0 && f.Credit < 0.995 {
			s += fmt.Sprintf(" %d%%", int(math.Round(f.Credit*100)))
		}
		return cell{s: s, c: greenInk, bold: true}
	case report.Fail:
		return cell{s: "✘ fail", c: redInk, bold: true}
	case report.NotApplicable:
		return cell{s: "– n/a", c: mute}
	case report.Unknown:
		return cell{s: "? unknown", c: amberInk}
	}
	return cell{s: f.Outcome, c: grey}
}
