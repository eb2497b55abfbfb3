package reports

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/pathway-dev/pathway/internal/report"
)

// levelWords are the verdicts as a reader says them.
var levelWords = map[string]string{
	report.Ready:        "ready to apply",
	report.NearlyThere:  "nearly there",
	report.KeepBuilding: "keep building",
}

// statusMarks pair each status with a symbol and a word, so status never
// depends on colour alone.
var statusMarks = map[string]string{
	report.Strong:     "✅ strong",
	report.Developing: "🟡 developing",
	report.Missing:    "❌ missing",
}

// Level returns the verdict in words ("nearly there").
func Level(level string) string {
	if w, ok := levelWords[level]; ok {
		return w
	}
	return level
}

// Markdown renders a summary that reads well in a pull-request comment and a
// GitHub Actions job summary: score, level, the 12 steps, the top actions.
func Markdown(r *report.Report) []byte {
	var b bytes.Buffer
	who := r.Subject.Login
	if r.Subject.Name != "" {
		who = r.Subject.Name + " (" + r.Subject.Login + ")"
	}
	fmt.Fprintf(&b, "## pathway readiness: %s — %d/100, %s\n\n", mdEscape(who), r.Overall.Score, Level(r.Overall.Level))
	fmt.Fprintf(&b, "Role **%s** · as of %s · %d%% of the checks could be made", r.Role, r.AsOf.Format("2006-01-02"), int(r.Overall.Coverage*100+0.5))
	if r.Compare != nil {
		fmt.Fprintf(&b, " · %s overall since %s", signed(r.Compare.Overall), r.Compare.Previous.Format("2006-01-02"))
	}
	b.WriteString("\n\n")
	if r.Overall.Score >= readyAt && r.Overall.Level != report.Ready {
		fmt.Fprintf(&b, "> The score is in the *ready* range, but only %d%% of the checks could be made; *ready* needs at least 60%%.\n\n", int(r.Overall.Coverage*100+0.5))
	}
	if r.Partial {
		b.WriteString("> **Partial report:** some data could not be fetched; see the warnings below.\n\n")
	}
	if r.Position.Next != "" {
		fmt.Fprintf(&b, "**Work on next:** %s\n\n", stepTitle(r, r.Position.Next))
	}
	b.WriteString("| # | Step | Score | Status |")
	if r.Compare != nil {
		b.WriteString(" Change |")
	}
	b.WriteString("\n|--:|------|------:|--------|")
	if r.Compare != nil {
		b.WriteString("-------:|")
	}
	b.WriteString("\n")
	for _, s := range r.Steps {
		score, mark := fmt.Sprint(s.Score), statusMark(s.Status)
		if !s.Counted && !anyKnown(s.Findings) {
			score, mark = "–", "⚪ not checked"
			if allNotApplicable(s.Findings) {
				mark = "⚪ not applicable"
			}
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s |", s.Number, mdEscape(s.Title), score, mark)
		if r.Compare != nil {
			if d, ok := r.Compare.Steps[s.ID]; ok {
				fmt.Fprintf(&b, " %s |", signed(d))
			} else {
				b.WriteString(" |")
			}
		}
		b.WriteString("\n")
	}
	if len(r.Actions) > 0 {
		b.WriteString("\n### What to do next\n\n")
		for i, a := range r.Actions {
			if i == 5 {
				break
			}
			where := ""
			if a.Repo != "" {
				where = " (`" + a.Repo + "`)"
			}
			fmt.Fprintf(&b, "%d. %s%s — %s\n", i+1, mdEscape(a.Text), where, points(a.Impact))
		}
	}
	if len(r.Highlights) > 0 {
		b.WriteString("\n### Resume-ready highlights\n\n")
		for _, h := range r.Highlights {
			fmt.Fprintf(&b, "- %s\n", mdEscape(h))
		}
	}
	if len(r.Warnings) > 0 {
		b.WriteString("\n<details><summary>Warnings (" + fmt.Sprint(len(r.Warnings)) + ")</summary>\n\n")
		for _, w := range r.Warnings {
			fmt.Fprintf(&b, "- %s\n", mdEscape(w))
		}
		b.WriteString("\n</details>\n")
	}
	fmt.Fprintf(&b, "\n<sub>pathway %s · schema %s</sub>\n", r.Tool.Version, r.Schema)
	return b.Bytes()
}

func anyKnown(fs []report.Finding) bool {
	for _, f := range fs {
		if f.Outcome == report.Pass || f.Outcome == report.Fail {
			return true
		}
	}
	return false
}

func allNotApplicable(fs []report.Finding) bool {
	for _, f := range fs {
		if f.Outcome != report.NotApplicable {
			return false
		}
	}
	return len(fs) > 0
}

func statusMark(s string) string {
	if m, ok := statusMarks[s]; ok {
		return m
	}
	return s
}

func stepTitle(r *report.Report, id string) string {
	for _, s := range r.Steps {
		if s.ID == id {
			return fmt.Sprintf("step %d, %s", s.Number, s.Title)
		}
	}
	return id
}

func signed(n int) string {
	switch {
	case n > 0:
		return fmt.Sprintf("+%d", n)
	case n == 0:
		return "±0"
	}
	return fmt.Sprint(n)
}

// readyAt is the overall score from which the level can be ready.
const readyAt = 75

// points says what an action is worth, as the PDF does (one decimal).
func points(impact float64) string {
	s := strconv.FormatFloat(impact, 'f', 1, 64)
	if s == "1.0" {
		return "+1 point"
	}
	return "+" + strings.TrimSuffix(s, ".0") + " points"
}

// mdEscape keeps user-controlled text (names, descriptions) from breaking
// the table or injecting markup into a pull-request comment.
var mdReplacer = strings.NewReplacer(
	"\\", "\\\\", "|", "\\|", "<", "&lt;", ">", "&gt;", "\n", " ", "\r", " ",
	"[", "\\[", "]", "\\]", "*", "\\*", "_", "\\_",
)

func mdEscape(s string) string { return mdReplacer.Replace(s) }
