// Package profile computes the facts about the audit subject as a person:
// how complete and reachable their profile is, and — from the commits in
// their repositories — how steadily they work and what they picked up when.
package profile

import (
	"math"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/pathway-dev/pathway/internal/detect/history"
	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Socials are the ids Profile.Social may hold: "twitter" from the profile's
// Twitter/X username; the others from the blog URL's host (a personal site is
// "website", a path starting with /@ on an unknown host is "mastodon") and
// from links to known networks in the bio.
var Socials = []string{"bluesky", "dev-to", "facebook", "hashnode", "instagram", "linkedin", "mastodon", "medium", "stackoverflow", "twitter", "website", "youtube"}

// CompletenessParts are the six profile items Completeness is the share of;
// "blog-or-social" is met by a blog or any social account, and
// "company-or-hireable" by a company or the hireable flag.
var CompletenessParts = []string{"name", "bio", "blog-or-social", "location", "company-or-hireable", "email"}

// Thresholds for NewStackByYear: a language counts for a repository when it
// is at least this share of the repository's bytes, or this many bytes.
const (
	stackShare = 0.05
	stackBytes = 20_000
)

var socialHosts = map[string]string{
	"linkedin.com": "linkedin", "twitter.com": "twitter", "x.com": "twitter", "medium.com": "medium",
	"dev.to": "dev-to", "hashnode.dev": "hashnode", "hashnode.com": "hashnode", "youtube.com": "youtube",
	"youtu.be": "youtube", "stackoverflow.com": "stackoverflow", "facebook.com": "facebook",
	"instagram.com": "instagram", "bsky.app": "bluesky",
}

// linkRe finds host names in a bio ("linkedin.com/in/jane", "https://x.com/jane").
var linkRe = regexp.MustCompile(`(?i)(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})(/[^\s)\]>,]*)?`)

// Detect computes the profile facts. A profile that was not read (Known
// false, as in local mode) gives Known false and zero values for everything
// read from it; ActiveMonths12 and NewStackByYear come from the repositories
// and are computed either way.
//
//   - AccountAgeDays is measured from CreatedAt to asOf.
//   - ProfileReadme: a repository named like the login with a README at its
//     root.
//   - Completeness is the share of CompletenessParts filled in, to 0.01.
//   - ActiveMonths12 counts the calendar months (UTC) from eleven months
//     before asOf's month to asOf with a commit of the subject (history.Identity
//     rules) in any included repository.
//   - NewStackByYear maps a year to the languages (see stackShare, stackBytes)
//     and frameworks first seen in the included repositories created that year
//     (the earliest commit stands in for an unknown creation date).
func Detect(p snapshot.Profile, snaps []*snapshot.Repo, repos []*facts.Repo, id history.Identity, asOf time.Time) facts.Profile {
	included := inclusion(snaps, repos)
	out := facts.Profile{
		Login:          p.Login,
		ActiveMonths12: activeMonths(snaps, included, id, asOf),
		NewStackByYear: newStack(snaps, repos),
	}
	if !p.Known {
		return out
	}
	out.Known = true
	out.Type = p.Type
	out.Name = strings.TrimSpace(p.Name)
	out.Bio = strings.TrimSpace(p.Bio)
	out.Blog = strings.TrimSpace(p.Blog)
	out.Location = strings.TrimSpace(p.Location)
	out.Company = strings.TrimSpace(p.Company)
	out.Email = strings.TrimSpace(p.Email) != ""
	out.Social = social(p)
	if p.Hireable != nil {
		h := *p.Hireable
		out.Hireable = &h
	}
	out.Followers = p.Followers
	out.Following = p.Following
	out.PublicRepos = p.PublicRepos
	out.CreatedAt = p.CreatedAt
	if !p.CreatedAt.IsZero() && asOf.After(p.CreatedAt) {
		out.AccountAgeDays = int(asOf.Sub(p.CreatedAt).Hours() / 24)
	}
	out.ProfileReadme = profileReadme(p.Login, snaps)
	if p.ExternalPRs != nil {
		n := *p.ExternalPRs
		out.ExternalPRs = &n
	}
	out.ExternalPRRepos = append([]string(nil), p.ExternalPRRepos...)
	if len(out.ExternalPRRepos) == 0 {
		out.ExternalPRRepos = nil
	}

	filled := 0
	for _, ok := range []bool{
		out.Name != "",
		out.Bio != "",
		out.Blog != "" || len(out.Social) > 0,
		out.Location != "",
		out.Company != "" || (out.Hireable != nil && *out.Hireable),
		out.Email,
	} {
		if ok {
			filled++
		}
	}
	out.Completeness = math.Round(float64(filled)/float64(len(CompletenessParts))*100) / 100
	return out
}

// social lists the social accounts the profile points at.
func social(p snapshot.Profile) []string {
	seen := map[string]bool{}
	if strings.TrimSpace(p.TwitterUsername) != "" {
		seen["twitter"] = true
	}
	if b := strings.TrimSpace(p.Blog); b != "" {
		if kind := classify(b); kind != "" {
			seen[kind] = true
		}
	}
	for _, m := range linkRe.FindAllStringSubmatch(p.Bio, -1) {
		if kind := socialHosts[strings.TrimPrefix(strings.ToLower(m[1]), "www.")]; kind != "" {
			seen[kind] = true
		}
	}
	var out []string
	for _, s := range Socials {
		if seen[s] {
			out = append(out, s)
		}
	}
	return out
}

// classify names what a blog URL points at: a known network, a Mastodon
// account, the subject's own GitHub (nothing), or a personal website.
func classify(raw string) string {
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" || !strings.Contains(u.Hostname(), ".") {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	for h, kind := range socialHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return kind
		}
	}
	switch {
	case host == "github.com":
		return ""
	case strings.HasPrefix(u.Path, "/@"):
		return "mastodon"
	}
	return "website"
}

