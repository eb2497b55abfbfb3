package ci

import (
	"bytes"
	"encoding/json"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
	"gopkg.in/yaml.v3"
)

// Kinds lists every deployment kind Deploy can report.
var Kinds = []string{
	"app-engine", "compose", "docker", "fly", "github-pages", "helm", "heroku", "kubernetes",
	"netlify", "procfile", "render", "serverless", "terraform", "vercel",
}

// maxManifests bounds how many candidate Kubernetes or App Engine files are
// read per repository.
const maxManifests = 50

var (
	k8sDir     = map[string]bool{"k8s": true, "kubernetes": true, "kube": true, ".k8s": true, "deploy": true, "deployment": true, "deployments": true, "manifests": true, "manifest": true, "infra": true, "overlays": true, "base": true}
	k8sAPI     = regexp.MustCompile(`(?m)^apiVersion:\s*\S+`)
	k8sKind    = regexp.MustCompile(`(?m)^kind:\s*(?:Deployment|Service|StatefulSet|DaemonSet|Ingress|Pod|ConfigMap|Secret|Job|CronJob|Namespace|HorizontalPodAutoscaler|ReplicaSet|PersistentVolumeClaim|Kustomization|Rollout|Gateway|HTTPRoute)\b`)
	appRuntime = regexp.MustCompile(`(?m)^runtime:\s*\S+`)
	jibPlugin  = regexp.MustCompile(`jib-maven-plugin|com\.google\.cloud\.tools\.jib`)
	// deployActions are GitHub Actions that ship an application, and the
	// kind of deployment each one means ("" when it says nothing more).
	deployActions = []struct {
		re   *regexp.Regexp
		kind string
	}{
		{regexp.MustCompile(`^actions/deploy-pages@|^peaceiris/actions-gh-pages@|^JamesIves/github-pages-deploy-action@`), "github-pages"},
		{regexp.MustCompile(`^superfly/flyctl-actions`), "fly"},
		{regexp.MustCompile(`^docker/build-push-action@`), "docker"},
		{regexp.MustCompile(`^akhileshns/heroku-deploy@`), "heroku"},
		{regexp.MustCompile(`^amondnet/vercel-action@`), "vercel"},
		{regexp.MustCompile(`^nwtgck/actions-netlify@|^netlify/actions/cli@`), "netlify"},
		{regexp.MustCompile(`^azure/k8s-deploy@|^Azure/k8s-deploy@`), "kubernetes"},
		{regexp.MustCompile(`^hashicorp/setup-terraform@`), "terraform"},
		{regexp.MustCompile(`^serverless/github-action@`), "serverless"},
		{regexp.MustCompile(`^google-github-actions/deploy-appengine@`), "app-engine"},
		{regexp.MustCompile(`^(?:aws-actions/amazon-ecs-deploy-task-definition|google-github-actions/deploy-cloudrun|azure/webapps-deploy|Azure/webapps-deploy|cloudflare/wrangler-action|appleboy/ssh-action|easingthemes/ssh-deploy|railwayapp/[\w-]+)@`), ""},
	}
	deployRun = regexp.MustCompile(`\b(?:fly(?:ctl)?\s+deploy|vercel\s+(?:deploy\s+)?--prod|netlify\s+deploy|docker\s+push|kubectl\s+apply|helm\s+(?:upgrade|install)|terraform\s+apply|(?:serverless|sls)\s+deploy|gcloud\s+(?:app|run)\s+deploy|heroku\s+container:(?:push|release)|git\s+push\s+(?:https://\S*)?heroku|railway\s+up|render\s+deploy)\b`)
)

