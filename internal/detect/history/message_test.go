package history

import (
	"slices"
	"testing"
)

func TestJudge(t *testing.T) {
	for _, tc := range []struct {
		msg          string
		generic      bool
		conventional bool
		problems     []string
		min, max     float64
	}{
		{msg: "Add pagination to GET /orders", min: 1, max: 1},
		{msg: "feat(auth): issue JWT refresh tokens", conventional: true, min: 1, max: 1},
		{msg: "fix!: reject expired tokens", conventional: true, min: 1, max: 1},
		{msg: "Added pagination to orders", problems: []string{"not-imperative"}, min: 0.75, max: 0.75},
		{msg: "Adding pagination to orders", problems: []string{"not-imperative"}, min: 0.75, max: 0.75},
		{msg: "Adds pagination to orders", problems: []string{"not-imperative"}, min: 0.75, max: 0.75},
		{msg: "Fixes #42: crash on empty cart", problems: []string{"not-imperative"}, min: 0.75, max: 0.75},
		{msg: "Process refunds asynchronously", min: 1, max: 1},
		{msg: "Address review comments", min: 1, max: 1},
		{msg: "Access the DB through a pool", min: 1, max: 1},
		{msg: "Focus the search box on load", min: 1, max: 1},
		{msg: "Embed migrations in the binary", min: 1, max: 1},
		{msg: "Bless the new snapshot output", min: 1, max: 1},
		{msg: "[API-12] Return 409 on duplicate email", min: 1, max: 1},
		{msg: "Fix typo", problems: []string{"short"}, min: 0.6, max: 0.6},
		{msg: "Add a very long subject line that goes on and on about everything that was changed here", problems: []string{"long"}, min: 0.8, max: 0.8},
		{msg: "Validate sign-up input\n\nEmails were stored unvalidated, so the welcome mail bounced.\n\nCo-authored-by: Bob <bob@example.com>", min: 1, max: 1},
		{msg: "Updated the validation\n\nEmails were stored unvalidated, so the welcome mail bounced.", problems: []string{"not-imperative"}, min: 0.85, max: 0.85},
		{msg: "Fix bug\n\nSigned-off-by: Jane Doe <jane@example.org>", generic: true, problems: []string{"generic"}},
		{msg: "update", generic: true, problems: []string{"generic"}},
		{msg: "Update", generic: true, problems: []string{"generic"}},
		{msg: "fix", generic: true, problems: []string{"generic"}},
		{msg: "WIP", generic: true, problems: []string{"generic"}},
		{msg: "changes", generic: true, problems: []string{"generic"}},
		{msg: "commit", generic: true, problems: []string{"generic"}},
		{msg: "asdf", generic: true, problems: []string{"generic"}},
		{msg: ".", generic: true, problems: []string{"generic"}},
		{msg: "", generic: true, problems: []string{"generic"}},
		{msg: "minor fixes 2", generic: true, problems: []string{"generic"}},
		{msg: "Update README.md", generic: true, problems: []string{"generic"}},
		{msg: "Create main.go", generic: true, problems: []string{"generic"}},
		{msg: "Add files via upload", generic: true, problems: []string{"generic"}},
		{msg: "Rename app.js to server.js", generic: true, problems: []string{"generic"}},
		{msg: "chore: update", conventional: true, generic: true, problems: []string{"generic"}},
		{msg: "asdasd", generic: true, problems: []string{"nonsense"}},
		{msg: "sdfghjkl", generic: true, problems: []string{"nonsense"}},
		{msg: "aaaaaa", generic: true, problems: []string{"nonsense"}},
		{msg: "add html templates for the shop", min: 1, max: 1},
		// Filler adjectives around generic words stay generic.
		{msg: "Major update.", generic: true, problems: []string{"generic"}},
		{msg: "Big changes", generic: true, problems: []string{"generic"}},
		{msg: "quick fix", generic: true, problems: []string{"generic"}},
		{msg: "Final small tweaks", generic: true, problems: []string{"generic"}},
		{msg: "Some more minor fixes", generic: true, problems: []string{"generic"}},
		{msg: "Bump major version of gin", min: 1, max: 1},
		{msg: "Add a quick start guide", min: 1, max: 1},
		// A two-word status report is not a command.
		{msg: "Pagination complete.", problems: []string{"not-imperative"}, min: 0.75, max: 0.75},
		{msg: "Auth done", problems: []string{"short", "not-imperative"}, min: 0.35, max: 0.35},
		{msg: "Comments finished", problems: []string{"not-imperative"}, min: 0.75, max: 0.75},
		{msg: "Favorites fixed", problems: []string{"not-imperative"}, min: 0.75, max: 0.75},
		{msg: "feat: pagination complete", conventional: true, problems: []string{"not-imperative"}, min: 0.85, max: 0.85},
		{msg: "Complete pagination", min: 1, max: 1},
		{msg: "Finish the comments API", min: 1, max: 1},
		{msg: "Remove deprecated", min: 1, max: 1},
		{msg: "Update dependencies to fix CVE-2024-1234", min: 1, max: 1},
	} {
		m := Judge(tc.msg)
		if m.Generic != tc.generic || m.Conventional != tc.conventional || !slices.Equal(m.Problems, tc.problems) {
			t.Errorf("Judge(%q) = generic %v conventional %v problems %v; want %v %v %v",
				tc.msg, m.Generic, m.Conventional, m.Problems, tc.generic, tc.conventional, tc.problems)
		}
		if m.Score < tc.min-1e-9 || m.Score > tc.max+1e-9 {
			t.Errorf("Judge(%q).Score = %.2f, want %.2f..%.2f", tc.msg, m.Score, tc.min, tc.max)
		}
	}
}

