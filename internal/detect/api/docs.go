package api

import (
	"bytes"
	"encoding/json"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// specHead bounds how much of a YAML/JSON file is read to tell an OpenAPI
// document: the version key is at the top.
const specHead = 8 << 10

var (
	reOpenAPIYAML = regexp.MustCompile(`(?m)^(?:openapi|swagger)\s*:\s*['"]?(?:3\.\d+(?:\.\d+)?|2\.0)\b`)
	reOpenAPIJSON = regexp.MustCompile(`"(?:openapi|swagger)"\s*:\s*"(?:3\.\d+(?:\.\d+)?|2\.0)"`)
	reSpecName    = regexp.MustCompile(`(?i)^(?:openapi|swagger)(?:[._-][\w.-]*)?\.(?:ya?ml|json)$`)
)

// openAPI tells whether b is an OpenAPI 3 or Swagger 2 document, and
// returns the line of its version key (0 when it is not one).
func openAPI(b []byte) int {
	if len(b) > specHead {
		b = b[:specHead]
	}
	if !has(b, "openapi") && !has(b, "swagger") {
		return 0
	}
	loc := reOpenAPIYAML.FindIndex(b)
	if loc == nil {
		loc = reOpenAPIJSON.FindIndex(b)
	}
	if loc == nil {
		return 0
	}
	return bytes.Count(b[:loc[0]], []byte{'\n'}) + 1
}

// openAPIName reports a file named like a spec (openapi.yaml, swagger.json):
// enough when its content was not fetched.
func openAPIName(base string) bool { return reSpecName.MatchString(base) }

// openAPIGenerators are dependencies that publish an OpenAPI document from
// the code, found by name in manifests.
var openAPIGenerators = []string{
	"@nestjs/swagger", "swagger-ui-express", "swagger-jsdoc", "@fastify/swagger", "springdoc-openapi",
	"springfox", "drf-spectacular", "drf-yasg", "flasgger", "flask-smorest", "flask-apispec", "apispec",
	"github.com/swaggo/swag", "Swashbuckle.AspNetCore", "darkaonline/l5-swagger", "nelmio/api-doc-bundle", "rswag",
}

var manifestNames = map[string]bool{
	"package.json": true, "pom.xml": true, "build.gradle": true, "build.gradle.kts": true, "go.mod": true,
	"requirements.txt": true, "pyproject.toml": true, "Pipfile": true, "composer.json": true, "Gemfile": true,
}

func manifest(p string) bool {
	base := path.Base(p)
	return manifestNames[base] || strings.HasSuffix(base, ".csproj")
}

// generator returns the OpenAPI generator a manifest names, or "".
func generator(b []byte) string {
	for _, g := range openAPIGenerators {
		if bytes.Contains(b, []byte(g)) {
			return g
		}
	}
	return ""
}

// codeConfirmed are generators that publish a document only when the code
// builds one: flask-apispec is mostly used for its use_kwargs/marshal_with
// decorators, and apispec is a library; a document needs FlaskApiSpec(app)
// or APISpec(...) in the Python code.
var codeConfirmed = map[string]bool{"flask-apispec": true, "apispec": true}

var specBuilders = []string{"FlaskApiSpec(", "APISpec("}

var reGraphQLSchema = regexp.MustCompile(`(?m)^\s*(?:extend\s+)?(?:type|schema|interface|input|enum|union|scalar|directive)\b`)

// graphQLSchema tells whether a .graphql file defines a schema (types) rather
// than holding the queries a client sends.
func graphQLSchema(b []byte) bool { return reGraphQLSchema.Match(b) }

func graphQLFile(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".graphql", ".gql", ".graphqls":
		return true
	}
	return false
}

// graphQLServer tokens in source files define a schema in code.
var graphQLServer = []string{"type Query {", "type Query{", "graphene.ObjectType", "@strawberry.type", "buildSchema(", "@Resolver(", "gqlgen"}

// postman tells whether b is a Postman collection: info.schema names
// getpostman.com (environments and globals have no such field).
func postman(b []byte) bool {
	if !bytes.Contains(b, []byte("getpostman.com")) {
		return false
	}
	var c struct {
		Info struct {
			Schema string `json:"schema"`
		} `json:"info"`
	}
	return json.Unmarshal(b, &c) == nil && strings.Contains(c.Info.Schema, "getpostman.com")
}

// readmeNames are the README files looked at, by preference.
var readmeNames = []string{"readme.md", "readme.markdown", "readme.rst", "readme.txt", "readme.adoc", "readme"}

func readmeRank(p string) int {
	if strings.Contains(p, "/") {
		return -1
	}
	lp := strings.ToLower(p)
	for i, n := range readmeNames {
		if lp == n {
			return i
		}
	}
	return -1
}

var (
	// Words joined by - or _ are names (users-api), not sections.
	reAPIHeading = regexp.MustCompile(`(?i)(?:^|[^\w-])(?:apis?|rest|endpoints?|routes?|graphql)(?:$|[^\w-])`)
	reNotAPI     = regexp.MustCompile(`(?i)\bapi[\s_-]*(?:keys?|tokens?|credentials?)\b|\bgoogle maps api\b`)
	reHTMLHead   = regexp.MustCompile(`(?i)<h[1-6][^>]*>(.*?)</h[1-6]>`)
)

