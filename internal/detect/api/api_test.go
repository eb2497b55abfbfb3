package api

import (
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
	"github.com/pathway-dev/pathway/internal/snapshot/snapshottest"
)

// load reads testdata/<name> into a snapshot as a source would.
func load(t testing.TB, name string) *snapshot.Repo {
	t.Helper()
	return snapshottest.Dir(t, filepath.Join("testdata", name), name)
}

func memRepo(files map[string]string) *snapshot.Repo { return snapshottest.Map("mem", files) }

// texts returns "path:line text" of the evidence.
func texts(ev []facts.Evidence) []string {
	var out []string
	for _, e := range ev {
		out = append(out, e.Path+":"+itoa(e.Line)+" "+e.Text)
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func TestFixtures(t *testing.T) {
	cases := []struct {
		name          string
		routes        int
		openapi       []string
		graphql       []string
		postman       []string
		readme        bool
		consumes      bool
		firstEvidence string // the most telling route evidence
	}{
		{name: "express-good", routes: 8, openapi: []string{"docs/openapi.yaml"}, readme: true, consumes: true,
			firstEvidence: "src/routes/users.js:5 express: 5 route definitions"},
		// app.get('port') reads a setting; api.get('/todos') in the client calls the API.
		// Prettier wraps long route calls: router.get(\n  '/articles/feed', ... (node-express-realworld);
		// the front end's wrapped axios calls are still no routes.
		{name: "express-prettier", routes: 10, consumes: true,
			firstEvidence: "src/app/routes/article/article.controller.ts:11 express: 5 route definitions"},
		{name: "express-bad", routes: 1, consumes: true, firstEvidence: "server.js:6 express: 1 route definition"},
		{name: "nestjs", routes: 4, openapi: []string{"package.json"},
			firstEvidence: "src/users/users.controller.ts:8 nestjs: 4 route definitions"},
		{name: "flask", routes: 4, readme: true, consumes: true,
			firstEvidence: "blueprints/api.py:7 flask: 3 route definitions"},
		// flask-realworld: flask-apispec only for use_kwargs/marshal_with,
		// no FlaskApiSpec(app), so no document is published.
		{name: "flask-apispec", routes: 3,
			firstEvidence: "conduit/user/views.py:11 flask: 2 route definitions"},
		{name: "fastapi", routes: 4, openapi: []string{"docs/inventory.yml"}, consumes: true,
			firstEvidence: "app/routers/items.py:7 fastapi: 3 route definitions"},
		{name: "django-good", routes: 4, firstEvidence: "polls/urls.py:7 django: 4 route definitions"},
		// startproject's urls.py: the admin site and a docstring example only.
		{name: "django-bad", routes: 0},
		{name: "spring", routes: 5, consumes: true,
			firstEvidence: "src/main/java/com/example/shop/web/UserController.java:10 spring: 5 route definitions"},
		{name: "rails", routes: 5, firstEvidence: "config/routes.rb:3 rails: 5 route definitions"},
		{name: "laravel", routes: 5, consumes: true, firstEvidence: "routes/api.php:7 laravel: 4 route definitions"},
		{name: "gin", routes: 5, openapi: []string{"docs/swagger.json", "docs/swagger.yaml", "go.mod"},
			firstEvidence: "main.go:13 gin: 5 route definitions"},
		{name: "graphql", routes: 0, graphql: []string{"src/schema.graphql"},
			postman: []string{"postman/Library.postman_collection.json"}, consumes: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Detect(load(t, c.name))
			if got.Routes != c.routes {
				t.Errorf("Routes = %d, want %d\n%s", got.Routes, c.routes, strings.Join(texts(got.Evidence), "\n"))
			}
			for _, x := range []struct {
				what      string
				got, want []string
			}{{"OpenAPI", got.OpenAPI, c.openapi}, {"GraphQL", got.GraphQL, c.graphql}, {"Postman", got.Postman, c.postman}} {
				if len(x.got) != 0 || len(x.want) != 0 {
					if !reflect.DeepEqual(x.got, x.want) {
						t.Errorf("%s = %v, want %v", x.what, x.got, x.want)
					}
				}
			}
			if got.ReadmeSection != c.readme {
				t.Errorf("ReadmeSection = %v, want %v", got.ReadmeSection, c.readme)
			}
			wantDocs := c.readme || len(c.openapi)+len(c.graphql)+len(c.postman) > 0
			if got.Docs != wantDocs {
				t.Errorf("Docs = %v, want %v", got.Docs, wantDocs)
			}
			if got.Consumes != c.consumes {
				t.Errorf("Consumes = %v, want %v\n%s", got.Consumes, c.consumes, strings.Join(texts(got.Evidence), "\n"))
			}
			if c.firstEvidence != "" {
				if ev := texts(got.Evidence); len(ev) == 0 || ev[0] != c.firstEvidence {
					t.Errorf("first evidence = %q, want %q", ev, c.firstEvidence)
				}
			}
			for _, e := range got.Evidence {
				if strings.HasPrefix(e.Text, "readme:") {
					if b := load(t, c.name).Contents[e.Path]; !strings.Contains(strings.Split(string(b), "\n")[e.Line-1], "API") {
						t.Errorf("readme evidence %s:%d is not an API heading", e.Path, e.Line)
					}
				}
			}
			if len(got.Evidence) > maxEvidence {
				t.Errorf("%d evidence items, want at most %d", len(got.Evidence), maxEvidence)
			}
		})
	}
}

func TestRouteStyles(t *testing.T) {
	cases := []struct {
		name  string
		path  string
		text  string
		label string
		want  int
	}{
		{"chi", "cmd/api/routes.go", "import \"github.com/go-chi/chi/v5\"\nfunc routes(r chi.Router) {\n\tr.Get(\"/users\", list)\n\tr.Post(\"/users\", create)\n\tr.Route(\"/admin\", admin)\n}\n", "chi", 2},
		{"fiber", "main.go", "import \"github.com/gofiber/fiber/v2\"\napp.Get(\"/\", h)\napp.Delete(\"/x/:id\", h)\n", "fiber", 2},
		{"echo", "server.go", "import \"github.com/labstack/echo/v4\"\ne.GET(\"/users/:id\", getUser)\ne.PUT(\"/users/:id\", updateUser)\n", "echo", 2},
		{"net/http 1.22 patterns", "main.go", "mux := http.NewServeMux()\nmux.HandleFunc(\"GET /items/{id}\", get)\nhttp.Handle(\"/static/\", fs)\n", "go-net-http", 2},
		{"go http client is not a router", "client.go", "resp, _ := client.Get(\"/users\")\nres, _ := resty.New().R().Get(\"/users\")\n", "go-net-http", 0},
		{"gorilla", "router.go", "import \"github.com/gorilla/mux\"\nr.HandleFunc(\"/articles/{id}\", h).Methods(\"GET\")\n", "gorilla", 1},
		{"aspnet controller", "Controllers/WeatherController.cs", "[ApiController]\n[Route(\"[controller]\")]\npublic class WeatherController {\n  [HttpGet]\n  public IEnumerable<W> Get() {}\n  [HttpPost(\"{id}\")]\n  public void Post() {}\n}\n", "aspnet", 2},
		{"aspnet minimal", "Program.cs", "var app = builder.Build();\napp.MapGet(\"/todos\", () => todos);\napp.MapPost(\"/todos\", (Todo t) => t);\n", "aspnet", 2},
		{"next app router", "app/api/users/route.ts", "export async function GET(req: Request) {}\nexport async function POST(req: Request) {}\n", "nextjs", 2},
		{"fastify", "src/server.js", "const fastify = require('fastify')()\nfastify.get('/', async () => ({}))\nfastify.route({ method: 'POST', url: '/x', handler })\n", "fastify", 2},
		{"hono", "src/index.ts", "import { Hono } from 'hono'\nconst api = new Hono()\napi.get('/posts', (c) => c.json([]))\n", "hono", 1},
		{"symfony", "src/Controller/BlogController.php", "class BlogController {\n    #[Route('/blog', name: 'blog_list')]\n    public function list() {}\n}\n", "symfony", 1},
		{"slim", "public/index.php", "use Slim\\Factory\\AppFactory;\n$app->get('/hello/{name}', function ($req, $res) {});\n", "slim", 1},
		{"ktor", "src/main/kotlin/Routing.kt", "import io.ktor.server.routing.*\nrouting {\n    get(\"/\") { call.respondText(\"Hi\") }\n    post(\"/items\") { }\n}\n", "ktor", 2},
		{"jax-rs", "src/main/java/Res.java", "import jakarta.ws.rs.*;\n@Path(\"/items\")\npublic class Res {\n  @GET\n  public List<I> all() {}\n}\n", "jax-rs", 1},
		{"sinatra", "app.rb", "require 'sinatra'\nget '/' do\n  'hi'\nend\npost '/items' do\nend\n", "sinatra", 2},
		{"actix", "src/main.rs", "#[get(\"/\")]\nasync fn index() -> impl Responder {}\n", "rust", 1},
	}
	for _, c := range cases {
		fr := routesIn(c.path, []byte(c.text))
		if len(fr.lines) != c.want || (c.want > 0 && fr.label != c.label) {
			t.Errorf("%s: %s routes at %v, want %s x%d", c.name, fr.label, fr.lines, c.label, c.want)
		}
	}
}

// TestWrappedCalls: formatters (Prettier, Black, gofmt by hand, rustfmt,
// php-cs-fixer) put the path of a long route call on the next line. The
// path may follow the call's "(" within a few lines; a call that only
// starts on a continuation line is counted on its own line, once.
func TestWrappedCalls(t *testing.T) {
	cases := []struct {
		name  string
		path  string
		text  string
		label string
		lines []int
	}{
		{"express router", "src/routes/article.ts", "import { Router } from 'express';\nconst router = Router();\nrouter.get(\n  '/articles/feed',\n  auth.required,\n  async (req, res) => {\n    res.json(await feed());\n  },\n);\nrouter.delete(\r\n  '/articles/:slug',\r\n  auth.required,\r\n  remove,\r\n);\n", "express", []int{3, 10}},
		{"express path after a blank line", "src/app.js", "const app = express();\napp.post(\n\n  '/login',\n  login,\n);\n", "express", []int{2}},
		{"path too far from the call", "src/app.js", "const app = express();\napp.get(\n  // TODO: versioned path\n  // once v2 lands\n  // see #12\n  // and #13\n  '/x',\n  h,\n);\n", "express", nil},
		{"route inside a wrapped call counts once, on its line", "src/app.js", "const app = express();\nmetrics.wrap(\n  app.get('/health', ok),\n);\n", "express", []int{3}},
		{"non-route wrapped call", "src/config.js", "const app = express();\nconst port = config.get(\n  'port',\n);\napp.use(\n  '/static',\n  serve,\n);\n", "express", nil},
		{"nestjs decorator", "src/articles/articles.controller.ts", "import { Controller, Get, Post } from '@nestjs/common';\n@Controller('articles')\nexport class ArticlesController {\n  @Get(\n    ':slug/comments',\n  )\n  comments() {}\n  @Post()\n  create() {}\n}\n", "nestjs", []int{4, 8}},
		{"fastapi black", "app/api/routes/articles.py", "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.get(\n    \"/articles/{slug}\",\n    response_model=ArticleInResponse,\n    name=\"articles:get-article\",\n)\nasync def retrieve_article_by_slug(slug: str):\n    return slug\n", "fastapi", []int{6}},
		{"django black", "conduit/urls.py", "from django.urls import include, path\n\nurlpatterns = [\n    path(\n        \"api/articles/<slug:slug>/comments/\",\n        CommentsListCreateAPIView.as_view(),\n    ),\n    path(\n        \"api/\",\n        include(\"conduit.apps.profiles.urls\"),\n    ),\n]\n", "django", []int{4}},
		{"symfony attribute", "src/Controller/ArticleController.php", "<?php\nclass ArticleController extends AbstractController\n{\n    #[Route(\n        '/api/articles/{slug}',\n        name: 'article_show',\n        methods: ['GET'],\n    )]\n    public function show(string $slug) {}\n}\n", "symfony", []int{4}},
		{"laravel verb in routes", "routes/api.php", "<?php\nuse Illuminate\\Support\\Facades\\Route;\nRoute::middleware('auth:api')->group(function () {\n    $router = app('router');\n    $router->get(\n        'articles/feed',\n        [ArticleController::class, 'feed'],\n    );\n});\n", "laravel", []int{5}},
		{"gin", "routers/articles.go", "import \"github.com/gin-gonic/gin\"\nfunc Register(r *gin.RouterGroup) {\n\tr.GET(\n\t\t\"/:slug/comments\",\n\t\tCommentList,\n\t)\n}\n", "gin", []int{3}},
		{"axum", "src/routes.rs", "pub fn router() -> Router {\n    Router::new()\n        .route(\n            \"/api/articles/:slug\",\n            get(get_article).put(update_article),\n        )\n}\n", "rust", []int{3}},
		{"aspnet minimal", "Program.cs", "var app = builder.Build();\napp.MapGet(\n    \"/articles/{slug}\",\n    (string slug, Db db) => db.Find(slug));\n", "aspnet", []int{2}},
	}
	for _, c := range cases {
		fr := routesIn(c.path, []byte(c.text))
		if !reflect.DeepEqual(fr.lines, c.lines) || (len(c.lines) > 0 && fr.label != c.label) {
			t.Errorf("%s: %s routes at %v, want %s at %v", c.name, fr.label, fr.lines, c.label, c.lines)
		}
	}
}

func TestNextPagesAPI(t *testing.T) {
	r := memRepo(map[string]string{
		"pages/api/hello.ts":      "export default function handler(req, res) { res.json({}) }\n",
		"pages/api/users/[id].js": "export default function handler(req, res) {}\n",
		"pages/index.tsx":         "export default function Home() { return null }\n",
	})
	if got := Detect(r); got.Routes != 2 {
		t.Errorf("Routes = %d, want 2 (%v)", got.Routes, got.Evidence)
	}
}

func TestAPIHeading(t *testing.T) {
	cases := []struct {
		text string
		line int
	}{
		{"# App\n\n## API\n", 3},
		{"# App\n\n### 📡 REST endpoints\n", 3},
		{"App\n===\n\nRoutes\n------\n", 4},
		{"<h2 align=\"center\">API Reference</h2>\n", 1},
		{"# App\n## API keys\nSet API_KEY.\n", 0},
		{"# App\n```\n# API\n```\n", 0},
		{"# App\n#API\n", 0},
		{"# Rapid prototyping\n", 0},
		{"# App\n\nUse the API at /api.\n", 0},
		{"Usage\n-----\n\nGraphQL\n~~~~~~~\n", 4},
		{"# users-api\n\n## Install\n", 0},
		{"# Books API\n\nA REST service.\n\n## Usage\n", 0},
		{"Books API\n=========\n\nEndpoints\n---------\n", 4},
		{"# shop\n## Tech stack\n## API documentation\n", 3},
	}
	for _, c := range cases {
		if got := apiHeading([]byte(c.text)); got != c.line {
			t.Errorf("apiHeading(%q) = %d, want %d", c.text, got, c.line)
		}
	}
}

func TestConsumes(t *testing.T) {
	cases := []struct {
		path, text string
		want       bool
	}{
		{"src/weather.go", "req, _ := http.NewRequest(\"GET\", \"https://api.weather.gov/points\", nil)", true},
		{"src/local.go", "req, _ := http.NewRequest(http.MethodGet, \"http://localhost:8080/x\", nil)", false},
		{"src/app.js", "const r = await fetch('https://api.github.com/users/octo');", true},
		{"src/app.js", "const r = await fetch('/api/todos');", false},
		{"src/app.js", "// axios.get('https://x.example')", false},
		{"svc/Client.java", "private final RestTemplate rest = new RestTemplate();", true},
		{"svc/Client.java", "WebClient client = WebClient.builder().baseUrl(url).build();", true},
		{"app/client.rb", "res = Net::HTTP.get_response(URI(url))", true},
		{"app/Gw.php", "use GuzzleHttp\\Client;", true},
		{"Services/Api.cs", "using var client = new HttpClient();", true},
		{"sync.py", "resp = requests.post(URL, json=payload, timeout=5)", true},
		{"sync.py", "import requests  # unused", false},
	}
	for _, c := range cases {
		got := Detect(memRepo(map[string]string{c.path: c.text}))
		if got.Consumes != c.want {
			t.Errorf("%s: %q: Consumes = %v, want %v", c.path, c.text, got.Consumes, c.want)
		}
	}
}

func TestSpecsByContentAndName(t *testing.T) {
	r := memRepo(map[string]string{
		"api/petstore.json":   `{"openapi":"3.0.0","info":{"title":"Pets"}}`,
		"config/swagger.json": `{"swagger_ui": {"deepLinking": true}}`,
		"k8s/deploy.yaml":     "apiVersion: apps/v1\nkind: Deployment\n",
		"docs/readme.yaml":    "description: |\n  openapi: 3.0.0 is what we use\n",
	})
	r.Files = append(r.Files, snapshot.File{Path: "spec/openapi.yml"})
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	got := Detect(r)
	if want := []string{"api/petstore.json", "spec/openapi.yml"}; !reflect.DeepEqual(got.OpenAPI, want) {
		t.Errorf("OpenAPI = %v, want %v (a swagger-ui config and an indented mention are not specs; an unread openapi.yml counts by name)", got.OpenAPI, want)
	}
}

func TestUnknownContentIsNotAbsence(t *testing.T) {
	r := &snapshot.Repo{Files: []snapshot.File{{Path: "schema.graphql"}, {Path: "src/routes.js"}}}
	got := Detect(r)
	if !reflect.DeepEqual(got.GraphQL, []string{"schema.graphql"}) {
		t.Errorf("GraphQL = %v: an unread .graphql file still names a schema", got.GraphQL)
	}
	if Detect(nil).Routes != 0 {
		t.Error("nil repo")
	}
}

// TestSpecBuilderConfirmsGenerator: flask-apispec publishes /swagger/ once
// FlaskApiSpec registers the views; unread code leaves the manifest's word.
func TestSpecBuilderConfirmsGenerator(t *testing.T) {
	files := map[string]string{
		"requirements.txt": "Flask==2.2.2\nflask-apispec==0.11.4\n",
		"app/views.py":     "from flask import Blueprint\nfrom flask_apispec import marshal_with\n\nbp = Blueprint('pets', __name__)\n\n\n@bp.route('/pets')\n@marshal_with(PetSchema(many=True))\ndef pets():\n    return Pet.query.all()\n",
		"app/__init__.py":  "from flask import Flask\nfrom flask_apispec.extension import FlaskApiSpec\n\napp = Flask(__name__)\ndocs = FlaskApiSpec(app)\n",
	}
	a := Detect(memRepo(files))
	if !reflect.DeepEqual(a.OpenAPI, []string{"requirements.txt"}) || !a.Docs {
		t.Errorf("FlaskApiSpec(app): openapi = %q docs = %v, want [requirements.txt] true", a.OpenAPI, a.Docs)
	}
	if !slicesContains(texts(a.Evidence), "app/__init__.py:5 openapi: built by FlaskApiSpec in the code") {
		t.Errorf("evidence lacks the builder: %q", texts(a.Evidence))
	}

	delete(files, "app/__init__.py")
	if a := Detect(memRepo(files)); len(a.OpenAPI) != 0 || a.Docs {
		t.Errorf("decorators only: openapi = %q docs = %v, want none", a.OpenAPI, a.Docs)
	}

	r := memRepo(files)
	delete(r.Contents, "app/views.py")
	if a := Detect(r); !reflect.DeepEqual(a.OpenAPI, []string{"requirements.txt"}) {
		t.Errorf("code not fetched: openapi = %q, want the manifest's word", a.OpenAPI)
	}
}

func slicesContains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}
