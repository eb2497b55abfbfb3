package local

import (
	"net/url"
	"strings"
)

// Owner reads the owner and repository name from a git remote URL:
// scp-like (git@github.com:o/r.git), https, http, ssh and git URLs, on
// github.com or any other host such as GitHub Enterprise. ok is false for
// local paths and for URLs that are not host/owner/repo.
func Owner(remoteURL string) (owner, repo string, ok bool) {
	_, owner, repo, ok = parseRemote(remoteURL)
	return owner, repo, ok
}

// parseRemote is Owner with the host, lower-cased and without port or user.
func parseRemote(raw string) (host, owner, repo string, ok bool) {
	raw = strings.TrimSpace(raw)
	var p string
	if i := strings.Index(raw, "://"); i >= 0 {
		u, err := url.Parse(raw)
		if err != nil {
			return "", "", "", false
		}
		switch strings.ToLower(u.Scheme) {
		case "https", "http", "ssh", "git", "git+ssh", "ssh+git":
		default:
			return "", "", "", false // file:// and helpers name no owner
		}
		host, p = u.Hostname(), u.Path
	} else {
		// scp-like [user@]host:path; a colon after a slash is a local path.
		colon := strings.IndexByte(raw, ':')
		if colon <= 0 || strings.ContainsAny(raw[:colon], `/\`) {
			return "", "", "", false
		}
		host, p = raw[:colon], raw[colon+1:]
		if at := strings.LastIndexByte(host, '@'); at >= 0 {
			host = host[at+1:]
		}
	}
	host = strings.ToLower(host)
	if host == "" {
		return "", "", "", false
	}
	if host == "www.github.com" || host == "ssh.github.com" { // ssh.github.com: GitHub's SSH over port 443
		host = "github.com"
	}
	p = strings.Trim(p, "/")
	p = strings.TrimSuffix(p, ".git")
	parts := strings.Split(p, "/")
	if len(parts) != 2 || !validName(parts[0]) || !validName(parts[1]) {
		return "", "", "", false
	}
	return host, parts[0], parts[1], true
}

// validName accepts GitHub's owner and repository characters.
func validName(s string) bool {
	if s == "" || s == "." || s == ".." {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
		default:
			return false
		}
	}
	return true
}
