package api

import (
	"bytes"
	"path"
	"regexp"
	"sort"
	"strings"
)

// Frameworks are the route styles whose definitions Detect counts; the ids
// label route evidence ("express: 4 route definitions").
var Frameworks = []string{
	"aspnet", "chi", "django", "echo", "express", "fastapi", "fastify", "fiber", "flask", "gin",
	"go-net-http", "gorilla", "hono", "jax-rs", "koa", "ktor", "laravel", "nestjs", "nextjs",
	"rails", "rust", "sinatra", "slim", "spring", "symfony",
}

// fileRoutes are the route definitions found in one file.
type fileRoutes struct {
	path  string
	label string
	lines []int // 1-based, sorted
}

// matchLines returns the sorted 1-based numbers of the lines of b that hold
// one of anchors and satisfy keep. Anchors are found with bytes.Index over
// the whole file, so regular expressions run only on the few lines that can
// match.
func matchLines(b []byte, anchors []string, keep func(line []byte, lineNo int) bool) []int {
	var starts []int
	for _, a := range anchors {
		from := 0
		for {
			i := bytes.Index(b[from:], []byte(a))
			if i < 0 {
				break
			}
			at := from + i
			starts = append(starts, bytes.LastIndexByte(b[:at], '\n')+1)
			from = at + len(a)
		}
	}
	if len(starts) == 0 {
		return nil
	}
	sort.Ints(starts)
	var out []int
	line, counted, prev := 1, 0, -1
	for _, ls := range starts {
		if ls == prev {
			continue
		}
		prev = ls
		line += bytes.Count(b[counted:ls], []byte{'\n'})
		counted = ls
		if keep(window(b, ls), line) {
			out = append(out, line)
		}
	}
	return out
}

const (
	maxLine = 1024
	maxCont = 4
)

// window returns the line of b starting at ls and, when that line leaves a
// call open ("router.get(" with the path on the next line, as Prettier and
// Black wrap long calls), the following lines up to the call's close: at
// most maxCont more lines and maxLine bytes in all. The line breaks stay,
// so lead can tell a match on the first line from one further down.
func window(b []byte, ls int) []byte {
	end := ls + lineLen(b[ls:])
	t := bytes.TrimRight(b[ls:end], " \t\r")
	if end-ls > maxLine || len(t) == 0 || t[len(t)-1] != '(' {
		return b[ls:min(end, ls+maxLine)]
	}
	depth := parenDepth(b[ls:end])
	for n := 0; n < maxCont && depth > 0 && end < len(b) && end-ls < maxLine; n++ {
		next := end + 1 + lineLen(b[end+1:])
		depth += parenDepth(b[end+1 : next])
		end = next
	}
	return b[ls:min(end, ls+maxLine)]
}

func lineLen(b []byte) int {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return i
	}
	return len(b)
}

func parenDepth(b []byte) int {
	return bytes.Count(b, []byte{'('}) - bytes.Count(b, []byte{')'})
}

// lead reports whether re matches w starting on w's first line: a call on a
// continuation line has its own line and is counted there.
func lead(re *regexp.Regexp, w []byte) bool {
	m := re.FindIndex(w)
	return m != nil && m[0] < lineLen(w)
}

// leadSub is lead returning the submatches.
func leadSub(re *regexp.Regexp, w []byte) [][]byte {
	m := re.FindSubmatchIndex(w)
	if m == nil || m[0] >= lineLen(w) {
		return nil
	}
	out := make([][]byte, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = w[m[2*i]:m[2*i+1]]
		}
	}
	return out
}

func commented(line []byte) bool {
	t := bytes.TrimLeft(line, " \t")
	return bytes.HasPrefix(t, []byte("//")) || bytes.HasPrefix(t, []byte("#")) && !bytes.HasPrefix(t, []byte("#[")) ||
		bytes.HasPrefix(t, []byte("*")) || bytes.HasPrefix(t, []byte("/*"))
}

func has(b []byte, s string) bool { return bytes.Contains(b, []byte(s)) }

// labelBy returns the label of the first import token found in b, or def.
func labelBy(b []byte, def string, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		if has(b, pairs[i]) {
			return pairs[i+1]
		}
	}
	return def
}

