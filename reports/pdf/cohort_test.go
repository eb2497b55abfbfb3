package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/cohort"
	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/reports"
	"github.com/pathway-dev/pathway/reports/pdf"
	"github.com/pathway-dev/pathway/reports/pdf/internal/sample"
	"github.com/pathway-dev/pathway/rules"
)

func renderCohort(t testing.TB, s cohort.Summary, opts pdf.Options) ([]byte, []string) {
	t.Helper()
	b, warnings, err := pdf.RenderCohort(s, opts)
	if err != nil {
		t.Fatalf("RenderCohort: %v", err)
	}
	validate(t, b)
	return b, warnings
}

func audited(s cohort.Summary) (ok, failed []cohort.Row) {
	for _, r := range s.Rows {
		if r.Error == "" && r.Score != nil {
			ok = append(ok, r)
		} else {
			failed = append(failed, r)
		}
	}
	return ok, failed
}

func signedInt(n int) string {
	if n > 0 {
		return fmt.Sprintf("+%d", n)
	}
	return fmt.Sprint(n)
}

func levelWords(level string) string {
	w := reports.Level(level)
	return strings.ToUpper(w[:1]) + w[1:]
}

func TestCohortCover(t *testing.T) {
	s := sample.Cohort(30)
	b, warnings := renderCohort(t, s, pdf.Options{})
	if len(warnings) != 0 {
		t.Errorf("warnings for Latin, Greek and Cyrillic names: %q", warnings)
	}
	pages := text(t, b)
	cover := squash(pages[0])
	ok, failed := audited(s)
	if len(failed) == 0 || s.Failed != len(failed) {
		t.Fatalf("sample cohort: %d failed rows, Failed = %d", len(failed), s.Failed)
	}
	// The figures are tiles: numbers on one line, their labels below.
	for _, want := range []string{"Cohort readiness", s.Coach, "As of 23 November 2026",
		fmt.Sprintf("%d %d %d", s.Candidates, len(ok), len(failed)),
		"candidates audited could not be audited"} {
		if !strings.Contains(cover, want) {
			t.Errorf("cover lacks %q:\n%s", want, cover)
		}
	}
	// The three most common gaps, in order, counted against the audited.
	last := -1
	for _, g := range s.Gaps[:3] {
		info, _ := rules.Step(g.Step)
		want := fmt.Sprintf("Step %d · %s: %d of %d candidates not yet strong", info.Number, g.Title, g.Count, len(ok))
		i := strings.Index(cover, want)
		if i < 0 || i < last {
			t.Errorf("cover lacks gap %q in order:\n%s", want, cover)
		}
		last = i
	}
	// The level bar counts every audited candidate once.
	n := map[string]int{}
	for _, r := range ok {
		n[r.Level]++
	}
	for _, l := range []string{report.Ready, report.NearlyThere, report.KeepBuilding} {
		if want := fmt.Sprintf("%s: %d", levelWords(l), n[l]); !strings.Contains(cover, want) {
			t.Errorf("cover lacks %q", want)
		}
	}
	// Progress against the previous run, from the rows' deltas.
	up, compared := 0, 0
	for _, r := range ok {
		if r.Delta != nil {
			compared++
			if *r.Delta > 0 {
				up++
			}
		}
	}
	if want := fmt.Sprintf("%d candidates compared with the previous run: %d improved", compared, up); !strings.Contains(cover, want) {
		t.Errorf("cover lacks %q:\n%s", want, cover)
	}
	if !strings.Contains(pages[0], "Prepared by "+s.Coach) {
		t.Error("cover lacks the coach line")
	}
}