func profileReadme(login string, snaps []*snapshot.Repo) bool {
	if login == "" {
		return false
	}
	for _, r := range snaps {
		if r == nil || !strings.EqualFold(r.Name, login) || (r.Owner != "" && !strings.EqualFold(r.Owner, login)) {
			continue
		}
		for _, f := range r.Files {
			if !strings.Contains(f.Path, "/") && strings.HasPrefix(strings.ToLower(f.Path), "readme") {
				return true
			}
		}
	}
	return false
}

// inclusion tells, per snapshot repository, whether it is included: as the
// facts say, or by the default options when the facts do not name it.
func inclusion(snaps []*snapshot.Repo, repos []*facts.Repo) []bool {
	byName := map[string]*facts.Repo{}
	for _, fr := range repos {
		if fr == nil {
			continue
		}
		if fr.FullName != "" {
			byName["full:"+fr.FullName] = fr
		}
		byName["name:"+fr.Name] = fr
	}
	out := make([]bool, len(snaps))
	for i, r := range snaps {
		if r == nil {
			continue
		}
		fr := byName["full:"+r.FullName]
		if fr == nil || r.FullName == "" {
			fr = byName["name:"+r.Name]
		}
		if fr != nil {
			out[i] = fr.Included
		} else {
			out[i] = snapshot.Excluded(r, snapshot.Options{}) == ""
		}
	}
	return out
}

func activeMonths(snaps []*snapshot.Repo, included []bool, id history.Identity, asOf time.Time) int {
	if asOf.IsZero() {
		return 0
	}
	end := asOf.UTC()
	start := time.Date(end.Year(), end.Month()-11, 1, 0, 0, 0, 0, time.UTC)
	months := map[[2]int]bool{}
	for i, r := range snaps {
		if r == nil || !included[i] {
			continue
		}
		for j := range r.Commits {
			c := &r.Commits[j]
			t := c.AuthorDate.UTC()
			if t.Before(start) || t.After(end) || !id.Owns(c) {
				continue
			}
			months[[2]int{t.Year(), int(t.Month())}] = true
		}
	}
	return len(months)
}

// newStack builds NewStackByYear from the included repositories, oldest
// first.
func newStack(snaps []*snapshot.Repo, repos []*facts.Repo) map[string][]string {
	earliest := map[string]time.Time{}
	for _, r := range snaps {
		if r == nil {
			continue
		}
		key := r.FullName + "\x00" + r.Name
		for i := range r.Commits {
			t := r.Commits[i].AuthorDate
			if t.Unix() <= 0 {
				continue
			}
			if e, ok := earliest[key]; !ok || t.Before(e) {
				earliest[key] = t
			}
		}
	}
	type dated struct {
		when time.Time
		repo *facts.Repo
	}
	var list []dated
	for _, fr := range repos {
		if fr == nil || !fr.Included {
			continue
		}
		when := fr.CreatedAt
		if when.IsZero() || when.Unix() <= 0 {
			when = earliest[fr.FullName+"\x00"+fr.Name]
		}
		if when.IsZero() {
			continue
		}
		list = append(list, dated{when, fr})
	}
	sort.Slice(list, func(i, j int) bool {
		if !list[i].when.Equal(list[j].when) {
			return list[i].when.Before(list[j].when)
		}
		return list[i].repo.FullName+list[i].repo.Name < list[j].repo.FullName+list[j].repo.Name
	})
	seen := map[string]bool{}
	out := map[string][]string{}
	for _, d := range list {
		year := d.when.UTC().Format("2006")
		var total int64
		for _, n := range d.repo.Languages {
			total += n
		}
		var fresh []string
		for lang, n := range d.repo.Languages {
			if n <= 0 || (float64(n) < stackShare*float64(total) && n < stackBytes) {
				continue
			}
			if !seen[lang] {
				seen[lang] = true
				fresh = append(fresh, lang)
			}
		}
		for _, fw := range d.repo.Stack.Frameworks {
			if !seen[fw] {
				seen[fw] = true
				fresh = append(fresh, fw)
			}
		}
		if len(fresh) > 0 {
			out[year] = append(out[year], fresh...)
			sort.Strings(out[year])
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
