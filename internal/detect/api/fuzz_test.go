package api

import (
	"bytes"
	"testing"
)

func FuzzRoutes(f *testing.F) {
	f.Add("src/routes.js", []byte("const r = express.Router();\nr.get('/x', h)\n"))
	f.Add("polls/urls.py", []byte("\"\"\"\npath('', v)\n\"\"\"\nurlpatterns = [path('a/', v)]\n'''"))
	f.Add("app/Web.java", []byte("@RestController\n@RequestMapping(\"/a\")\n"))
	f.Add("config/routes.rb", []byte("resources :a\nget 'b'"))
	f.Add("routes/api.php", []byte("Route::get('/a', fn() => 1);\n->get('"))
	f.Add("main.go", []byte("import \"github.com/go-chi/chi\"\nr.Get(\"/\", h)"))
	f.Add("Program.cs", []byte("app.MapGet(\"/\""))
	f.Add("src/main.rs", []byte("#[get(\"/\")]"))
	f.Add("app/api/route.ts", []byte("export async function GET"))
	f.Fuzz(func(t *testing.T, p string, b []byte) {
		fr := routesIn(p, b)
		n := bytes.Count(b, []byte{'\n'}) + 1
		prev := 0
		for _, l := range fr.lines {
			if l <= prev || l > n {
				t.Fatalf("lines %v not increasing within 1..%d", fr.lines, n)
			}
			prev = l
		}
		consumes(langOf[p], b)
		openAPI(b)
		postman(b)
		graphQLSchema(b)
		if len(blankDocstrings(b)) != len(b) {
			t.Fatal("blankDocstrings changed the length")
		}
	})
}

func FuzzAPIHeading(f *testing.F) {
	f.Add([]byte("# x\n## API\n"))
	f.Add([]byte("Title\n=====\nRoutes\n---\n```\n# API\n"))
	f.Add([]byte("<h2>API</h2>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if l := apiHeading(b); l < 0 || l > bytes.Count(b, []byte{'\n'})+1 {
			t.Fatalf("line %d out of range", l)
		}
	})
}