var (
	reJSRoute   = regexp.MustCompile(`(?:^|[^\w$.])([A-Za-z_$][\w$]*)\.(?:get|post|put|patch|delete|all|options|head|route)\(\s*['"` + "`" + `]/`)
	reJSFastify = regexp.MustCompile(`(?:^|[^\w$.])([A-Za-z_$][\w$]*)\.route\(\s*\{`)
	reJSServer  = regexp.MustCompile(`(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:express\(\)|express\.Router\(|Router\(|fastify\(|Fastify\(|new\s+(?:Hono|Router|KoaRouter|Elysia)\()`)
	reNest      = regexp.MustCompile(`^\s*@(?:Get|Post|Put|Patch|Delete|All|Options|Head)\(`)
	reNextRoute = regexp.MustCompile(`^export\s+(?:async\s+function|function|const)\s+(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b`)
)

// jsRoutes counts Express, Fastify, Koa, Hono, NestJS and Next.js routes.
// Only receivers that are servers or routers count: axios.get('/users') or
// api.get('/users') in a front end call an API, they do not serve one.
func jsRoutes(p string, b []byte) (string, []int) {
	label := labelBy(b, "express", "@nestjs/", "nestjs", "fastify", "fastify", "'hono'", "hono", "\"hono\"", "hono", "koa", "koa", "next/server", "nextjs")
	if label == "nestjs" && (has(b, "@Controller(") || has(b, "@nestjs/common")) {
		return label, matchLines(b, []string{"@Get(", "@Post(", "@Put(", "@Patch(", "@Delete(", "@All(", "@Options(", "@Head("}, func(l []byte, _ int) bool {
			return lead(reNest, l)
		})
	}
	base := path.Base(p)
	if strings.HasPrefix(base, "route.") && has(b, "export") {
		return "nextjs", matchLines(b, []string{"GET", "POST", "PUT", "PATCH", "DELETE"}, func(l []byte, _ int) bool {
			return lead(reNextRoute, l)
		})
	}
	recv := map[string]bool{"app": true, "router": true, "server": true, "fastify": true, "routes": true}
	matchLines(b, []string{"express(", "Router(", "fastify(", "Fastify(", "new Hono(", "new KoaRouter(", "new Elysia("}, func(l []byte, _ int) bool {
		for _, m := range reJSServer.FindAllSubmatch(l, -1) {
			recv[string(m[1])] = true
		}
		return false
	})
	isServer := func(name string) bool {
		return recv[name] || strings.HasSuffix(name, "Router") || strings.HasSuffix(name, "router") ||
			strings.HasSuffix(name, "Routes") || strings.HasSuffix(name, "routes")
	}
	lines := matchLines(b, []string{".get(", ".post(", ".put(", ".patch(", ".delete(", ".all(", ".options(", ".head(", ".route("}, func(l []byte, _ int) bool {
		if commented(l) {
			return false
		}
		if m := leadSub(reJSRoute, l); m != nil && isServer(string(m[1])) {
			return true
		}
		m := leadSub(reJSFastify, l)
		return m != nil && isServer(string(m[1]))
	})
	return label, lines
}

var (
	rePyDecorator = regexp.MustCompile(`^\s*@\w+\.(route|get|post|put|patch|delete|api_route|websocket)\(\s*[rfbu]?['"]`)
	rePyURLRule   = regexp.MustCompile(`\.add_(?:url_rule|api_route)\(\s*[rfbu]?['"]`)
	reDjangoPath  = regexp.MustCompile(`(?:^|[^\w.])(?:path|re_path|url)\(\s*r?['"]`)
	reDRFRegister = regexp.MustCompile(`\b\w+\.register\(\s*r?['"]`)
)

// pyRoutes counts Flask and FastAPI decorators and Django URL patterns.
// Includes and the admin site that startproject generates are not routes.
func pyRoutes(p string, b []byte) (string, []int) {
	b = blankDocstrings(b)
	if path.Base(p) == "urls.py" || has(b, "urlpatterns") {
		return "django", matchLines(b, []string{"path(", "url(", ".register("}, func(l []byte, _ int) bool {
			if commented(l) || has(l, "include(") || has(l, "admin.site.urls") || has(l, "static(") {
				return false
			}
			return lead(reDjangoPath, l) || lead(reDRFRegister, l)
		})
	}
	label := labelBy(b, "flask", "fastapi", "fastapi", "flask", "flask")
	return label, matchLines(b, []string{"@", ".add_url_rule(", ".add_api_route("}, func(l []byte, _ int) bool {
		return !commented(l) && (lead(rePyDecorator, l) || lead(rePyURLRule, l))
	})
}

