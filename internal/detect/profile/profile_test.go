package profile

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/detect/history"
	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

var asOf = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func ptr[T any](v T) *T { return &v }

// jane is a well-kept GitHub profile, as the users API returns it.
func jane() snapshot.Profile {
	return snapshot.Profile{
		Kind: "github-user", Type: "User", Login: "janedoe", Known: true,
		Name: "Jane Doe", Bio: "Backend developer (Go, Java). linkedin.com/in/jane-doe-dev · building APIs",
		Blog: "https://jane.dev", Location: "Berlin, Germany", Company: "", Email: "jane@jane.dev",
		TwitterUsername: "janedoe_dev", Hireable: ptr(true), Followers: 48, Following: 31, PublicRepos: 17,
		HTMLURL: "https://github.com/janedoe", CreatedAt: time.Date(2021, 11, 23, 8, 15, 0, 0, time.UTC),
		ExternalPRs: ptr(6), ExternalPRRepos: []string{"gin-gonic/gin", "spf13/cobra"},
	}
}

func TestCompleteProfile(t *testing.T) {
	p := jane()
	got := Detect(p, nil, nil, history.Identity{Login: "janedoe"}, asOf)
	if !got.Known || got.Login != "janedoe" || got.Type != "User" {
		t.Fatalf("known/login/type = %v/%q/%q", got.Known, got.Login, got.Type)
	}
	if want := []string{"linkedin", "twitter", "website"}; !slices.Equal(got.Social, want) {
		t.Errorf("social = %q, want %q", got.Social, want)
	}
	// Company is empty, but hireable stands in for it: every part is there.
	if got.Completeness != 1 {
		t.Errorf("completeness = %v, want 1", got.Completeness)
	}
	// 2021-11-23 08:15 to 2026-11-23 00:00 is five years with one leap day
	// (2024), less the last, incomplete day.
	if want := 5*365 + 1 - 1; got.AccountAgeDays != want {
		t.Errorf("account age = %d days, want %d", got.AccountAgeDays, want)
	}
	if got.Hireable == nil || !*got.Hireable || got.ExternalPRs == nil || *got.ExternalPRs != 6 {
		t.Errorf("hireable/external PRs = %v/%v", got.Hireable, got.ExternalPRs)
	}
	if !got.Email || got.Followers != 48 || got.Following != 31 || got.PublicRepos != 17 {
		t.Errorf("email/followers/following/repos = %v/%d/%d/%d", got.Email, got.Followers, got.Following, got.PublicRepos)
	}
	// The facts do not alias the snapshot.
	*p.ExternalPRs, *p.Hireable = 0, false
	p.ExternalPRRepos[0] = "changed"
	if *got.ExternalPRs != 6 || !*got.Hireable || got.ExternalPRRepos[0] != "gin-gonic/gin" {
		t.Errorf("facts share memory with the snapshot")
	}
}

func TestSparseProfile(t *testing.T) {
	p := snapshot.Profile{Kind: "github-user", Type: "User", Login: "newbie42", Known: true,
		Location: "  ", CreatedAt: asOf.AddDate(0, -2, 0)}
	got := Detect(p, nil, nil, history.Identity{Login: "newbie42"}, asOf)
	if got.Completeness != 0 || got.Social != nil || got.Hireable != nil || got.ExternalPRs != nil || got.Email {
		t.Errorf("empty profile: %+v", got)
	}
	if got.AccountAgeDays < 59 || got.AccountAgeDays > 62 {
		t.Errorf("account age = %d, want about two months", got.AccountAgeDays)
	}
	p.Name, p.Bio, p.Hireable = "Sam", "Learning Django", ptr(false)
	if got := Detect(p, nil, nil, history.Identity{}, asOf); got.Completeness != 0.33 {
		t.Errorf("completeness with name and bio (hireable false) = %v, want 0.33", got.Completeness)
	}
}

func TestLocalProfileUnknown(t *testing.T) {
	p := jane()
	p.Known, p.Kind = false, "local"
	snaps, repos, _ := portfolio()
	got := Detect(p, snaps, repos, history.Learn("janedoe", snaps), asOf)
	if got.Known || got.Name != "" || got.Completeness != 0 || got.Social != nil || got.Hireable != nil ||
		got.Followers != 0 || got.AccountAgeDays != 0 || got.ProfileReadme {
		t.Errorf("unknown profile judged: %+v", got)
	}
	if got.ActiveMonths12 == 0 || got.NewStackByYear == nil {
		t.Errorf("repository facts dropped in local mode: months=%d stack=%v", got.ActiveMonths12, got.NewStackByYear)
	}
}