// Deploy computes the packaging and deployment facts of r: configuration
// files by name (Kubernetes and App Engine ones confirmed by content) and
// deployment steps in GitHub Actions workflows. Development-environment
// images (.devcontainer/, .gitpod) are not application builds.
func Deploy(r *snapshot.Repo) facts.Deploy {
	d := facts.Deploy{Kinds: []string{}}
	if r == nil || r.Unavailable != "" {
		return d
	}
	kinds := map[string]bool{}
	var ev []facts.Evidence
	add := func(kind, p string, line int, text string) {
		if !kinds[kind] {
			kinds[kind] = true
			ev = append(ev, facts.Evidence{Repo: r.Name, Path: p, Line: line, Text: text})
		}
	}
	read := 0
	for _, f := range r.Files {
		p := f.Path
		if f.Kind == "submodule" || vendored(p) || devEnv(p) {
			continue
		}
		base := path.Base(p)
		switch {
		case dockerName(base):
			add("docker", p, 0, "container image build ("+base+")")
		case composeName(base):
			add("compose", p, 0, "Compose services ("+base+")")
		case base == "Procfile":
			add("procfile", p, 0, "Procfile process types")
		case base == "fly.toml":
			add("fly", p, 0, "Fly.io app configuration")
		case base == "render.yaml" || base == "render.yml":
			add("render", p, 0, "Render blueprint")
		case base == "vercel.json":
			add("vercel", p, 0, "Vercel configuration")
		case base == "netlify.toml":
			add("netlify", p, 0, "Netlify configuration")
		case base == "heroku.yml":
			add("heroku", p, 0, "Heroku container build")
		case base == "app.json" && !strings.Contains(p, "/"):
			if herokuApp(r, p) {
				add("heroku", p, 0, "Heroku app.json")
			}
		case base == "Chart.yaml":
			add("helm", p, 0, "Helm chart")
		case strings.HasSuffix(base, ".tf"):
			add("terraform", p, 0, "Terraform configuration")
		case strings.HasPrefix(base, "serverless.") && (strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".ts") || strings.HasSuffix(base, ".json")):
			add("serverless", p, 0, "Serverless Framework service")
		case base == "kustomization.yaml" || base == "kustomization.yml":
			add("kubernetes", p, 0, "Kustomize configuration")
		case base == "pom.xml" || base == "build.gradle" || base == "build.gradle.kts":
			if b, err := r.Read(p); err == nil && jibPlugin.Match(b) {
				add("docker", p, lineAt(b, jibPlugin.FindIndex(b)[0]), "container image built with Jib")
			}
		case (base == "app.yaml" || base == "app.yml") && !kinds["app-engine"] && read < maxManifests:
			read++
			if b, err := r.Read(p); err == nil && appRuntime.Match(b) && !k8sAPI.Match(b) {
				add("app-engine", p, lineAt(b, appRuntime.FindIndex(b)[0]), "App Engine app.yaml")
			}
		case !kinds["kubernetes"] && read < maxManifests && (strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")) && k8sPath(p):
			read++
			if b, err := r.Read(p); err == nil && k8sAPI.Match(b) {
				if loc := k8sKind.FindIndex(b); loc != nil {
					add("kubernetes", p, lineAt(b, loc[0]), "Kubernetes manifest ("+strings.TrimSpace(strings.TrimPrefix(string(b[loc[0]:loc[1]]), "kind:"))+")")
				}
			}
		}
	}
	var steps []facts.Evidence
	for _, f := range r.Files {
		if provider(f.Path) != "github-actions" {
			continue
		}
		steps = append(steps, workflowDeploys(r, f.Path, add)...)
	}
	d.Container = kinds["docker"]
	d.Compose = kinds["compose"]
	for k := range kinds {
		d.Kinds = append(d.Kinds, k)
	}
	sort.Strings(d.Kinds)
	ev = append(ev, steps...)
	d.Evidence = cap10(ev)
	return d
}

// vendored reports whether p lies in dependencies, build state or test
// fixtures.
func vendored(p string) bool {
	for {
		i := strings.IndexByte(p, '/')
		if i < 0 {
			return false
		}
		switch p[:i] {
		case "node_modules", "vendor", ".terraform", "testdata":
			return true
		}
		p = p[i+1:]
	}
}