// blankDocstrings returns b with the insides of triple-quoted strings
// replaced by spaces (newlines kept, so line numbers hold): Django's
// generated urls.py documents path(”, views.home) in its docstring.
func blankDocstrings(b []byte) []byte {
	if !has(b, `"""`) && !has(b, "'''") {
		return b
	}
	out := make([]byte, len(b))
	copy(out, b)
	var quote []byte
	for i := 0; i+3 <= len(out); {
		if quote == nil {
			if (out[i] == '"' || out[i] == '\'') && out[i+1] == out[i] && out[i+2] == out[i] {
				quote = []byte{out[i], out[i], out[i]}
				i += 3
				continue
			}
			i++
			continue
		}
		if bytes.HasPrefix(out[i:], quote) {
			quote = nil
			i += 3
			continue
		}
		if out[i] != '\n' {
			out[i] = ' '
		}
		i++
	}
	return out
}

var (
	reSpringMapping = regexp.MustCompile(`^\s*@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b`)
	reJaxRS         = regexp.MustCompile(`^\s*@(?:GET|POST|PUT|PATCH|DELETE|HEAD)\b`)
	reKtor          = regexp.MustCompile(`^\s*(?:get|post|put|patch|delete)\(\s*"/`)
)

// jvmRoutes counts Spring MVC/WebFlux mappings, JAX-RS resources and Ktor
// routes. A class-level @RequestMapping is a prefix, not a route, and
// Feign interfaces declare calls to other services.
func jvmRoutes(p string, b []byte) (string, []int) {
	if has(b, "@FeignClient") {
		return "", nil
	}
	switch {
	case has(b, "io.ktor"):
		return "ktor", matchLines(b, []string{"get(", "post(", "put(", "patch(", "delete("}, func(l []byte, _ int) bool {
			return lead(reKtor, l)
		})
	case has(b, "javax.ws.rs") || has(b, "jakarta.ws.rs"):
		return "jax-rs", matchLines(b, []string{"@GET", "@POST", "@PUT", "@PATCH", "@DELETE", "@HEAD"}, func(l []byte, _ int) bool {
			return lead(reJaxRS, l)
		})
	case has(b, "Controller"):
		lines := bytes.Split(b, []byte{'\n'})
		return "spring", matchLines(b, []string{"Mapping"}, func(l []byte, n int) bool {
			if !lead(reSpringMapping, l) {
				return false
			}
			if has(l, "@RequestMapping") {
				for i := n; i < min(len(lines), n+4); i++ {
					if has(lines[i], "class ") || has(lines[i], "interface ") {
						return false
					}
				}
			}
			return true
		})
	}
	return "", nil
}

var (
	reRailsVerb     = regexp.MustCompile(`^\s*(?:get|post|put|patch|delete|match)\s*\(?\s*['"]`)
	reRailsResource = regexp.MustCompile(`^\s*(?:resources?)\s*\(?\s*:`)
	reRailsRoot     = regexp.MustCompile(`^\s*root\b`)
	reSinatra       = regexp.MustCompile(`^\s*(?:get|post|put|patch|delete)\s*\(?\s*['"]/`)
)

// rubyRoutes counts config/routes.rb definitions (resources :x counts once)
// and Sinatra routes.
func rubyRoutes(p string, b []byte) (string, []int) {
	if p == "config/routes.rb" || strings.HasSuffix(p, "/config/routes.rb") || strings.Contains(p, "config/routes/") {
		return "rails", matchLines(b, []string{"get", "post", "put", "patch", "delete", "match", "resource", "root"}, func(l []byte, _ int) bool {
			return !commented(l) && (lead(reRailsVerb, l) || lead(reRailsResource, l) || lead(reRailsRoot, l))
		})
	}
	if has(b, "sinatra") || has(b, "Sinatra::") {
		return "sinatra", matchLines(b, []string{"get", "post", "put", "patch", "delete"}, func(l []byte, _ int) bool {
			return lead(reSinatra, l)
		})
	}
	return "", nil
}

var (
	reLaravel     = regexp.MustCompile(`Route::(?:get|post|put|patch|delete|any|match|options|resource|apiResource|resources|apiResources|view|redirect)\(`)
	reLaravelVerb = regexp.MustCompile(`->(?:get|post|put|patch|delete|any)\(\s*['"]`)
	reSymfony     = regexp.MustCompile(`(?:#\[|@)Route\(\s*['"]`)
	reSlim        = regexp.MustCompile(`\$\w+->(?:get|post|put|patch|delete|any|map)\(\s*(?:\[[^\]]*\],\s*)?['"]/`)
)

