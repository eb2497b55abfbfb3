package local

import "testing"

func TestOwner(t *testing.T) {
	tests := []struct {
		url         string
		owner, repo string
		ok          bool
		host        string
	}{
		{"git@github.com:ada-lovelace/todo-api.git", "ada-lovelace", "todo-api", true, "github.com"},
		{"git@github.com:ada-lovelace/todo-api", "ada-lovelace", "todo-api", true, "github.com"},
		{"https://github.com/ada-lovelace/todo-api", "ada-lovelace", "todo-api", true, "github.com"},
		{"https://github.com/ada-lovelace/todo-api.git", "ada-lovelace", "todo-api", true, "github.com"},
		{"https://github.com/ada-lovelace/todo-api/", "ada-lovelace", "todo-api", true, "github.com"},
		{"https://www.GitHub.com/Ada/My.Site.git", "Ada", "My.Site", true, "github.com"},
		{"http://github.com/o/r", "o", "r", true, "github.com"},
		// CI checkouts embed a token; only owner and name come out.
		{"https://x-access-token:ghs_secret@github.com/acme/api.git", "acme", "api", true, "github.com"},
		{"ssh://git@github.com/acme/api.git", "acme", "api", true, "github.com"},
		{"ssh://git@ssh.github.com:443/acme/api.git", "acme", "api", true, "github.com"},
		{"git://github.com/acme/api.git", "acme", "api", true, "github.com"},
		{"  git@github.com:acme/api.git\n", "acme", "api", true, "github.com"},
		// GitHub Enterprise and other hosts: owner and name, but not github.com.
		{"git@github.acme-corp.com:platform/billing.git", "platform", "billing", true, "github.acme-corp.com"},
		{"https://GHE.example.com:8443/platform/billing", "platform", "billing", true, "ghe.example.com"},
		{"ssh://git@ghe.example.com:2222/platform/billing.git", "platform", "billing", true, "ghe.example.com"},
		{"gh:acme/api", "acme", "api", true, "gh"},
		// Not owner/repo.
		{"", "", "", false, ""},
		{"/srv/git/api.git", "", "", false, ""},
		{"../api", "", "", false, ""},
		{"./dir:with/colon", "", "", false, ""},
		{"file:///srv/git/acme/api.git", "", "", false, ""},
		{"https://github.com/acme", "", "", false, ""},
		{"https://gitlab.com/group/subgroup/api.git", "", "", false, ""},
		{"git@github.com:acme/../api.git", "", "", false, ""},
		{"git@github.com:/api.git", "", "", false, ""},
		{"https://github.com/ac me/api", "", "", false, ""},
		{"https://%zz/acme/api", "", "", false, ""},
	}
	for _, tt := range tests {
		owner, repo, ok := Owner(tt.url)
		if owner != tt.owner || repo != tt.repo || ok != tt.ok {
			t.Errorf("Owner(%q) = %q, %q, %v; want %q, %q, %v", tt.url, owner, repo, ok, tt.owner, tt.repo, tt.ok)
		}
		if host, _, _, _ := parseRemote(tt.url); host != tt.host {
			t.Errorf("host of %q = %q, want %q", tt.url, host, tt.host)
		}
	}
}
