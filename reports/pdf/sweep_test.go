package pdf_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/reports/pdf"
)

// metaLine is an action's metadata line in a step section, such as
// "notes-fastapi · +0.6 points · effort medium".
// pushed ends the first line of a repository row: the last push date.
var pushed = regexp.MustCompile(`\d{4}-\d\d-\d\d$`)

var metaLine = regexp.MustCompile(`(^|· )\+[\d.]+ points( · effort \w+)?$|^effort \w+$`)

// Moving the end of the steps down a line at a time puts every page break
// of the last step section and of the repositories table somewhere new;
// no break may separate an action from its metadata line, or leave a few
// repository rows on a page of their own.
func TestPageBreaks(t *testing.T) {
	base := get(t, "middling")
	var names []string
	for _, r := range base.Repos {
		if r.Included {
			names = append(names, r.Name)
		}
	}
	if len(names) < 4 {
		t.Fatalf("sample has %d included repositories", len(names))
	}
	sentence := "Recruiters and other developers find you through the people you work with and the projects you contribute to. "
	splitTable := 0
	for extra := 0; extra < 56; extra++ {
		r := get(t, "middling")
		// Descriptions make the rows two and three lines tall, as most
		// real repositories have one.
		for i := range r.Repos {
			if r.Repos[i].Description == "" {
				r.Repos[i].Description = "Coursework and small projects from the Python track, kept as a record of what I learned along the way"
			}
		}
		// Only the last steps before the repositories matter; fewer pages
		// keep the test fast.
		var steps []report.Step
		for _, s := range r.Steps {
			switch s.ID {
			case "networking":
				s.Why += strings.Repeat(sentence, extra)
				steps = append(steps, s)
			case "build-projects", "job-ready":
				steps = append(steps, s)
			}
		}
		if len(steps) != 3 {
			t.Fatalf("sample lacks steps: %d", len(steps))
		}
		r.Steps = steps
		b, _ := render(t, r, pdf.Options{})
		pages := text(t, b)
		// pages[i] lines: the header first, then the body.
		rowsOn := map[int]int{}
		heading := -1
		for i, p := range pages {
			lines := strings.Split(p, "\n")
			if len(lines) > 1 && metaLine.MatchString(lines[1]) {
				t.Errorf("extra %d: page %d starts with an action's metadata line %q", extra, i+1, lines[1])
			}
			for _, l := range lines {
				if l == "Repositories" {
					heading = i
				}
				for _, n := range names {
					if strings.HasPrefix(l, n+" ") && pushed.MatchString(l) {
						rowsOn[i]++
						break
					}
				}
			}
		}
		total := 0
		for _, n := range rowsOn {
			total += n
		}
		if total != len(names) {
			t.Fatalf("extra %d: found %d table rows, want %d: %v", extra, total, len(names), rowsOn)
		}
		if len(rowsOn) > 1 {
			splitTable++
		}
		if rowsOn[heading] < min(3, len(names)) {
			t.Errorf("extra %d: %d rows under the Repositories heading on page %d (%v)", extra, rowsOn[heading], heading+1, rowsOn)
		}
		for p, n := range rowsOn {
			if n < 3 {
				t.Errorf("extra %d: page %d holds %d repository rows: %s", extra, p+1, n, fmt.Sprint(rowsOn))
			}
		}
	}
	if splitTable != 0 {
		t.Errorf("a table of %d rows was split %d times", len(names), splitTable)
	}
}