func TestClassify(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.linkedin.com/in/jane-doe":    "linkedin",
		"linkedin.com/in/jane":                    "linkedin",
		"https://x.com/jane":                      "twitter",
		"https://jane.medium.com":                 "medium",
		"https://dev.to/jane":                     "dev-to",
		"https://www.youtube.com/@janecodes":      "youtube",
		"https://fosstodon.org/@jane":             "mastodon",
		"https://stackoverflow.com/users/12/jane": "stackoverflow",
		"janedoe.github.io":                       "website",
		"https://jane.dev/blog":                   "website",
		"https://github.com/janedoe":              "",
		"my blog":                                 "",
		"http://[::1":                             "",
	} {
		if got := classify(in); got != want {
			t.Errorf("classify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestProfileReadme(t *testing.T) {
	repo := func(name string, files ...string) *snapshot.Repo {
		r := &snapshot.Repo{Name: name, FullName: "janedoe/" + name, Owner: "janedoe"}
		for _, f := range files {
			r.Files = append(r.Files, snapshot.File{Path: f, Size: 900})
		}
		return r
	}
	p := jane()
	for _, tc := range []struct {
		repos []*snapshot.Repo
		want  bool
	}{
		{[]*snapshot.Repo{repo("api"), repo("JaneDoe", "README.md")}, true},
		{[]*snapshot.Repo{repo("janedoe", "readme.rst", "images/banner.png")}, true},
		{[]*snapshot.Repo{repo("janedoe", "docs/README.md", "index.html")}, false},
		{[]*snapshot.Repo{repo("janedoe-site", "README.md")}, false},
		{[]*snapshot.Repo{{Name: "janedoe", Owner: "someone-else", Files: []snapshot.File{{Path: "README.md"}}}}, false},
	} {
		if got := Detect(p, tc.repos, nil, history.Identity{}, asOf); got.ProfileReadme != tc.want {
			t.Errorf("repos %v: profile README = %v, want %v", names(tc.repos), got.ProfileReadme, tc.want)
		}
	}
}

// portfolio is a developer's repositories over five years: the snapshot side
// (with commits), the facts side (included, languages, frameworks), and the
// months of the last twelve with one of Jane's commits in an included repo.
func portfolio() ([]*snapshot.Repo, []*facts.Repo, map[string]bool) {
	months := map[string]bool{}
	commit := func(login, email string, t time.Time, msg string) snapshot.Commit {
		return snapshot.Commit{SHA: fmt.Sprintf("%040x", t.Unix()), Message: msg, AuthorLogin: login,
			AuthorName: "x", AuthorEmail: email, AuthorDate: t, Parents: 1}
	}
	mk := func(name string, created time.Time, fork bool, langs map[string]int64, fw []string, commits ...snapshot.Commit) (*snapshot.Repo, *facts.Repo) {
		s := &snapshot.Repo{Name: name, FullName: "janedoe/" + name, Owner: "janedoe", Fork: fork, CreatedAt: created,
			Commits: commits, CommitsTotal: len(commits), HistoryKnown: true, Files: []snapshot.File{{Path: "README.md"}}}
		f := &facts.Repo{Name: name, FullName: s.FullName, Fork: fork, Included: !fork, CreatedAt: created,
			Languages: langs, Stack: facts.Stack{Frameworks: fw}}
		if fork {
			f.ExcludedReason = "fork"
		}
		return s, f
	}
	own := func(t time.Time) snapshot.Commit {
		if !t.Before(time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)) && !t.After(asOf) {
			months[t.UTC().Format("2006-01")] = true
		}
		return commit("janedoe", "jane@jane.dev", t, "Add feature")
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 15, 0, 0, 0, time.UTC) }

	var snaps []*snapshot.Repo
	var repos []*facts.Repo
	add := func(s *snapshot.Repo, f *facts.Repo) { snaps, repos = append(snaps, s), append(repos, f) }
	add(mk("flask-blog", day(2022, 2, 1), false, map[string]int64{"Python": 90_000, "HTML": 8_000, "JavaScript": 2_000}, []string{"flask"},
		own(day(2022, 2, 1)), own(day(2022, 3, 9))))
	add(mk("express-shop", day(2023, 5, 4), false, map[string]int64{"JavaScript": 120_000, "CSS": 4_000}, []string{"express"},
		own(day(2023, 5, 4))))
	add(mk("django-forum", day(2023, 9, 10), false, map[string]int64{"Python": 60_000, "HTML": 30_000}, []string{"django"},
		own(day(2025, 12, 3)), own(day(2026, 1, 20)), commit("bobk", "bob@example.com", day(2026, 2, 2), "update")))
	add(mk("spring-api", day(2024, 6, 1), false, map[string]int64{"Java": 300_000, "Shell": 1_200}, []string{"spring-boot"},
		own(day(2026, 3, 3)), own(day(2026, 3, 28)), own(day(2026, 5, 30)), own(day(2026, 11, 22)),
		own(day(2025, 11, 30)), // just before the window
		commit("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", day(2026, 6, 1), "Bump spring-boot")))
	// A fork: excluded, so neither its languages nor its commits count.
	add(mk("rust-lang-book", day(2024, 1, 1), true, map[string]int64{"Rust": 500_000}, nil,
		commit("janedoe", "jane@jane.dev", day(2026, 7, 7), "Fix typo in chapter 3")))
	// A local checkout without a creation date: its first commit dates it.
	s, f := mk("gin-todo", time.Time{}, false, map[string]int64{"Go": 40_000, "Dockerfile": 300}, []string{"gin"},
		commit("", "jane@jane.dev", day(2026, 8, 14), "Add todo handlers"), commit("", "jane@jane.dev", day(2025, 4, 2), "Initial commit"))
	months["2026-08"] = true
	add(s, f)
	// A commit dated after asOf (a wrong clock) does not count.
	snaps[3].Commits = append(snaps[3].Commits, commit("janedoe", "jane@jane.dev", asOf.AddDate(0, 1, 0), "Add future"))
	return snaps, repos, months
}

