// Package cohort handles many candidates at once: the users file a coach
// keeps, the cohort summary (CSV and JSON), and progress against an earlier
// run.
package cohort

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pathway-dev/pathway/internal/report"
)

// Candidate is one line of a users file.
type Candidate struct {
	Login string `json:"login"`
	Name  string `json:"name,omitempty"`
	Role  string `json:"role,omitempty"`
	Email string `json:"email,omitempty"`
	// Line is where the candidate was read, for error messages.
	Line int `json:"-"`
}

// ParseUsers reads a users file: one login per line with # comments, or a CSV
// whose header has a "login" column and optionally name, role and email.
func ParseUsers(name string, r io.Reader) ([]Candidate, error) {
	data, err := io.ReadAll(io.LimitReader(r, 16<<20))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // spreadsheet exports add a BOM
	first := firstLine(data)
	if strings.HasPrefix(strings.ToLower(first), "login;") {
		return nil, fmt.Errorf("%s:1: the CSV uses semicolons; save it with commas (login,name,role,email)", name)
	}
	if strings.Contains(first, ",") || strings.EqualFold(strings.TrimSpace(first), "login") {
		return parseCSV(name, data)
	}
	var out []Candidate
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "@"))
		if line == "" {
			continue
		}
		if strings.ContainsAny(line, " \t") {
			return nil, fmt.Errorf("%s:%d: %q: one login per line (use CSV with a header for names and roles)", name, n, line)
		}
		out = append(out, Candidate{Login: line, Line: n})
	}
	return dedupe(name, out)
}

func firstLine(data []byte) string {
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			return l
		}
	}
	return ""
}

func parseCSV(name string, data []byte) ([]Candidate, error) {
	// Coaches annotate these files, so # lines are comments here too.
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no candidates", name)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	li, ok := col["login"]
	if !ok {
		return nil, fmt.Errorf("%s:1: the CSV header needs a \"login\" column (optional: name, role, email)", name)
	}
	get := func(row []string, key string) string {
		if i, ok := col[key]; ok && i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	var out []Candidate
	for i, row := range rows[1:] {
		if li >= len(row) || strings.TrimSpace(row[li]) == "" {
			continue
		}
		out = append(out, Candidate{
			Login: strings.TrimPrefix(strings.TrimSpace(row[li]), "@"),
			Name:  get(row, "name"), Role: get(row, "role"), Email: get(row, "email"),
			Line: i + 2,
		})
	}
	return dedupe(name, out)
}

func dedupe(name string, in []Candidate) ([]Candidate, error) {
	seen := map[string]int{}
	var out []Candidate
	for _, c := range in {
		k := strings.ToLower(c.Login)
		if prev, ok := seen[k]; ok {
			return nil, fmt.Errorf("%s:%d: %s is already listed on line %d", name, c.Line, c.Login, prev)
		}
		seen[k] = c.Line
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no candidates", name)
	}
	return out, nil
}

// Row is one candidate in the cohort summary.
type Row struct {
	Login     string         `json:"login"`
	Name      string         `json:"name"`
	Role      string         `json:"role"`
	Score     *int           `json:"score"`
	Level     string         `json:"level"`
	Coverage  float64        `json:"coverage"`
	Steps     map[string]int `json:"steps"`
	TopAction string         `json:"top_action"`
	Next      string         `json:"next_step"`
	Delta     *int           `json:"delta,omitempty"`
	Report    string         `json:"report,omitempty"` // file name of the candidate's report
	Error     string         `json:"error,omitempty"`
}

// Summary is the cohort summary written as cohort.json.
type Summary struct {
	Schema      string    `json:"schema"`
	GeneratedAt time.Time `json:"generated_at"`
	AsOf        time.Time `json:"as_of"`
	Coach       string    `json:"coach,omitempty"`
	Candidates  int       `json:"candidates"`
	Failed      int       `json:"failed"`
	// Gaps are the steps most often below strong, most common first.
	Gaps []Gap `json:"gaps"`
	Rows []Row `json:"rows"`
}

// Gap is a step many candidates still miss.
type Gap struct {
	Step  string `json:"step"`
	Title string `json:"title"`
	Count int    `json:"count"` // candidates whose step is not strong
}

// SummarySchema names the cohort.json contract.
const SummarySchema = "pathway.cohort/v1"

// FromReport makes a summary row from a candidate's report.
func FromReport(r *report.Report, file string) Row {
	score := r.Overall.Score
	row := Row{
		Login: r.Subject.Login, Name: r.Subject.Name, Role: r.Role,
		Score: &score, Level: r.Overall.Level, Coverage: r.Overall.Coverage,
		Steps: map[string]int{}, Next: r.Position.Next, Report: file,
	}
	for _, s := range r.Steps {
		row.Steps[s.ID] = s.Score
	}
	if len(r.Actions) > 0 {
		row.TopAction = r.Actions[0].Text
	}
	if r.Compare != nil {
		d := r.Compare.Overall
		row.Delta = &d
	}
	return row
}

// Summarise ranks the rows (best first, failures last) and finds the gaps.
func Summarise(rows []Row, reps []*report.Report, generated, asOf time.Time, coach string) Summary {
	sorted := append([]Row(nil), rows...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if (a.Score == nil) != (b.Score == nil) {
			return a.Score != nil
		}
		if a.Score != nil && *a.Score != *b.Score {
			return *a.Score > *b.Score
		}
		return strings.ToLower(a.Login) < strings.ToLower(b.Login)
	})
	s := Summary{Schema: SummarySchema, GeneratedAt: generated, AsOf: asOf, Coach: coach, Candidates: len(rows), Rows: sorted, Gaps: []Gap{}}
	counts := map[string]*Gap{}
	var order []string
	for _, r := range reps {
		for _, st := range r.Steps {
			g, ok := counts[st.ID]
			if !ok {
				g = &Gap{Step: st.ID, Title: st.Title}
				counts[st.ID] = g
				order = append(order, st.ID)
			}
			if st.Status != report.Strong {
				g.Count++
			}
		}
	}
	for _, id := range order {
		if counts[id].Count > 0 {
			s.Gaps = append(s.Gaps, *counts[id])
		}
	}
	sort.SliceStable(s.Gaps, func(i, j int) bool { return s.Gaps[i].Count > s.Gaps[j].Count })
	for _, r := range rows {
		if r.Error != "" {
			s.Failed++
		}
	}
	return s
}

