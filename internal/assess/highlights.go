package assess

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/rules"
)

const (
	maxHighlights     = 6
	maxRepoHighlights = 4
	// notableAt is the least a project must show to be put on a resume:
	// e.g. a framework with tests, or tests run by CI.
	notableAt = 4
)

// hosts are deploy kinds that mean the project runs somewhere.
var hosts = []string{"fly", "render", "heroku", "kubernetes", "app-engine", "vercel", "netlify"}

// notability counts what a reviewer would find worth a line on a resume.
func notability(r *facts.Repo) int {
	n := 0
	if len(r.Stack.Frameworks) > 0 {
		n += 2
	}
	if len(r.Stack.Databases) > 0 {
		n++
	}
	if len(r.Security.Auth) > 0 {
		n++
	}
	if r.Tests.Present {
		n += 2
		if r.Tests.Files >= 5 {
			n++
		}
	}
	if r.CI.RunsTests != nil && *r.CI.RunsTests {
		n += 2
	} else if r.CI.Present {
		n++
	}
	if r.Deploy.Container || hasAny(r.Deploy.Kinds, hosts) {
		n++
	}
	if len(r.API.OpenAPI)+len(r.API.GraphQL) > 0 {
		n++
	}
	if r.Homepage != "" {
		n++
	}
	if r.Stars >= 5 {
		n++
	}
	return n
}

func hasAny(list, items []string) bool {
	for _, i := range items {
		if slices.Contains(list, i) {
			return true
		}
	}
	return false
}

// highlights writes resume-ready sentences from facts alone: only what the
// facts show, each citing its repository.
func highlights(repos []*facts.Repo, p *facts.Profile) []report.Highlight {
	type cand struct {
		r     *facts.Repo
		score int
		order int
	}
	var cands []cand
	for i, r := range repos {
		if r.Fork || len(r.BackendLanguages) == 0 {
			continue
		}
		if s := notability(r); s >= notableAt && (len(r.Stack.Frameworks) > 0 || r.Tests.Present) {
			cands = append(cands, cand{r, s, i})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	var out []report.Highlight
	for _, c := range cands {
		if len(out) == maxRepoHighlights {
			break
		}
		out = append(out, report.Highlight{Text: projectSentence(c.r), Repo: c.r.Name})
	}
	for _, c := range cands {
		if len(out) >= maxHighlights {
			break
		}
		if c.r.Homepage != "" {
			out = append(out, report.Highlight{
				Text: fmt.Sprintf("Deployed %s with a live demo at %s (%s).", c.r.Name, c.r.Homepage, ref(c.r)),
				Repo: c.r.Name,
			})
			break
		}
	}
	if p.Known && p.ExternalPRs != nil && *p.ExternalPRs > 0 && len(out) < maxHighlights {
		n := *p.ExternalPRs
		plural := "s"
		if n == 1 {
			plural = ""
		}
		// "Opened", not "contributed": the count includes pull requests
		// that were closed unmerged or are still open.
		h := report.Highlight{Text: fmt.Sprintf("Opened %d pull request%s on other developers' projects", n, plural)}
		if len(p.ExternalPRRepos) > 0 {
			names := p.ExternalPRRepos[:min(3, len(p.ExternalPRRepos))]
			more := ""
			if len(p.ExternalPRRepos) > 3 {
				more = fmt.Sprintf(" and %d more", len(p.ExternalPRRepos)-3)
			}
			h.Text += " (" + strings.Join(names, ", ") + more + ")"
			h.Repo = p.ExternalPRRepos[0]
		}
		h.Text += "."
		out = append(out, h)
	}
	var latest *facts.Repo
	for _, r := range repos {
		if !r.PushedAt.IsZero() && (latest == nil || r.PushedAt.After(latest.PushedAt)) {
			latest = r
		}
	}
	if p.ActiveMonths12 >= 9 && latest != nil && len(out) < maxHighlights && len(out) > 0 {
		out = append(out, report.Highlight{
			Text: fmt.Sprintf("Coded steadily: commits in %d of the last 12 months, most recently to %s.", p.ActiveMonths12, ref(latest)),
			Repo: latest.Name,
		})
	}
	return out
}

func ref(r *facts.Repo) string {
	if r.FullName != "" {
		return r.FullName
	}
	return r.Name
}

func projectSentence(r *facts.Repo) string {
	kind := "backend project"
	switch {
	case len(r.API.GraphQL) > 0:
		kind = "GraphQL API"
	case len(r.API.OpenAPI) > 0 || (r.API.Routes >= 3 && (r.API.Docs || r.API.ReadmeSection)):
		// Routes alone may serve HTML pages: only documented routes are
		// called an API.
		kind = "REST API"
	case len(r.Stack.Frameworks) > 0:
		kind = "web application"
	}
	var b strings.Builder
	if len(r.Stack.Frameworks) > 0 {
		fmt.Fprintf(&b, "Built a %s in %s", kind, rules.Display(r.Stack.Frameworks[0]))
	} else {
		lang := r.BackendLanguages[0]
		fmt.Fprintf(&b, "Built %s %s %s", article(lang), lang, kind)
	}
	if len(r.Stack.Databases) > 0 {
		b.WriteString(" backed by " + rules.And(r.Stack.Databases[:min(2, len(r.Stack.Databases))]))
	}
	var with []string
	if len(r.Security.Auth) > 0 {
		with = append(with, authPhrase(r.Security.Auth[0]))
	}
	runs := r.CI.RunsTests != nil && *r.CI.RunsTests && len(r.CI.Providers) > 0
	if r.Tests.Present {
		t := testsPhrase(r.Tests)
		if runs {
			t += " run by " + rules.Display(r.CI.Providers[0])
		}
		with = append(with, t)
	} else if r.CI.Present && len(r.CI.Providers) > 0 {
		with = append(with, rules.Display(r.CI.Providers[0])+" CI")
	}
	if len(with) > 0 {
		b.WriteString(", with " + strings.Join(with, " and "))
	}
	var extra []string
	if len(r.API.OpenAPI) > 0 {
		extra = append(extra, "documented with OpenAPI")
	}
	for _, k := range r.Deploy.Kinds {
		if slices.Contains(hosts, k) {
			extra = append(extra, "deployed to "+rules.Display(k))
			break
		}
	}
	if len(extra) == 0 && r.Deploy.Container {
		extra = append(extra, "containerised with Docker")
	}
	if len(extra) > 0 {
		b.WriteString("; " + strings.Join(extra, ", "))
	}
	b.WriteString(" (" + ref(r) + ").")
	return b.String()
}

func article(word string) string {
	if word != "" && strings.ContainsRune("AEIOUaeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

func authPhrase(id string) string {
	switch id {
	case "jwt":
		return "JWT auth"
	case "oauth":
		return "OAuth login"
	case "sessions":
		return "session-based auth"
	case "bcrypt":
		return "bcrypt-hashed passwords"
	case "argon2":
		return "Argon2-hashed passwords"
	case "spring-security", "devise", "passport", "sanctum":
		return rules.Display(id) + " authentication"
	}
	return rules.Display(id) + " auth"
}

func testsPhrase(t facts.Tests) string {
	fw := ""
	if len(t.Frameworks) > 0 {
		fw = rules.Display(t.Frameworks[0]) + " "
	}
	if t.Cases > 0 {
		return fmt.Sprintf("%d %stests", t.Cases, fw)
	}
	return fmt.Sprintf("%d %stest files", t.Files, fw)
}
