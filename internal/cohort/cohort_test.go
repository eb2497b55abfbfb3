package cohort

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/report"
)

func TestParseUsersPlain(t *testing.T) {
	in := "# spring cohort 2026\nalice-dev\n@bob   # prefers @\n\n carol \n"
	got, err := ParseUsers("users.txt", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var logins []string
	for _, c := range got {
		logins = append(logins, c.Login)
	}
	if strings.Join(logins, ",") != "alice-dev,bob,carol" || got[2].Line != 5 {
		t.Fatalf("got %+v", got)
	}
}

func TestParseUsersCSV(t *testing.T) {
	in := "\ufefflogin,name,role,email\nalice-dev,\"Alice, A.\",backend-java,alice@example.com\n# dropped out\nbob,Bob,,\n"
	got, err := ParseUsers("users.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != "Alice, A." || got[0].Role != "backend-java" || got[1].Role != "" || got[1].Login != "bob" {
		t.Fatalf("got %+v", got)
	}
}

func TestParseUsersErrors(t *testing.T) {
	for name, in := range map[string]string{
		"empty":          "# nobody yet\n",
		"two per line":   "alice bob\n",
		"duplicate":      "alice\nbob\nAlice\n",
		"no login col":   "user,name\nalice,Alice\n",
		"bad csv quotes": "login,name\nalice,\"Alice\n",
		"semicolons":     "login;name;role\nalice;Alice;backend\n",
	} {
		if _, err := ParseUsers("u", strings.NewReader(in)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	_, err := ParseUsers("users.txt", strings.NewReader("alice\nbob\nAlice\n"))
	if err == nil || !strings.Contains(err.Error(), "users.txt:3") || !strings.Contains(err.Error(), "line 1") {
		t.Fatalf("duplicate error should name both lines: %v", err)
	}
}

func rep(login string, score int, statuses map[string]string) *report.Report {
	r := &report.Report{Schema: report.Schema, Role: "backend", Subject: report.Subject{Login: login},
		Overall: report.Overall{Score: score, Level: report.NearlyThere, Coverage: 0.9},
		AsOf:    time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)}
	for i, id := range StepIDs {
		st := report.Strong
		if s, ok := statuses[id]; ok {
			st = s
		}
		r.Steps = append(r.Steps, report.Step{Number: i + 1, ID: id, Title: id, Score: score, Status: st})
	}
	r.Actions = []report.Action{{Text: "=HYPERLINK(\"x\") add tests to " + login}}
	return r
}

func TestSummaryRanksAndFindsGaps(t *testing.T) {
	a := rep("alice", 80, map[string]string{"testing": report.Developing})
	b := rep("bob", 55, map[string]string{"testing": report.Missing, "ci-cd": report.Missing})
	rows := []Row{FromReport(b, "bob-readiness.pdf"), {Login: "ghost", Error: "GitHub user \"ghost\" not found"}, FromReport(a, "alice-readiness.pdf")}
	s := Summarise(rows, []*report.Report{a, b}, time.Unix(0, 0).UTC(), time.Unix(0, 0).UTC(), "Coach")
	if s.Rows[0].Login != "alice" || s.Rows[1].Login != "bob" || s.Rows[2].Login != "ghost" || s.Failed != 1 {
		t.Fatalf("ranking: %+v", s.Rows)
	}
	if len(s.Gaps) != 2 || s.Gaps[0].Step != "testing" || s.Gaps[0].Count != 2 || s.Gaps[1].Step != "ci-cd" {
		t.Fatalf("gaps: %+v", s.Gaps)
	}
	recs, err := csv.NewReader(bytes.NewReader(CSV(s))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 || len(recs[0]) != 7+12+5 {
		t.Fatalf("csv shape: %d rows, %d cols", len(recs), len(recs[0]))
	}
	if recs[1][1] != "alice" || recs[1][4] != "80" || recs[3][0] != "" || !strings.Contains(recs[3][len(recs[3])-1], "not found") {
		t.Fatalf("csv rows: %q", recs)
	}
	if !strings.HasPrefix(recs[1][len(recs[1])-3], "'=") {
		t.Fatalf("formula not defused: %q", recs[1][len(recs[1])-3])
	}
}

func TestCompare(t *testing.T) {
	dir := t.TempDir()
	prev := rep("alice", 60, nil)
	prev.Steps[6].Score = 30
	data, _ := jsonOf(prev)
	if err := os.WriteFile(filepath.Join(dir, "alice-readiness.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := LoadPrevious(dir, "alice")
	if err != nil || got == nil {
		t.Fatalf("load from folder: %v", err)
	}
	now := rep("alice", 72, nil)
	Compare(now, got)
	if now.Compare.Overall != 12 || now.Compare.Steps["testing"] != 42 || !now.Compare.Previous.Equal(prev.AsOf) {
		t.Fatalf("compare: %+v", now.Compare)
	}
	if p, err := LoadPrevious(dir, "newcomer"); p != nil || err != nil {
		t.Fatalf("a new candidate has nothing to compare: %v %v", p, err)
	}
	if _, err := LoadPrevious(filepath.Join(dir, "alice-readiness.json"), "bob"); err == nil {
		t.Fatal("comparing with another person's report must fail")
	}
	bad := filepath.Join(dir, "bad.json")
	_ = os.WriteFile(bad, []byte(`{"schema":"other"}`), 0o644)
	if _, err := LoadPrevious(bad, "alice"); err == nil {
		t.Fatal("non-pathway JSON accepted")
	}
}

func jsonOf(r *report.Report) ([]byte, error) { return json.Marshal(r) }

// A PDF-only cohort run leaves cohort.json, not per-candidate JSON: the
// comparison comes from the summary's scores.
func TestCompareFromCohortSummary(t *testing.T) {
	dir := t.TempDir()
	old := rep("alice", 50, nil)
	sum := Summarise([]Row{FromReport(old, "alice-readiness.pdf")}, []*report.Report{old}, old.AsOf, old.AsOf, "")
	data, err := JSON(sum)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cohort.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	prev, err := LoadPrevious(dir, "Alice")
	if err != nil || prev == nil || prev.Overall.Score != 50 || len(prev.Steps) != 12 {
		t.Fatalf("prev = %+v, %v", prev, err)
	}
	now := rep("alice", 61, nil)
	Compare(now, prev)
	if now.Compare.Overall != 11 || now.Compare.Steps["testing"] != 11 {
		t.Fatalf("compare = %+v", now.Compare)
	}
	if p, err := LoadPrevious(dir, "bob"); p != nil || err != nil {
		t.Fatalf("bob is new: %v %v", p, err)
	}
}