func TestInitial(t *testing.T) {
	for _, msg := range []string{"Initial commit", "first commit", "init", "Initial import"} {
		if m := Judge(msg); !m.Initial || m.Generic || m.Score != initialScore {
			t.Errorf("Judge(%q) = %+v, want a fine initial commit", msg, m)
		}
	}
}

func TestImperative(t *testing.T) {
	yes := []string{"Add", "Fix", "Process", "Address", "Access", "Focus", "Release", "Bless", "Need", "Bring",
		"Embed", "Speed", "Discuss", "Bump", "Use", "Set", "Move", "v2", "#12", ""}
	no := []string{"Added", "Adding", "Adds", "Fixed", "Fixes", "Fixing", "Used", "Uses", "Using", "Updated",
		"Removes", "Refactored", "Displays", "Applies", "Processed", "Addressing", "Focused", "Released"}
	for _, w := range yes {
		if !Imperative(w) {
			t.Errorf("Imperative(%q) = false, want true", w)
		}
	}
	for _, w := range no {
		if Imperative(w) {
			t.Errorf("Imperative(%q) = true, want false", w)
		}
	}
}

func TestGenerated(t *testing.T) {
	for _, s := range []string{"Merge pull request #3 from jane/login", "Merge branch 'main' into dev", `Revert "Add cache"`} {
		if !Generated(s) {
			t.Errorf("Generated(%q) = false", s)
		}
	}
	if Generated("Merge user accounts on email") {
		t.Errorf("a human subject starting with Merge taken for a merge")
	}
}

func FuzzJudge(f *testing.F) {
	for _, s := range []string{"", ".", "update", "feat(api): add x", "Added\n\nbody body body body body",
		"asdasd", "Merge pull request #1", "ÄÖÜ äöü", "\xff\xfe", "fix(:", "[]()::", "a\n\n\n", "Processing"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		m := Judge(msg)
		if m.Score < 0 || m.Score > 1 {
			t.Fatalf("Judge(%q).Score = %v out of 0..1", msg, m.Score)
		}
		if m.Generic && m.Score != 0 {
			t.Fatalf("Judge(%q): generic with score %v", msg, m.Score)
		}
		Imperative(msg)
		Generated(msg)
	})
}
