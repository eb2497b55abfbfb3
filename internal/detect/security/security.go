// Package security finds a repository's authentication libraries, the
// secrets committed to its tree and its security habits (an .env.example,
// dependency-update bots, a security policy, lockfiles).
//
// Secrets are reported by kind, path and line, never by value: nothing this
// package returns contains a byte of the secret it found.
package security

import (
	"path"
	"sort"
	"strings"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Auth are the ids of Security.Auth.
var Auth = []string{"argon2", "bcrypt", "devise", "jwt", "oauth", "passport", "sessions", "spring-security"}

// Flags are the ids of Security.Flags, the problems found in the tree:
// private-key (a PEM private key block, or an id_rsa-style file),
// aws-key, github-token, slack-token, stripe-key (live keys only),
// google-api-key (provider credentials recognised by their format),
// hardcoded-secret (a literal assigned to a secret-named key in config or
// code, or passed to a JWT signing call) and committed-env (an .env file
// that is not an example). Findings under test, fixture and example paths
// are reported with lower confidence, and raise hardcoded-secret and
// committed-env flags only outside those paths.
var Flags = []string{"aws-key", "committed-env", "github-token", "google-api-key", "hardcoded-secret", "private-key", "slack-token", "stripe-key"}

// DependencyUpdaters are the ids of Security.DependencyUpdates.
var DependencyUpdaters = []string{"dependabot", "renovate"}

// Scan bounds: the secret scan reads at most this many fetched files and
// bytes, config files first, then source, then other text.
const (
	maxScanFiles = 2000
	maxScanBytes = 32 << 20
	maxFileBytes = 1 << 20
	maxManifests = 64
	maxEvidence  = 10
)

// rank orders finding kinds by how much they matter.
var rank = map[string]int{
	"private-key": 0, "aws-key": 1, "github-token": 2, "stripe-key": 3, "slack-token": 4,
	"google-api-key": 5, "hardcoded-secret": 6, "committed-env": 7,
}

var renovateFiles = map[string]bool{
	"renovate.json": true, "renovate.json5": true, ".renovaterc": true, ".renovaterc.json": true,
	".github/renovate.json": true, ".github/renovate.json5": true, ".gitlab/renovate.json": true,
}

// configNames are source files that hold settings: scanned first.
var configNames = map[string]bool{
	"settings.py": true, "config.py": true, "local_settings.py": true, "production.py": true,
	"secrets.py": true, "config.js": true, "config.ts": true, "secrets.js": true, "keys.js": true,
	"constants.js": true, "constants.ts": true, "config.go": true, "config.php": true,
	"Dockerfile": true, "docker-compose.yml": true,
}

// Detect computes the security facts of r.
func Detect(r *snapshot.Repo) facts.Security {
	sec := facts.Security{Auth: []string{}, Flags: []string{}, DependencyUpdates: []string{}}
	if r == nil {
		return sec
	}
	authEv := map[string]facts.Evidence{}
	addAuth := func(ids []string, p string, line int, why string) {
		for _, id := range ids {
			if _, ok := authEv[id]; !ok {
				authEv[id] = facts.Evidence{Repo: r.Name, Path: p, Line: line, Text: id + ": " + why}
			}
		}
	}
	var habits []facts.Evidence
	var found []finding
	updaters := map[string]bool{}
	var buckets [3][]string // scan candidates by priority
	manifests := 0

	for _, f := range r.Files {
		p := f.Path
		if f.Kind == "submodule" || f.Kind == "symlink" || vendored(p) {
			continue
		}
		base := path.Base(p)
		dir := path.Dir(p)
		ext := strings.ToLower(path.Ext(base))
		switch {
		case p == ".github/dependabot.yml" || p == ".github/dependabot.yaml":
			if !updaters["dependabot"] {
				habits = append(habits, facts.Evidence{Repo: r.Name, Path: p, Text: "dependabot: dependency updates configured"})
			}
			updaters["dependabot"] = true
		case renovateFiles[p]:
			if !updaters["renovate"] {
				habits = append(habits, facts.Evidence{Repo: r.Name, Path: p, Text: "renovate: dependency updates configured"})
			}
			updaters["renovate"] = true
		case strings.EqualFold(strings.TrimSuffix(base, path.Ext(base)), "SECURITY") && (dir == "." || dir == ".github" || dir == "docs"):
			if !sec.Policy {
				habits = append(habits, facts.Evidence{Repo: r.Name, Path: p, Text: "security policy"})
			}
			sec.Policy = true
		case lockfiles[base]:
			if !sec.Lockfile {
				habits = append(habits, facts.Evidence{Repo: r.Name, Path: p, Text: "lockfile pins dependency versions"})
			}
			sec.Lockfile = true
			continue // generated: never scanned for secrets
		}

		switch envKind(base) {
		case "example":
			if !sec.EnvExample {
				habits = append(habits, facts.Evidence{Repo: r.Name, Path: p, Text: "environment template documents the settings"})
			}
			sec.EnvExample = true
		case "env":
			found = append(found, finding{kind: "committed-env", path: p, test: testPath(p),
				what: "environment file committed; remove it, add it to .gitignore and rotate its values"})
		}

		if parse := manifestParser(p); parse != nil && !testPath(p) && manifests < maxManifests {
			if b, err := r.Read(p); err == nil {
				manifests++
				for _, d := range parse(b) {
					if ids := authOf(d.Name); len(ids) > 0 {
						addAuth(ids, p, d.Line, d.Name+" in "+base)
					}
				}
			}
		}

		if p == "config/master.key" || strings.HasSuffix(p, "/config/master.key") ||
			(strings.Contains(p, "config/credentials/") && ext == ".key") {
			found = append(found, finding{kind: "hardcoded-secret", path: p, test: testPath(p),
				what: "Rails master key committed; it decrypts the credentials file: remove it and rotate it"})
			continue
		}
		if _, err := r.Read(p); privateKeyNames[base] && err != nil {
			found = append(found, finding{kind: "private-key", path: p, test: testPath(p), what: "SSH private key file (by name; content not read)"})
		}

		switch {
		case binaryExts[ext] || strings.HasSuffix(base, ".min.js") || strings.HasSuffix(base, ".min.css"):
		case envKind(base) != "" || configExts[ext] || configNames[base] || privateKeyNames[base] ||
			ext == ".sh" || ext == ".bash" || ext == ".ps1" || strings.HasPrefix(base, "Dockerfile"):
			buckets[0] = append(buckets[0], p)
		case sourceExts[ext] && (strings.Contains(dir, "config") || strings.Contains(dir, "settings")):
			buckets[0] = append(buckets[0], p)
		case sourceExts[ext]:
			buckets[1] = append(buckets[1], p)
		default:
			buckets[2] = append(buckets[2], p)
		}
	}

	var sc scanner
	files, total := 0, 0
scan:
	for _, bucket := range buckets {
		for _, p := range bucket {
			b, err := r.Read(p)
			if err != nil {
				continue // not fetched: unknown, not clean
			}
			if files >= maxScanFiles || total >= maxScanBytes {
				break scan
			}
			files++
			if len(b) > maxFileBytes {
				b = b[:maxFileBytes]
			}
			total += len(b)
			base := path.Base(p)
			ext := strings.ToLower(path.Ext(base))
			class := classOther
			switch {
			case envKind(base) != "" || (configExts[ext] && ext != ".pem" && ext != ".key") ||
				ext == ".sh" || ext == ".bash" || ext == ".ps1" || strings.HasPrefix(base, "Dockerfile"):
				class = classConfig
			case sourceExts[ext]:
				class = classSource
			}
			found = append(found, sc.scan(p, b, class)...)
			if class == classSource && !testPath(p) {
				for _, t := range tokensByExt[ext] {
					if _, ok := authEv[t.id]; ok {
						continue
					}
					if line := lineOf(b, t.token); line > 0 {
						addAuth([]string{t.id}, p, line, strings.TrimSpace(t.token)+" in code")
					}
				}
			}
		}
	}

	for id := range authEv {
		sec.Auth = append(sec.Auth, id)
	}
	sort.Strings(sec.Auth)
	for _, id := range sec.Auth {
		sec.Evidence = append(sec.Evidence, authEv[id])
	}
	for _, u := range DependencyUpdaters {
		if updaters[u] {
			sec.DependencyUpdates = append(sec.DependencyUpdates, u)
		}
	}
	sec.Evidence = append(sec.Evidence, habits...)
	if len(sec.Evidence) > maxEvidence {
		sec.Evidence = sec.Evidence[:maxEvidence]
	}

	flags := map[string]bool{}
	for _, f := range found {
		if !f.test || (f.kind != "hardcoded-secret" && f.kind != "committed-env") {
			flags[f.kind] = true
		}
	}
	for _, id := range Flags {
		if flags[id] {
			sec.Flags = append(sec.Flags, id)
		}
	}
	sec.Findings = evidence(r.Name, found)
	return sec
}

// evidence orders findings by importance (confident before test paths, then
// kind, path and line) and keeps maxEvidence of them, at least one per kind.
func evidence(repo string, found []finding) []facts.Evidence {
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if a.test != b.test {
			return !a.test
		}
		if rank[a.kind] != rank[b.kind] {
			return rank[a.kind] < rank[b.kind]
		}
		if a.path != b.path {
			return a.path < b.path
		}
		return a.line < b.line
	})
	keep := make([]bool, len(found))
	n := 0
	seen := map[string]bool{}
	for i, f := range found {
		if !seen[f.kind] && n < maxEvidence {
			seen[f.kind] = true
			keep[i] = true
			n++
		}
	}
	for i := range found {
		if !keep[i] && n < maxEvidence {
			keep[i] = true
			n++
		}
	}
	var out []facts.Evidence
	for i, f := range found {
		if !keep[i] {
			continue
		}
		text := f.kind + ": " + f.what
		if f.test {
			text += " (test or example path: lower confidence)"
		}
		out = append(out, facts.Evidence{Repo: repo, Path: f.path, Line: f.line, Text: text})
	}
	return out
}