// The ranking shows each audited candidate once, best first, with role,
// score, change, level and the 12 step scores on the candidate's line.
func TestCohortRanking(t *testing.T) {
	s := sample.Cohort(30)
	b, _ := renderCohort(t, s, pdf.Options{})
	pages := text(t, b)
	ok, failed := audited(s)
	var lines []string
	for _, p := range pages {
		lines = append(lines, strings.Split(p, "\n")...)
	}
	for i, r := range ok {
		change := "—"
		if r.Delta != nil {
			change = signedInt(*r.Delta)
		}
		cells := []string{fmt.Sprint(i + 1)}
		if r.Name == "" {
			// The login alone takes the middle of the row.
			cells = append(cells, r.Login)
		}
		cells = append(cells, r.Role, fmt.Sprint(*r.Score), change, levelWords(r.Level))
		for _, id := range cohort.StepIDs {
			cells = append(cells, fmt.Sprint(r.Steps[id]))
		}
		want := strings.Join(cells, " ")
		found := 0
		for _, l := range lines {
			if squash(l) == want {
				found++
			}
		}
		if found != 1 {
			t.Errorf("rank %d (%s): line %q found %d times", i+1, r.Login, want, found)
		}
	}
	// Names and logins appear in rank order in the table.
	all := strings.Join(pages, "\n")
	start := strings.Index(all, "Ranking and the 12 steps")
	end := strings.Index(all, "Not audited")
	if start < 0 || end < start {
		t.Fatalf("ranking section not found (start %d, end %d)", start, end)
	}
	table := all[start:end]
	at := 0
	for _, r := range ok {
		name := r.Name
		if name == "" {
			name = r.Login
		}
		i := strings.Index(table[at:], name)
		if i < 0 {
			t.Errorf("ranking lacks %q after position %d", name, at)
			continue
		}
		at += i
		if r.Name != "" && !strings.Contains(table, "@"+r.Login) {
			t.Errorf("ranking lacks @%s", r.Login)
		}
	}
	// A failed candidate is not ranked.
	for _, r := range failed {
		if strings.Contains(table, r.Login) {
			t.Errorf("failed candidate %s is in the ranking", r.Login)
		}
	}
	// The heat map header names every step by number and id, and the key
	// gives the titles.
	for _, st := range rules.Steps {
		if !strings.Contains(table, st.ID) {
			t.Errorf("heat map header lacks %q", st.ID)
		}
		if !strings.Contains(squash(table), fmt.Sprintf("%d %s", st.Number, st.Title)) {
			t.Errorf("step key lacks %d %s", st.Number, st.Title)
		}
	}
	for _, band := range []string{"strong 75–100", "developing 40–74", "missing 0–39"} {
		if !strings.Contains(table, band) {
			t.Errorf("legend lacks %q", band)
		}
	}
}

func TestCohortFailedGapsNextSteps(t *testing.T) {
	s := sample.Cohort(30)
	b, _ := renderCohort(t, s, pdf.Options{})
	pages := text(t, b)
	all := squash(strings.Join(pages, "\n"))
	ok, failed := audited(s)

	fi := strings.Index(all, fmt.Sprintf("Not audited (%d)", len(failed)))
	if fi < 0 {
		t.Fatal("no list of failed candidates")
	}
	for _, r := range failed {
		who := r.Login
		if r.Name != "" {
			who = r.Name + " (@" + r.Login + ")"
		}
		if !strings.Contains(all[fi:], who+" "+squash(r.Error)) {
			t.Errorf("failed list lacks %q with its reason %q", who, r.Error)
		}
	}

	gi := strings.Index(all, "Common gaps across the cohort")
	ni := strings.Index(all, "Next steps, candidate by candidate")
	if gi < 0 || ni < gi {
		t.Fatalf("sections: gaps at %d, next steps at %d", gi, ni)
	}
	gaps := all[gi:ni]
	at := 0
	for _, g := range s.Gaps {
		info, _ := rules.Step(g.Step)
		want := fmt.Sprintf("Step %d · %s %d of %d (%d%%)", info.Number, g.Title, g.Count, len(ok), (200*g.Count/len(ok)+1)/2)
		i := strings.Index(gaps[at:], want)
		if i < 0 {
			t.Errorf("gaps lack %q (in order)", want)
			continue
		}
		at += i
	}

	var lines []string
	for _, p := range pages {
		lines = append(lines, strings.Split(p, "\n")...)
	}
	for i, r := range ok {
		row := nextStepsRow(lines, i+1, r)
		if row == "" {
			t.Errorf("next steps lack a line for %s with %q", r.Login, r.TopAction[:20])
			continue
		}
		next := "All steps strong"
		if r.Next != "" {
			info, _ := rules.Step(r.Next)
			next = fmt.Sprintf("Step %d · %s", info.Number, info.Title)
		}
		if !strings.Contains(row, next) {
			t.Errorf("next steps for %s: %q lacks %q", r.Login, row, next)
		}
		// Actions of up to about 220 characters are printed whole, on up
		// to three lines, not cut after one.
		if !strings.Contains(row, squash(r.TopAction)) {
			t.Errorf("top action of %s (%d characters) not printed whole: %q", r.Login, len(r.TopAction), row)
		}
	}
}

