package reports_test

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/internal/schematest"
	"github.com/pathway-dev/pathway/reports"
)

var stepTitles = []struct{ id, title string }{
	{"languages", "Learn programming languages"}, {"databases", "Understand databases"},
	{"frameworks", "Master frameworks"}, {"apis", "Learn about APIs"},
	{"version-control", "Version control"}, {"security", "Security and authentication"},
	{"testing", "Testing and debugging"}, {"ci-cd", "CI/CD"}, {"keep-learning", "Keep learning"},
	{"build-projects", "Build projects"}, {"networking", "Networking"}, {"job-ready", "Get a job or freelance"},
}

func sample() *report.Report {
	asOf := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	r := &report.Report{
		Schema: report.Schema, Tool: report.Tool{Name: "pathway", Version: "0.1.0"},
		GeneratedAt: asOf, AsOf: asOf, Role: "backend-java",
		Subject:    report.Subject{Kind: "github-user", Login: "mara-dev", Name: "Mara | Dev <script>", HTMLURL: "https://github.com/mara-dev"},
		Overall:    report.Overall{Score: 71, Level: report.NearlyThere, Coverage: 0.934},
		Position:   report.Position{Done: []string{"languages"}, Next: "testing"},
		Actions:    []report.Action{{Priority: 1, Step: "testing", Repo: "todo-api", Text: "Add JUnit tests for TodoController in todo-api", Impact: 8.4}},
		Highlights: []string{"Built a REST API in Spring Boot with JWT auth and 24 JUnit tests run by GitHub Actions"},
		Warnings:   []string{"repo big: tree truncated by GitHub"},
		Repos:      []report.Repo{},
	}
	for i, s := range stepTitles {
		st := report.Step{Number: i + 1, ID: s.id, Title: s.title, Score: 20 + 6*i, Status: report.Developing, Counted: true,
			Evidence: []report.Evidence{}, Findings: []report.Finding{}, Actions: []report.Action{}}
		if i == 0 {
			st.Status = report.Strong
		}
		r.Steps = append(r.Steps, st)
	}
	return r
}

func TestJSONValidatesAndIsStable(t *testing.T) {
	r := sample()
	a, err := reports.JSON(r)
	if err != nil {
		t.Fatal(err)
	}
	if err := schematest.Validate(a); err != nil {
		t.Fatalf("schema: %v", err)
	}
	b, _ := reports.JSON(r)
	if string(a) != string(b) {
		t.Fatal("same report, different bytes")
	}
	if !strings.Contains(string(a), `"name": "Mara | Dev <script>"`) {
		t.Fatal("JSON should keep text as is (no HTML escaping)")
	}
}

func TestMarkdownSummary(t *testing.T) {
	r := sample()
	r.Compare = &report.Compare{Previous: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Overall: 12, Steps: map[string]int{"testing": 20}}
	md := string(reports.Markdown(r))
	for _, want := range []string{
		"71/100, nearly there",
		"| 7 | Testing and debugging | 56 | 🟡 developing | +20 |",
		"| 1 | Learn programming languages | 20 | ✅ strong |",
		"+12 overall since 2026-09-01",
		"1. Add JUnit tests for TodoController in todo-api (`todo-api`) — +8.4 points",
		"**Work on next:** step 7, Testing and debugging",
		"Mara \\| Dev &lt;script&gt;",
		"Warnings (1)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	r.Steps[1].Counted, r.Steps[1].Findings = false, []report.Finding{{Rule: "databases/db-used", Outcome: report.NotApplicable}}
	r.Steps[10].Counted, r.Steps[10].Findings = false, []report.Finding{{Rule: "networking/followers", Outcome: report.Unknown}}
	md2 := string(reports.Markdown(r))
	for _, want := range []string{"| 2 | Understand databases | – | ⚪ not applicable |", "| 11 | Networking | – | ⚪ not checked |"} {
		if !strings.Contains(md2, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	r.Overall = report.Overall{Score: 100, Level: report.NearlyThere, Coverage: 0.25}
	r.Compare.Overall = 0
	md3 := string(reports.Markdown(r))
	if !strings.Contains(md3, "only 25% of the checks could be made") || !strings.Contains(md3, "±0 overall since") {
		t.Errorf("a ready-range score on few checks must say why it is not ready:\n%s", md3)
	}
	if strings.Contains(md, "<script>") {
		t.Error("user text injected raw HTML")
	}
	if got := strings.Count(md, "\n| "); got != 13 { // header + 12 steps
		t.Errorf("table rows = %d, want 13", got)
	}
}

func TestBadge(t *testing.T) {
	for level, color := range map[string]string{report.Ready: "#4c1", report.NearlyThere: "#dfb317", report.KeepBuilding: "#e05d44"} {
		r := sample()
		r.Overall.Level = level
		r.Overall.Score = 78
		svg := reports.Badge(r)
		if err := xml.Unmarshal(svg, new(struct{})); err != nil {
			t.Fatalf("%s: badge is not XML: %v", level, err)
		}
		s := string(svg)
		if !strings.Contains(s, ">78% ready</text>") || !strings.Contains(s, ">pathway</text>") || !strings.Contains(s, color) {
			t.Errorf("%s: badge lacks text or colour %s:\n%s", level, color, s)
		}
	}
	narrow, wide := sample(), sample()
	narrow.Overall.Score, wide.Overall.Score = 8, 100
	if len(reports.Badge(narrow)) == 0 || widthOf(reports.Badge(wide)) <= widthOf(reports.Badge(narrow)) {
		t.Error("wider text must get a wider badge")
	}
}

func widthOf(svg []byte) int {
	var v struct {
		Width int `xml:"width,attr"`
	}
	_ = xml.Unmarshal(svg, &v)
	return v.Width
}
