package githubtest

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"
)

// The types below are GitHub's REST response bodies, field for field and in
// the order of the examples in GitHub's REST reference. They are written out
// here on purpose rather than borrowed from a client library, so the fake
// cannot drift along with the client it tests.

type urls struct {
	api  string // e.g. http://127.0.0.1:1234/api/v3
	html string // e.g. http://127.0.0.1:1234
}

func ts(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func tsPtr(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := ts(t)
	return &s
}

func nodeID(kind string, id int64) string {
	return base64.StdEncoding.EncodeToString(fmt.Appendf(nil, "%s:%s%d", "0", kind, id))
}

type simpleUser struct {
	Login             string `json:"login"`
	ID                int64  `json:"id"`
	NodeID            string `json:"node_id"`
	AvatarURL         string `json:"avatar_url"`
	GravatarID        string `json:"gravatar_id"`
	URL               string `json:"url"`
	HTMLURL           string `json:"html_url"`
	FollowersURL      string `json:"followers_url"`
	FollowingURL      string `json:"following_url"`
	GistsURL          string `json:"gists_url"`
	StarredURL        string `json:"starred_url"`
	SubscriptionsURL  string `json:"subscriptions_url"`
	OrganizationsURL  string `json:"organizations_url"`
	ReposURL          string `json:"repos_url"`
	EventsURL         string `json:"events_url"`
	ReceivedEventsURL string `json:"received_events_url"`
	Type              string `json:"type"`
	SiteAdmin         bool   `json:"site_admin"`
}

func (u urls) simpleUser(login string, id int64, typ string) simpleUser {
	api := u.api + "/users/" + login
	return simpleUser{
		Login:             login,
		ID:                id,
		NodeID:            nodeID(typ, id),
		AvatarURL:         fmt.Sprintf("https://avatars.githubusercontent.com/u/%d?v=4", id),
		GravatarID:        "",
		URL:               api,
		HTMLURL:           u.html + "/" + login,
		FollowersURL:      api + "/followers",
		FollowingURL:      api + "/following{/other_user}",
		GistsURL:          api + "/gists{/gist_id}",
		StarredURL:        api + "/starred{/owner}{/repo}",
		SubscriptionsURL:  api + "/subscriptions",
		OrganizationsURL:  api + "/orgs",
		ReposURL:          api + "/repos",
		EventsURL:         api + "/events{/privacy}",
		ReceivedEventsURL: api + "/received_events",
		Type:              typ,
		SiteAdmin:         false,
	}
}

type publicUser struct {
	simpleUser
	Name            *string `json:"name"`
	Company         *string `json:"company"`
	Blog            string  `json:"blog"`
	Location        *string `json:"location"`
	Email           *string `json:"email"`
	Hireable        *bool   `json:"hireable"`
	Bio             *string `json:"bio"`
	TwitterUsername *string `json:"twitter_username"`
	PublicRepos     int     `json:"public_repos"`
	PublicGists     int     `json:"public_gists"`
	Followers       int     `json:"followers"`
	Following       int     `json:"following"`
	CreatedAt       string  `json:"created_at"`
	UpdatedAt       string  `json:"updated_at"`
}

// orNull mirrors GitHub sending null, not "", for unset profile fields.
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (u urls) user(x *User, publicRepos int) publicUser {
	return publicUser{
		simpleUser:      u.simpleUser(x.Login, x.id, x.Type),
		Name:            orNull(x.Name),
		Company:         orNull(x.Company),
		Blog:            x.Blog,
		Location:        orNull(x.Location),
		Email:           orNull(x.Email),
		Hireable:        x.Hireable,
		Bio:             orNull(x.Bio),
		TwitterUsername: orNull(x.TwitterUsername),
		PublicRepos:     publicRepos,
		PublicGists:     0,
		Followers:       x.Followers,
		Following:       x.Following,
		CreatedAt:       ts(x.CreatedAt),
		UpdatedAt:       ts(x.CreatedAt.Add(24 * time.Hour)),
	}
}

type license struct {
	Key    string  `json:"key"`
	Name   string  `json:"name"`
	SPDXID string  `json:"spdx_id"`
	URL    *string `json:"url"`
	NodeID string  `json:"node_id"`
}

var licenseNames = map[string]string{
	"MIT":          "MIT License",
	"Apache-2.0":   "Apache License 2.0",
	"GPL-3.0":      "GNU General Public License v3.0",
	"BSD-3-Clause": "BSD 3-Clause \"New\" or \"Revised\" License",
	"NOASSERTION":  "Other",
}

func (u urls) license(spdx string) *license {
	if spdx == "" {
		return nil
	}
	key := strings.ToLower(spdx)
	name := licenseNames[spdx]
	if name == "" {
		name = spdx
	}
	l := &license{Key: key, Name: name, SPDXID: spdx, NodeID: "MDc6TGljZW5zZW" + key}
	if spdx == "NOASSERTION" {
		l.Key = "other"
	} else {
		url := u.api + "/licenses/" + key
		l.URL = &url
	}
	return l
}

type permissions struct {
	Admin    bool `json:"admin"`
	Maintain bool `json:"maintain"`
	Push     bool `json:"push"`
	Triage   bool `json:"triage"`
	Pull     bool `json:"pull"`
}

type repository struct {
	ID                       int64        `json:"id"`
	NodeID                   string       `json:"node_id"`
	Name                     string       `json:"name"`
	FullName                 string       `json:"full_name"`
	Private                  bool         `json:"private"`
	Owner                    simpleUser   `json:"owner"`
	HTMLURL                  string       `json:"html_url"`
	Description              *string      `json:"description"`
	Fork                     bool         `json:"fork"`
	URL                      string       `json:"url"`
	ArchiveURL               string       `json:"archive_url"`
	BranchesURL              string       `json:"branches_url"`
	CommitsURL               string       `json:"commits_url"`
	ContentsURL              string       `json:"contents_url"`
	ContributorsURL          string       `json:"contributors_url"`
	GitTreesURL              string       `json:"trees_url"`
	LanguagesURL             string       `json:"languages_url"`
	PullsURL                 string       `json:"pulls_url"`
	TagsURL                  string       `json:"tags_url"`
	CreatedAt                string       `json:"created_at"`
	UpdatedAt                string       `json:"updated_at"`
	PushedAt                 *string      `json:"pushed_at"`
	GitURL                   string       `json:"git_url"`
	SSHURL                   string       `json:"ssh_url"`
	CloneURL                 string       `json:"clone_url"`
	SvnURL                   string       `json:"svn_url"`
	Homepage                 *string      `json:"homepage"`
	Size                     int          `json:"size"`
	StargazersCount          int          `json:"stargazers_count"`
	WatchersCount            int          `json:"watchers_count"`
	Language                 *string      `json:"language"`
	HasIssues                bool         `json:"has_issues"`
	HasProjects              bool         `json:"has_projects"`
	HasDownloads             bool         `json:"has_downloads"`
	HasWiki                  bool         `json:"has_wiki"`
	HasPages                 bool         `json:"has_pages"`
	HasDiscussions           bool         `json:"has_discussions"`
	ForksCount               int          `json:"forks_count"`
	MirrorURL                *string      `json:"mirror_url"`
	Archived                 bool         `json:"archived"`
	Disabled                 bool         `json:"disabled"`
	OpenIssuesCount          int          `json:"open_issues_count"`
	License                  *license     `json:"license"`
	AllowForking             bool         `json:"allow_forking"`
	IsTemplate               bool         `json:"is_template"`
	WebCommitSignoffRequired bool         `json:"web_commit_signoff_required"`
	Topics                   []string     `json:"topics"`
	Visibility               string       `json:"visibility"`
	Forks                    int          `json:"forks"`
	OpenIssues               int          `json:"open_issues"`
	Watchers                 int          `json:"watchers"`
	DefaultBranch            string       `json:"default_branch"`
	Permissions              *permissions `json:"permissions,omitempty"`
}

func (u urls) repository(r *Repo, owner *User, authed bool) repository {
	api := u.api + "/repos/" + r.FullName()
	host := strings.TrimPrefix(strings.TrimPrefix(u.html, "http://"), "https://")
	visibility := "public"
	if r.Private {
		visibility = "private"
	}
	topics := r.Topics
	if topics == nil {
		topics = []string{}
	}
	out := repository{
		ID:              r.id,
		NodeID:          nodeID("Repository", r.id),
		Name:            r.Name,
		FullName:        r.FullName(),
		Private:         r.Private,
		Owner:           u.simpleUser(owner.Login, owner.id, owner.Type),
		HTMLURL:         u.html + "/" + r.FullName(),
		Description:     orNull(r.Description),
		Fork:            r.Fork,
		URL:             api,
		ArchiveURL:      api + "/{archive_format}{/ref}",
		BranchesURL:     api + "/branches{/branch}",
		CommitsURL:      api + "/commits{/sha}",
		ContentsURL:     api + "/contents/{+path}",
		ContributorsURL: api + "/contributors",
		GitTreesURL:     api + "/git/trees{/sha}",
		LanguagesURL:    api + "/languages",
		PullsURL:        api + "/pulls{/number}",
		TagsURL:         api + "/tags",
		CreatedAt:       ts(r.CreatedAt),
		UpdatedAt:       ts(r.UpdatedAt),
		PushedAt:        tsPtr(r.pushedAt()),
		GitURL:          "git://" + host + "/" + r.FullName() + ".git",
		SSHURL:          "git@" + host + ":" + r.FullName() + ".git",
		CloneURL:        u.html + "/" + r.FullName() + ".git",
		SvnURL:          u.html + "/" + r.FullName(),
		Homepage:        orNull(r.Homepage),
		Size:            r.size(),
		StargazersCount: r.Stars,
		WatchersCount:   r.Stars,
		Language:        orNull(r.Language),
		HasIssues:       !r.Fork,
		HasProjects:     true,
		HasDownloads:    true,
		HasWiki:         true,
		ForksCount:      r.Forks,
		Archived:        r.Archived,
		OpenIssuesCount: 0,
		License:         u.license(r.License),
		AllowForking:    true,
		Topics:          topics,
		Visibility:      visibility,
		Forks:           r.Forks,
		Watchers:        r.Stars,
		DefaultBranch:   r.DefaultBranch,
	}
	if authed {
		// GitHub adds the caller's permissions only to authenticated answers.
		out.Permissions = &permissions{Pull: true}
	}
	return out
}

type gitTreeEntry struct {
	Path string `json:"path"`
	Mode string `json:"mode"`
	Type string `json:"type"`
	SHA  string `json:"sha"`
	Size *int   `json:"size,omitempty"`
	URL  string `json:"url,omitempty"`
}

type gitTree struct {
	SHA       string         `json:"sha"`
	URL       string         `json:"url"`
	Tree      []gitTreeEntry `json:"tree"`
	Truncated bool           `json:"truncated"`
}

func (u urls) tree(r *Repo) gitTree {
	api := u.api + "/repos/" + r.FullName() + "/git"
	entries, sha := r.entries()
	t := gitTree{SHA: sha, URL: api + "/trees/" + sha, Tree: make([]gitTreeEntry, 0, len(entries))}
	if r.Truncated {
		entries = entries[:(len(entries)+1)/2]
		t.Truncated = true
	}
	for _, e := range entries {
		g := gitTreeEntry{Path: e.path, Mode: e.mode, Type: e.typ, SHA: e.sha}
		switch e.typ {
		case "blob":
			size := e.size
			g.Size = &size
			g.URL = api + "/blobs/" + e.sha
		case "tree":
			g.URL = api + "/trees/" + e.sha
		}
		t.Tree = append(t.Tree, g)
	}
	return t
}

type gitActor struct {
	Name  string `json:"name"`
	Email string `json:"email"`
	Date  string `json:"date"`
}

type shaURL struct {
	URL     string `json:"url"`
	SHA     string `json:"sha"`
	HTMLURL string `json:"html_url,omitempty"`
}

type verification struct {
	Verified  bool    `json:"verified"`
	Reason    string  `json:"reason"`
	Signature *string `json:"signature"`
	Payload   *string `json:"payload"`
}

type gitCommit struct {
	URL          string       `json:"url"`
	Author       gitActor     `json:"author"`
	Committer    gitActor     `json:"committer"`
	Message      string       `json:"message"`
	Tree         shaURL       `json:"tree"`
	CommentCount int          `json:"comment_count"`
	Verification verification `json:"verification"`
}

type commitItem struct {
	URL         string      `json:"url"`
	SHA         string      `json:"sha"`
	NodeID      string      `json:"node_id"`
	HTMLURL     string      `json:"html_url"`
	CommentsURL string      `json:"comments_url"`
	Commit      gitCommit   `json:"commit"`
	Author      *simpleUser `json:"author"`
	Committer   *simpleUser `json:"committer"`
	Parents     []shaURL    `json:"parents"`
}

// commit renders c; lookup maps a login to its account (nil when the
// login is not an account on the fake, which GitHub shows as null).
func (u urls) commit(r *Repo, i int, lookup func(string) *User) commitItem {
	c := r.Commits[i]
	api := u.api + "/repos/" + r.FullName()
	html := u.html + "/" + r.FullName()
	account := func(p Person) *simpleUser {
		if p.Login == "" {
			return nil
		}
		x := lookup(p.Login)
		if x == nil {
			return nil
		}
		s := u.simpleUser(x.Login, x.id, x.Type)
		return &s
	}
	var parents []shaURL
	if i+1 < len(r.Commits) {
		p := r.Commits[i+1].SHA
		parents = append(parents, shaURL{URL: api + "/commits/" + p, SHA: p, HTMLURL: html + "/commit/" + p})
		if c.Merge {
			q := hashOf("merged", c.SHA)
			parents = append(parents, shaURL{URL: api + "/commits/" + q, SHA: q, HTMLURL: html + "/commit/" + q})
		}
	}
	if parents == nil {
		parents = []shaURL{}
	}
	tree := hashOf("tree-of", c.SHA)
	if i == 0 {
		tree = r.treeSHA()
	}
	return commitItem{
		URL:         api + "/commits/" + c.SHA,
		SHA:         c.SHA,
		NodeID:      base64.StdEncoding.EncodeToString([]byte("06:Commit" + c.SHA)),
		HTMLURL:     html + "/commit/" + c.SHA,
		CommentsURL: api + "/commits/" + c.SHA + "/comments",
		Commit: gitCommit{
			URL:          api + "/git/commits/" + c.SHA,
			Author:       gitActor{Name: c.Author.Name, Email: c.Author.Email, Date: ts(c.Date)},
			Committer:    gitActor{Name: c.Committer.Name, Email: c.Committer.Email, Date: ts(c.CommitDate)},
			Message:      c.Message,
			Tree:         shaURL{URL: api + "/git/trees/" + tree, SHA: tree},
			Verification: verification{Reason: "unsigned"},
		},
		Author:    account(c.Author),
		Committer: account(c.Committer),
		Parents:   parents,
	}
}

type pullRequestLinks struct {
	URL      string  `json:"url"`
	HTMLURL  string  `json:"html_url"`
	DiffURL  string  `json:"diff_url"`
	PatchURL string  `json:"patch_url"`
	MergedAt *string `json:"merged_at"`
}

type issueItem struct {
	URL               string            `json:"url"`
	RepositoryURL     string            `json:"repository_url"`
	LabelsURL         string            `json:"labels_url"`
	CommentsURL       string            `json:"comments_url"`
	EventsURL         string            `json:"events_url"`
	HTMLURL           string            `json:"html_url"`
	ID                int64             `json:"id"`
	NodeID            string            `json:"node_id"`
	Number            int               `json:"number"`
	Title             string            `json:"title"`
	User              simpleUser        `json:"user"`
	Labels            []any             `json:"labels"`
	State             string            `json:"state"`
	Locked            bool              `json:"locked"`
	Assignee          *simpleUser       `json:"assignee"`
	Assignees         []simpleUser      `json:"assignees"`
	Milestone         any               `json:"milestone"`
	Comments          int               `json:"comments"`
	CreatedAt         string            `json:"created_at"`
	UpdatedAt         string            `json:"updated_at"`
	ClosedAt          *string           `json:"closed_at"`
	AuthorAssociation string            `json:"author_association"`
	ActiveLockReason  *string           `json:"active_lock_reason"`
	Draft             bool              `json:"draft"`
	PullRequest       *pullRequestLinks `json:"pull_request"`
	Body              *string           `json:"body"`
	TimelineURL       string            `json:"timeline_url"`
	StateReason       *string           `json:"state_reason"`
	Score             float64           `json:"score"`
}

type searchResult struct {
	TotalCount        int         `json:"total_count"`
	IncompleteResults bool        `json:"incomplete_results"`
	Items             []issueItem `json:"items"`
}

func (u urls) pull(author *User, pr PullRequest, id int64) issueItem {
	api := u.api + "/repos/" + pr.Repo
	n := fmt.Sprint(pr.Number)
	state := pr.State
	if state == "" {
		state = "open"
	}
	var closed, merged *string
	if state == "closed" {
		closed = tsPtr(pr.CreatedAt.Add(48 * time.Hour))
		if pr.Merged {
			merged = closed
		}
	}
	assoc := "CONTRIBUTOR"
	if !pr.Merged {
		assoc = "NONE"
	}
	return issueItem{
		URL:               api + "/issues/" + n,
		RepositoryURL:     api,
		LabelsURL:         api + "/issues/" + n + "/labels{/name}",
		CommentsURL:       api + "/issues/" + n + "/comments",
		EventsURL:         api + "/issues/" + n + "/events",
		HTMLURL:           u.html + "/" + pr.Repo + "/pull/" + n,
		ID:                id,
		NodeID:            nodeID("PullRequest", id),
		Number:            pr.Number,
		Title:             pr.Title,
		User:              u.simpleUser(author.Login, author.id, author.Type),
		Labels:            []any{},
		State:             state,
		Assignees:         []simpleUser{},
		CreatedAt:         ts(pr.CreatedAt),
		UpdatedAt:         ts(pr.CreatedAt.Add(time.Hour)),
		ClosedAt:          closed,
		AuthorAssociation: assoc,
		PullRequest: &pullRequestLinks{
			URL:      api + "/pulls/" + n,
			HTMLURL:  u.html + "/" + pr.Repo + "/pull/" + n,
			DiffURL:  u.html + "/" + pr.Repo + "/pull/" + n + ".diff",
			PatchURL: u.html + "/" + pr.Repo + "/pull/" + n + ".patch",
			MergedAt: merged,
		},
		TimelineURL: api + "/issues/" + n + "/timeline",
		Score:       1.0,
	}
}

type apiError struct {
	Message          string     `json:"message"`
	Errors           []errField `json:"errors,omitempty"`
	DocumentationURL string     `json:"documentation_url"`
	Status           string     `json:"status,omitempty"`
}

type errField struct {
	Message  string `json:"message,omitempty"`
	Resource string `json:"resource"`
	Field    string `json:"field"`
	Code     string `json:"code"`
}

type rate struct {
	Limit     int    `json:"limit"`
	Used      int    `json:"used"`
	Remaining int    `json:"remaining"`
	Reset     int64  `json:"reset"`
	Resource  string `json:"resource,omitempty"`
}