// nextStepsRow is the text of a row of the next-steps table: its first
// line and the lines its action wraps onto, up to the next row.
func nextStepsRow(lines []string, rank int, r cohort.Row) string {
	prefix := fmt.Sprintf("%d %s", rank, r.Name)
	if r.Name == "" {
		prefix = fmt.Sprintf("%d %s", rank, r.Login)
	}
	for j, l := range lines {
		if !strings.HasPrefix(l, prefix) || !strings.Contains(l, r.TopAction[:20]) {
			continue
		}
		row := l
		for _, more := range lines[j+1 : min(j+3, len(lines))] {
			if strings.HasPrefix(more, fmt.Sprintf("%d ", rank+1)) || strings.HasPrefix(more, "pathway cohort summary") {
				break
			}
			row += " " + more
		}
		return squash(row)
	}
	return ""
}

// An action too long for three lines is cut with an ellipsis, and the
// row stays inside its page.
func TestCohortLongTopAction(t *testing.T) {
	s := sample.Cohort(5)
	long := "Grow todo-app into a complete application with authentication, a database, tests, a deployment and documentation, " +
		strings.Repeat("then write about each decision in the README so that a reviewer sees why the design is what it is, ", 4) + "END"
	first := -1
	for i, r := range s.Rows {
		if r.Error == "" && r.Score != nil {
			s.Rows[i].TopAction = long
			first = i
			break
		}
	}
	b, _ := renderCohort(t, s, pdf.Options{})
	var lines []string
	for _, p := range text(t, b) {
		lines = append(lines, strings.Split(p, "\n")...)
	}
	ok, _ := audited(s)
	rank := 0
	for i, r := range ok {
		if r.Login == s.Rows[first].Login {
			rank = i + 1
		}
	}
	row := nextStepsRow(lines, rank, s.Rows[first])
	if row == "" || strings.Contains(row, "END") || !strings.HasSuffix(row, "…") {
		t.Errorf("a %d-character action is not cut with an ellipsis: %q", len(long), row)
	}
	if !strings.Contains(row, "tests, a deployment and documentation") {
		t.Errorf("the long action's second line is missing: %q", row)
	}
}

// A cohort larger than a page repeats the table's header on every page
// the table spans.
func TestCohortPagination(t *testing.T) {
	for _, n := range []int{30, 45} {
		s := sample.Cohort(n)
		b, _ := renderCohort(t, s, pdf.Options{})
		pages := text(t, b)
		ok, _ := audited(s)
		rowRe := regexp.MustCompile(`(?m)^\d+ (\S+ )?backend\S* \d+ `)
		var tablePages []int
		for i, p := range pages {
			if strings.Contains(p, "Work on next") {
				break // the next-steps table starts with a rank too
			}
			if rowRe.MatchString(p) {
				tablePages = append(tablePages, i)
			}
		}
		if len(tablePages) < 2 {
			t.Errorf("%d candidates: the table spans %d pages", n, len(tablePages))
		}
		for _, i := range tablePages {
			for _, h := range []string{"Candidate", "Change", "languages", "job-ready"} {
				if !strings.Contains(pages[i], h) {
					t.Errorf("%d candidates: page %d has ranking rows without the header %q", n, i+1, h)
				}
			}
		}
		rows := 0
		for _, i := range tablePages {
			rows += len(rowRe.FindAllString(pages[i], -1))
		}
		if rows != len(ok) {
			t.Errorf("%d candidates: %d ranking rows, want %d", n, rows, len(ok))
		}
		total := len(pages)
		for i, p := range pages[1:] {
			if want := fmt.Sprintf("Page %d of %d", i+2, total); !strings.Contains(p, want) {
				t.Errorf("page %d lacks %q", i+2, want)
			}
		}
	}
}