// StepIDs is the pathway order, for CSV columns.
var StepIDs = []string{"languages", "databases", "frameworks", "apis", "version-control", "security",
	"testing", "ci-cd", "keep-learning", "build-projects", "networking", "job-ready"}

// CSV renders the summary for spreadsheets: one row per candidate.
func CSV(s Summary) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	head := []string{"rank", "login", "name", "role", "score", "level", "coverage"}
	head = append(head, StepIDs...)
	head = append(head, "delta", "next_step", "top_action", "report", "error")
	_ = w.Write(head)
	for i, r := range s.Rows {
		rank, score := strconv.Itoa(i+1), ""
		if r.Score != nil {
			score = strconv.Itoa(*r.Score)
		} else {
			rank = ""
		}
		rec := []string{rank, r.Login, csvSafe(r.Name), r.Role, score, r.Level, ""}
		if r.Error == "" {
			rec[6] = strconv.FormatFloat(r.Coverage, 'f', 2, 64)
		}
		for _, id := range StepIDs {
			if v, ok := r.Steps[id]; ok {
				rec = append(rec, strconv.Itoa(v))
			} else {
				rec = append(rec, "")
			}
		}
		delta := ""
		if r.Delta != nil {
			delta = strconv.Itoa(*r.Delta)
		}
		rec = append(rec, delta, r.Next, csvSafe(r.TopAction), r.Report, csvSafe(r.Error))
		_ = w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// csvSafe defuses spreadsheet formulas in text that came from the network.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// JSON renders the summary as indented JSON.
func JSON(s Summary) ([]byte, error) {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// LoadPrevious reads an earlier report for --compare: a JSON report file, or a
// folder holding <login>-readiness.json (a previous cohort run).
func LoadPrevious(path, login string) (*report.Report, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("--compare %s: %w", path, err)
	}
	if fi.IsDir() {
		dir := path
		path = filepath.Join(dir, login+"-readiness.json")
		if _, err := os.Stat(path); err != nil {
			// A PDF-only run leaves no JSON per candidate, but its
			// cohort.json holds every score.
			return fromSummary(filepath.Join(dir, "cohort.json"), login)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--compare %s: %w", path, err)
	}
	var prev report.Report
	if err := json.Unmarshal(data, &prev); err != nil {
		return nil, fmt.Errorf("--compare %s: not a pathway JSON report: %w", path, err)
	}
	if prev.Schema != report.Schema {
		return nil, fmt.Errorf("--compare %s: schema %q, want %q (a JSON report from pathway audit --format json)", path, prev.Schema, report.Schema)
	}
	if !strings.EqualFold(prev.Subject.Login, login) {
		return nil, fmt.Errorf("--compare %s: that report is about %q, not %q", path, prev.Subject.Login, login)
	}
	return &prev, nil
}

// fromSummary rebuilds the scores of login from an earlier cohort.json; nil
// when there is none or login is not in it (a new candidate).
func fromSummary(path, login string) (*report.Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil
	}
	var s Summary
	if err := json.Unmarshal(data, &s); err != nil || s.Schema != SummarySchema {
		return nil, fmt.Errorf("--compare %s: not a pathway cohort summary", path)
	}
	for _, row := range s.Rows {
		if !strings.EqualFold(row.Login, login) || row.Score == nil {
			continue
		}
		prev := &report.Report{Schema: report.Schema, AsOf: s.AsOf, Role: row.Role,
			Subject: report.Subject{Login: row.Login}, Overall: report.Overall{Score: *row.Score, Level: row.Level}}
		for _, id := range StepIDs {
			if v, ok := row.Steps[id]; ok {
				prev.Steps = append(prev.Steps, report.Step{ID: id, Score: v})
			}
		}
		return prev, nil
	}
	return nil, nil
}

// Compare fills r.Compare with the deltas against prev.
func Compare(r, prev *report.Report) {
	if prev == nil {
		return
	}
	c := &report.Compare{Previous: prev.AsOf, Overall: r.Overall.Score - prev.Overall.Score, Steps: map[string]int{}}
	old := map[string]int{}
	for _, s := range prev.Steps {
		old[s.ID] = s.Score
	}
	for _, s := range r.Steps {
		if o, ok := old[s.ID]; ok {
			c.Steps[s.ID] = s.Score - o
		}
	}
	r.Compare = c
}