// apiHeading scans a README's headings (Markdown ATX and setext, HTML, and
// reStructuredText underlines) for an API section: "API", "Endpoints",
// "Routes", "REST API", "GraphQL". Headings about API keys are
// configuration, not API documentation, and the document's title ("# Books
// API") names the project. It returns the heading's line, or 0.
func apiHeading(b []byte) int {
	lines := strings.Split(string(b), "\n")
	fence := ""
	first := true
	for i, raw := range lines {
		line := strings.TrimRight(raw, "\r")
		t := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		var text string
		switch {
		case len(line)-len(t) <= 3 && strings.HasPrefix(t, "#"):
			h := strings.TrimLeft(t, "#")
			if len(t)-len(h) > 6 || (h != "" && h[0] != ' ' && h[0] != '\t') {
				continue
			}
			text = h
		case i+1 < len(lines) && strings.TrimSpace(line) != "" && underline(lines[i+1]):
			text = line
		default:
			if m := reHTMLHead.FindStringSubmatch(line); m != nil {
				text = m[1]
			}
		}
		if text == "" {
			continue
		}
		title := first && (strings.HasPrefix(t, "# ") || (i+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i+1]), "=")))
		first = false
		if !title && reAPIHeading.MatchString(text) && !reNotAPI.MatchString(text) {
			return i + 1
		}
	}
	return 0
}

// underline reports a setext or reStructuredText heading underline.
func underline(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 3 {
		return false
	}
	c := s[0]
	if !strings.ContainsRune("=-~^*+#", rune(c)) {
		return false
	}
	return strings.Count(s, string(c)) == len(s)
}

// consumer is a sign of an HTTP client calling another API.
type consumer struct {
	anchor string
	re     *regexp.Regexp // nil: the anchor is enough
	what   string
	url    bool // the first submatch is a URL that must not be local
}

var consumers = map[string][]consumer{
	"js": {
		{"axios", regexp.MustCompile(`\baxios(?:\.(?:get|post|put|patch|delete|request|create)\s*\(|\s*\()`), "axios", false},
		{"fetch(", regexp.MustCompile(`\bfetch\(\s*['"` + "`" + `](https?://[^'"` + "`" + `\s]+)`), "fetch to an external URL", true},
		{"got(", regexp.MustCompile(`\bgot\(\s*['"` + "`" + `](https?://[^'"` + "`" + `\s]+)`), "got", true},
		{"HttpService", nil, "NestJS HttpService", false},
	},
	"py": {
		{"requests.", regexp.MustCompile(`\brequests\.(?:get|post|put|patch|delete|head|request|Session)\(`), "requests", false},
		{"httpx.", regexp.MustCompile(`\bhttpx\.(?:get|post|put|patch|delete|request|Client|AsyncClient)\(`), "httpx", false},
		{"aiohttp", regexp.MustCompile(`\baiohttp\.ClientSession\(`), "aiohttp", false},
	},
	"jvm": {
		{"RestTemplate", nil, "RestTemplate", false},
		{"WebClient", regexp.MustCompile(`\bWebClient\.(?:create|builder)\(`), "WebClient", false},
		{"@FeignClient", nil, "Feign client", false},
		{"HttpClient.new", nil, "java.net.http.HttpClient", false},
		{"OkHttpClient", nil, "OkHttp", false},
	},
	"go": {
		{"http.NewRequest", regexp.MustCompile(`http\.NewRequest(?:WithContext)?\([^"\n]*"[A-Z]*"?,?\s*"(https?://[^"\s]+)`), "http.NewRequest to an external URL", true},
		{"http.Get(", regexp.MustCompile(`http\.(?:Get|Post|Head)\(\s*"(https?://[^"\s]+)`), "net/http client to an external URL", true},
		{"resty", regexp.MustCompile(`resty\.New\(`), "resty", false},
	},
	"php": {
		{"GuzzleHttp", nil, "Guzzle", false},
		{"Http::", regexp.MustCompile(`Http::(?:get|post|put|patch|delete|withToken|withHeaders|acceptJson|baseUrl)\(`), "Laravel HTTP client", false},
	},
	"rb": {
		{"Net::HTTP", nil, "Net::HTTP", false},
		{"HTTParty", nil, "HTTParty", false},
		{"Faraday", nil, "Faraday", false},
	},
	"cs": {
		{"HttpClient", regexp.MustCompile(`new\s+HttpClient\(|IHttpClientFactory|HttpClient\s+\w+`), "HttpClient", false},
	},
}

var langOf = map[string]string{
	".js": "js", ".mjs": "js", ".cjs": "js", ".ts": "js", ".mts": "js", ".jsx": "js", ".tsx": "js", ".vue": "js", ".svelte": "js",
	".py": "py", ".java": "jvm", ".kt": "jvm", ".go": "go", ".php": "php", ".rb": "rb", ".cs": "cs", ".rs": "rs",
}

// external reports whether a URL points at another host than this machine.
func external(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return false
	}
	h := u.Hostname()
	return h != "localhost" && h != "127.0.0.1" && h != "0.0.0.0" && h != "::1" && !strings.HasSuffix(h, ".local") && !strings.Contains(h, "${")
}

// consumes returns the first line of b that calls another API and what it
// uses, or 0.
func consumes(lang string, b []byte) (int, string) {
	for _, c := range consumers[lang] {
		if !bytes.Contains(b, []byte(c.anchor)) {
			continue
		}
		lines := matchLines(b, []string{c.anchor}, func(l []byte, _ int) bool {
			if commented(l) {
				return false
			}
			if c.re == nil {
				return true
			}
			m := c.re.FindSubmatch(l)
			return m != nil && (!c.url || external(string(m[1])))
		})
		if len(lines) > 0 {
			return lines[0], c.what
		}
	}
	return 0, ""
}