func TestCohortOutlineAndPaper(t *testing.T) {
	s := sample.Cohort(30)
	b, _ := renderCohort(t, s, pdf.Options{})
	for _, m := range []string{"Cover", "Ranking and the 12 steps", "Not audited (2)", "Common gaps across the cohort", "Next steps, candidate by candidate"} {
		if !bytes.Contains(b, utf16be(m)) {
			t.Errorf("no bookmark %q", m)
		}
	}
	for _, c := range []struct{ paper, box string }{
		{"", "/MediaBox [0 0 841.89 595.28]"}, {"letter", "/MediaBox [0 0 792.00 612.00]"},
	} {
		b, _ := renderCohort(t, s, pdf.Options{Paper: c.paper})
		if !bytes.Contains(b, []byte(c.box)) {
			t.Errorf("paper %q: no landscape %s", c.paper, c.box)
		}
	}
	if _, _, err := pdf.RenderCohort(s, pdf.Options{Paper: "a5"}); err == nil {
		t.Error("paper a5: no error")
	}
}

// Nothing runs off the page. The step ids of the heat map header are
// written upwards, so their horizontal extent is not their width.
func TestCohortNothingOffPage(t *testing.T) {
	ids := map[string]bool{}
	for _, id := range cohort.StepIDs {
		ids[id] = true
	}
	for _, paper := range []string{"a4", "letter"} {
		b, _ := renderCohort(t, sample.Cohort(32), pdf.Options{Paper: paper})
		wpt := map[string]float64{"a4": 841.89, "letter": 792}[paper]
		for i, runs := range pageRuns(t, b) {
			for _, r := range runs {
				if ids[r.s] {
					continue
				}
				if w := widthPt(r); r.x < 56 || r.x+w > wpt-56 {
					t.Errorf("%s page %d: %q at x=%.1f..%.1f pt, page %.0f pt wide", paper, i+1, r.s, r.x, r.x+w, wpt)
				}
			}
		}
	}
}

func TestCohortReproducible(t *testing.T) {
	a, _ := renderCohort(t, sample.Cohort(30), pdf.Options{})
	b, _ := renderCohort(t, sample.Cohort(30), pdf.Options{})
	if !bytes.Equal(a, b) {
		t.Error("same summary, different bytes")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20261123100000")) {
		t.Error("creation date is not the summary's GeneratedAt")
	}
	s := sample.Cohort(30)
	s.GeneratedAt = s.GeneratedAt.Add(time.Hour)
	c, _ := renderCohort(t, s, pdf.Options{})
	if bytes.Equal(a, c) {
		t.Error("a different generation time gave the same bytes")
	}
}

func TestCohortCoachAndLogo(t *testing.T) {
	s := sample.Cohort(3)
	s.Coach = ""
	dir := t.TempDir()
	logo := filepath.Join(dir, "logo.png")
	if err := os.WriteFile(logo, testPNG(), 0o644); err != nil {
		t.Fatal(err)
	}
	b, warnings := renderCohort(t, s, pdf.Options{Coach: "Ana Ruiz, Bootcamp Lisboa", Logo: logo})
	if len(warnings) != 0 {
		t.Errorf("warnings: %q", warnings)
	}
	if !strings.Contains(text(t, b)[0], "Prepared by Ana Ruiz, Bootcamp Lisboa") {
		t.Error("the --coach option is not on the cover")
	}
	if !bytes.Contains(b, []byte("/Subtype /Image")) {
		t.Error("logo not embedded")
	}
	// The coach the summary was written for wins over the option.
	s.Coach = "Jane Mwangi, CodeBridge Careers"
	b, _ = renderCohort(t, s, pdf.Options{Coach: "Someone Else"})
	cover := text(t, b)[0]
	if !strings.Contains(cover, "Jane Mwangi") || strings.Contains(cover, "Someone Else") {
		t.Errorf("cover coach:\n%s", cover)
	}
}