// phpRoutes counts Laravel, Symfony and Slim routes.
func phpRoutes(p string, b []byte) (string, []int) {
	switch {
	case has(b, "Route::"):
		inRoutes := strings.HasPrefix(p, "routes/") || strings.Contains(p, "/routes/")
		return "laravel", matchLines(b, []string{"Route::", "->get(", "->post(", "->put(", "->patch(", "->delete(", "->any("}, func(l []byte, _ int) bool {
			return !commented(l) && (lead(reLaravel, l) || inRoutes && lead(reLaravelVerb, l))
		})
	case has(b, "Route("):
		return "symfony", matchLines(b, []string{"Route("}, func(l []byte, _ int) bool {
			return lead(reSymfony, l) && !has(l, "class ")
		})
	case has(b, "Slim\\"):
		return "slim", matchLines(b, []string{"->"}, func(l []byte, _ int) bool {
			return !commented(l) && lead(reSlim, l)
		})
	}
	return "", nil
}

var (
	reGoUpper  = regexp.MustCompile(`\b\w+\.(?:GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|Any)\(\s*"/`)
	reGoMixed  = regexp.MustCompile(`\b\w+\.(?:Get|Post|Put|Patch|Delete|Options|Head|All)\(\s*"/`)
	reGoHandle = regexp.MustCompile(`\.(?:HandleFunc|Handle)\(\s*"(?:(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) )?/`)
)

// goRoutes counts Gin, Echo, Fiber, chi, gorilla/mux and net/http routes.
// Get("/x") counts only in files importing a router that has it, since
// HTTP clients have methods of the same name.
func goRoutes(p string, b []byte) (string, []int) {
	label := labelBy(b, "go-net-http", "github.com/gin-gonic/gin", "gin", "github.com/labstack/echo", "echo",
		"github.com/gofiber/fiber", "fiber", "github.com/go-chi/chi", "chi", "github.com/gorilla/mux", "gorilla")
	mixed := label == "fiber" || label == "chi"
	anchors := []string{"HandleFunc(", "Handle(", ".GET(", ".POST(", ".PUT(", ".PATCH(", ".DELETE(", ".OPTIONS(", ".HEAD(", ".Any("}
	if mixed {
		anchors = append(anchors, ".Get(", ".Post(", ".Put(", ".Patch(", ".Delete(", ".Options(", ".Head(", ".All(")
	}
	return label, matchLines(b, anchors, func(l []byte, _ int) bool {
		if commented(l) {
			return false
		}
		return lead(reGoUpper, l) || lead(reGoHandle, l) || mixed && lead(reGoMixed, l)
	})
}

var (
	reAspAttr   = regexp.MustCompile(`\[Http(?:Get|Post|Put|Patch|Delete)\b`)
	reAspMinAPI = regexp.MustCompile(`\.Map(?:Get|Post|Put|Patch|Delete)\(\s*"`)
	reRustAttr  = regexp.MustCompile(`#\[(?:get|post|put|patch|delete)\(\s*"/`)
	reRustRoute = regexp.MustCompile(`\.route\(\s*"/`)
)

func csRoutes(p string, b []byte) (string, []int) {
	return "aspnet", matchLines(b, []string{"[Http", ".Map"}, func(l []byte, _ int) bool {
		return !commented(l) && (lead(reAspAttr, l) || lead(reAspMinAPI, l))
	})
}

func rustRoutes(p string, b []byte) (string, []int) {
	return "rust", matchLines(b, []string{"#[", ".route("}, func(l []byte, _ int) bool {
		return lead(reRustAttr, l) || lead(reRustRoute, l)
	})
}

// routeFinders maps source extensions to their route finder.
var routeFinders = map[string]func(string, []byte) (string, []int){
	".js": jsRoutes, ".mjs": jsRoutes, ".cjs": jsRoutes, ".ts": jsRoutes, ".mts": jsRoutes,
	".py":   pyRoutes,
	".java": jvmRoutes, ".kt": jvmRoutes,
	".rb":  rubyRoutes,
	".php": phpRoutes,
	".go":  goRoutes,
	".cs":  csRoutes,
	".rs":  rustRoutes,
}

// routesIn returns the routes defined in one source file.
func routesIn(p string, b []byte) fileRoutes {
	find := routeFinders[strings.ToLower(path.Ext(p))]
	if find == nil {
		return fileRoutes{path: p}
	}
	label, lines := find(p, b)
	return fileRoutes{path: p, label: label, lines: lines}
}

// nextPagesAPI reports a Next.js pages-router API file: each is one route.
func nextPagesAPI(p string) bool {
	return (strings.HasPrefix(p, "pages/api/") || strings.HasPrefix(p, "src/pages/api/")) &&
		routeFinders[path.Ext(p)] != nil
}