// devEnv reports whether p configures a development environment (Dev
// Containers, Codespaces, Gitpod): its Dockerfile and Compose file build the
// editor's workspace, not the application (spring-petclinic's
// .devcontainer/Dockerfile).
func devEnv(p string) bool {
	if strings.HasPrefix(p, ".devcontainer/") || strings.Contains(p, "/.devcontainer/") ||
		strings.HasPrefix(p, ".gitpod/") || strings.Contains(p, "/.gitpod/") {
		return true
	}
	base := path.Base(p)
	return base == ".gitpod.Dockerfile" || base == ".gitpod.dockerfile"
}

// dockerName matches Dockerfile, Dockerfile.prod, api.Dockerfile and
// Containerfile. String checks, not a regexp: this runs on every path.
func dockerName(base string) bool {
	return base == "Dockerfile" || base == "Containerfile" ||
		strings.HasPrefix(base, "Dockerfile.") || strings.HasPrefix(base, "Containerfile.") ||
		strings.HasSuffix(base, ".Dockerfile") || strings.HasSuffix(base, ".dockerfile")
}

// composeName matches docker-compose.yml, docker-compose.prod.yaml,
// compose.yaml and compose.override.yml.
func composeName(base string) bool {
	if !strings.HasSuffix(base, ".yml") && !strings.HasSuffix(base, ".yaml") {
		return false
	}
	return strings.HasPrefix(base, "docker-compose") || base == "compose.yml" || base == "compose.yaml" || strings.HasPrefix(base, "compose.")
}

// k8sPath reports whether a YAML file sits where Kubernetes manifests are
// kept, or is named like one.
func k8sPath(p string) bool {
	base := strings.ToLower(path.Base(p))
	if strings.Contains(base, "k8s") || strings.Contains(base, "kube") || strings.HasPrefix(base, "deployment") || strings.HasSuffix(strings.TrimSuffix(strings.TrimSuffix(base, ".yaml"), ".yml"), "-deployment") {
		return true
	}
	for _, seg := range strings.Split(path.Dir(p), "/") {
		if k8sDir[strings.ToLower(seg)] {
			return true
		}
	}
	return false
}

// herokuApp reports whether a root app.json describes a Heroku app.
func herokuApp(r *snapshot.Repo, p string) bool {
	b, err := r.Read(p)
	if err != nil {
		return false
	}
	var app map[string]json.RawMessage
	if json.Unmarshal(b, &app) != nil {
		return false
	}
	for _, k := range []string{"buildpacks", "addons", "formation", "stack"} {
		if _, ok := app[k]; ok {
			return true
		}
	}
	return false
}

// workflowDeploys finds deployment steps in a GitHub Actions workflow.
func workflowDeploys(r *snapshot.Repo, p string, add func(kind, p string, line int, text string)) []facts.Evidence {
	b, err := r.Read(p)
	if err != nil || len(b) > maxYAML {
		return nil
	}
	docs, err := parseYAML(b)
	if err != nil {
		return nil
	}
	var out []facts.Evidence
	lines := strings.Split(string(b), "\n")
	for _, doc := range docs {
		for _, job := range pairs(get(doc, "jobs")) {
			if disabled(job[1]) {
				continue
			}
			for _, step := range items(get(job[1], "steps")) {
				if disabled(step) {
					continue
				}
				if u := get(step, "uses"); u != nil && u.Kind == yaml.ScalarNode {
					for _, da := range deployActions {
						if da.re.MatchString(u.Value) {
							if da.kind != "" {
								add(da.kind, p, u.Line, "deploy step uses "+u.Value)
							}
							out = append(out, facts.Evidence{Repo: r.Name, Path: p, Line: u.Line, Text: "deploy step uses " + u.Value})
							break
						}
					}
				}
				if run := get(step, "run"); run != nil && run.Kind == yaml.ScalarNode {
					for _, l := range strings.Split(run.Value, "\n") {
						code := stripComment(l)
						if deployRun.MatchString(code) {
							line := findLine(lines, run.Line, l)
							if line == 0 {
								line = run.Line
							}
							out = append(out, facts.Evidence{Repo: r.Name, Path: p, Line: line, Text: "deploy step runs " + clip(code)})
						}
					}
				}
			}
		}
	}
	return dedup(out)
}

func lineAt(b []byte, off int) int { return bytes.Count(b[:off], []byte{'\n'}) + 1 }