// Empty, all-failed and hostile summaries render without panicking, and
// their text goes through the sanitiser.
func TestCohortOdd(t *testing.T) {
	long := strings.Repeat("w", 400)
	hundred, over, minus := 100, 140, -7
	hostile := cohort.Summary{
		Candidates: 3, Failed: 1, Coach: "Coach 🦊\u202E\x07 " + long,
		Gaps: []cohort.Gap{{Step: "unknown-step", Title: long, Count: 9}, {Step: "testing", Count: -2}},
		Rows: []cohort.Row{
			{Login: "emoji-dev", Name: "Dev 👩🏽‍💻 Name\x00", Role: long, Score: &over, Level: "odd", Delta: &minus,
				Steps: map[string]int{"languages": 250, "testing": -30, "made-up": 50}, TopAction: long, Next: "made-up"},
			{Login: long, Score: &hundred, Steps: nil, TopAction: ""},
			{Login: "broken", Error: strings.Repeat("error \t\n", 200)},
		},
	}
	allFailed := cohort.Summary{Candidates: 1, Failed: 1, Rows: []cohort.Row{{Login: "ghost", Error: "not found"}}}
	for i, s := range []cohort.Summary{{}, allFailed, hostile} {
		b, warnings, err := pdf.RenderCohort(s, pdf.Options{})
		if err != nil {
			t.Errorf("summary %d: %v", i, err)
			continue
		}
		validate(t, b)
		all := strings.Join(text(t, b), "\n")
		if strings.ContainsAny(all, "\x00\x07\u202E\u200D") {
			t.Errorf("summary %d: control or format characters reached the PDF", i)
		}
		if i == 2 {
			if !hasWarning(warnings, "emoji") || !strings.Contains(all, "Dev □ Name") {
				t.Errorf("emoji not replaced with a placeholder and a warning: %q", warnings)
			}
			if !strings.Contains(all, "-7") || !strings.Contains(all, "Not audited (1)") {
				t.Error("hostile summary lacks the negative change or the failed candidate")
			}
		}
	}
}

// The single report shows progress when it was compared with an earlier
// one: overall on the cover, per step in the chart and the step headers.
func TestProgress(t *testing.T) {
	r := get(t, "big")
	b, _ := render(t, r, pdf.Options{})
	pages := text(t, b)
	since := r.Compare.Previous.Format("2 January 2006")
	if !strings.Contains(pages[0], "▲ "+signedInt(r.Compare.Overall)) ||
		!strings.Contains(pages[0], signedInt(r.Compare.Overall)+" points since the report of "+since) {
		t.Errorf("cover lacks the overall change:\n%s", pages[0])
	}
	for _, s := range r.Steps {
		delta, ok := r.Compare.Steps[s.ID]
		if !ok {
			continue
		}
		arrow := map[bool]string{true: "▲", false: "▼"}[delta > 0]
		if delta == 0 {
			arrow = "="
		}
		head := fmt.Sprintf("%s %s since %s", arrow, signedInt(delta), since)
		found := false
		for _, p := range pages {
			if strings.Contains(p, head) && strings.Contains(p, s.Title) {
				found = true
			}
		}
		if !found {
			t.Errorf("step %s: no header with %q", s.ID, head)
		}
	}
	// Only the compared steps say so in their headers.
	heads := regexp.MustCompile(`[▲▼=] [+-]?\d+ since \d+ \w+ \d{4}`)
	if n := len(heads.FindAllString(strings.Join(pages, "\n"), -1)); n != len(r.Compare.Steps) {
		t.Errorf("%d step headers show a change, want %d", n, len(r.Compare.Steps))
	}
	r.Compare = nil
	b, _ = render(t, r, pdf.Options{})
	if regexp.MustCompile(`since (the report of )?\d+ \w+ \d{4}`).MatchString(strings.Join(text(t, b), "\n")) {
		t.Error("a report without a comparison talks about changes")
	}
}

func BenchmarkRenderCohort30(b *testing.B) {
	s := sample.Cohort(30)
	for b.Loop() {
		if _, _, err := pdf.RenderCohort(s, pdf.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
