package audit

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/pathway-dev/pathway/internal/cmdutil"
	"github.com/pathway-dev/pathway/internal/report"
)

// stepIDs are the pathway's step ids, for validating --fail-under step=N.
var stepIDs = []string{"languages", "databases", "frameworks", "apis", "version-control", "security",
	"testing", "ci-cd", "keep-learning", "build-projects", "networking", "job-ready"}

// thresholds maps "" (overall) or a step id to the minimum score.
type thresholds map[string]int

func parseThresholds(args []string) (thresholds, error) {
	t := thresholds{}
	for _, arg := range args {
		for _, part := range strings.Split(arg, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			key, val := "", part
			if k, v, ok := strings.Cut(part, "="); ok {
				key, val = strings.TrimSpace(k), strings.TrimSpace(v)
				if !validStep(key) {
					return nil, cmdutil.InputErrorf("--fail-under %s: unknown step %q; steps are %s", part, key, strings.Join(stepIDs, ", "))
				}
			}
			n, err := strconv.Atoi(val)
			if err != nil || n < 0 || n > 100 {
				return nil, cmdutil.InputErrorf("--fail-under %s: want a score from 0 to 100, or step=N", part)
			}
			t[key] = n
		}
	}
	return t, nil
}

func validStep(id string) bool {
	for _, s := range stepIDs {
		if s == id {
			return true
		}
	}
	return false
}

// skipped lists step thresholds that cannot be judged: the step is left out
// of the score (not applicable to a project, or not checked).
func (t thresholds) skipped(r *report.Report) []string {
	var out []string
	for _, s := range r.Steps {
		if _, ok := t[s.ID]; ok && !s.Counted {
			out = append(out, fmt.Sprintf("--fail-under %s=%d ignored: that step is not part of this report's score (not applicable or not checked)", s.ID, t[s.ID]))
		}
	}
	return out
}

// below lists, in a stable order, every threshold the report misses.
func (t thresholds) below(r *report.Report) []string {
	var out []string
	if n, ok := t[""]; ok && r.Overall.Score < n {
		out = append(out, fmt.Sprintf("overall score %d is below %d", r.Overall.Score, n))
	}
	keys := make([]string, 0, len(t))
	for k := range t {
		if k != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, s := range r.Steps {
			if s.ID == k && s.Counted && s.Score < t[k] {
				out = append(out, fmt.Sprintf("step %s score %d is below %d", k, s.Score, t[k]))
			}
		}
	}
	return out
}

// annotate prints GitHub Actions workflow commands for the failed repository
// rules of repo, so they show on the run and, with a path, on the file.
func annotate(w io.Writer, r *report.Report, repo string) {
	for _, s := range r.Steps {
		// The advice says what to do; the finding only what is missing.
		advice := map[string]string{}
		for _, a := range s.Actions {
			if a.Repo == repo && a.Rule != "" {
				advice[a.Rule] = a.Text
			}
		}
		for _, f := range s.Findings {
			if f.Outcome != report.Fail || f.Repo == "" || f.Repo != repo {
				continue
			}
			props := "title=" + escapeProp("pathway "+f.Rule)
			if f.Path != "" {
				props = "file=" + escapeProp(f.Path) + "," + props
			}
			msg := f.Message
			if a := advice[f.Rule]; a != "" {
				msg += " — " + a
			}
			fmt.Fprintf(w, "::warning %s::%s\n", props, escapeData(msg))
		}
	}
}

// Workflow command escaping, as the Actions runner expects it.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