func TestActiveMonths(t *testing.T) {
	snaps, repos, months := portfolio()
	id := history.Learn("janedoe", snaps)
	got := Detect(jane(), snaps, repos, id, asOf)
	if got.ActiveMonths12 != len(months) || len(months) < 5 {
		t.Errorf("active months = %d, want %d (%v)", got.ActiveMonths12, len(months), slices.Sorted(maps.Keys(months)))
	}
	// Without facts for the repositories, the default options decide: the
	// fork stays out.
	if got := Detect(jane(), snaps, nil, id, asOf); got.ActiveMonths12 != len(months) {
		t.Errorf("without facts: active months = %d, want %d", got.ActiveMonths12, len(months))
	}
	if got := Detect(jane(), snaps, repos, id, time.Time{}); got.ActiveMonths12 != 0 {
		t.Errorf("no asOf: active months = %d, want 0", got.ActiveMonths12)
	}
}

func TestNewStackByYear(t *testing.T) {
	snaps, repos, _ := portfolio()
	got := Detect(jane(), snaps, repos, history.Learn("janedoe", snaps), asOf).NewStackByYear
	want := map[string][]string{
		"2022": {"HTML", "Python", "flask"},         // JavaScript is 2 % and 2 kB: not learned there
		"2023": {"JavaScript", "django", "express"}, // CSS is under 5 % and 20 kB
		"2024": {"Java", "spring-boot"},             // the Rust fork is excluded
		"2025": {"Go", "gin"},                       // dated by its first commit
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("new stack by year = %v, want %v", got, want)
	}
}

func names(rs []*snapshot.Repo) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Name)
	}
	return out
}

func BenchmarkDetect(b *testing.B) {
	snaps, repos, _ := portfolio()
	for i := range 100 {
		s := *snaps[i%len(snaps)]
		s.Name, s.FullName = fmt.Sprint(s.Name, i), fmt.Sprint(s.FullName, i)
		for len(s.Commits) < 100 {
			s.Commits = append(s.Commits, s.Commits...)
		}
		f := *repos[i%len(repos)]
		f.Name, f.FullName = s.Name, s.FullName
		snaps, repos = append(snaps, &s), append(repos, &f)
	}
	id := history.Learn("janedoe", snaps)
	b.ResetTimer()
	for b.Loop() {
		Detect(jane(), snaps, repos, id, asOf)
	}
}

func FuzzSocial(f *testing.F) {
	for _, s := range []string{"https://jane.dev", "linkedin.com/in/x", "http://[::1", "://", "x.com/@a", "%zz", "https://fosstodon.org/@jane"} {
		f.Add(s, "Go dev · linkedin.com/in/jane · https://x.com/jane "+s)
	}
	f.Fuzz(func(t *testing.T, blog, bio string) {
		got := social(snapshot.Profile{Blog: blog, Bio: bio})
		for _, s := range got {
			if !slices.Contains(Socials, s) {
				t.Fatalf("social(%q, %q) gave unknown id %q", blog, bio, s)
			}
		}
	})
}
