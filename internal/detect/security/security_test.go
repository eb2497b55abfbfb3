package security

import (
	"cmp"
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
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

// where lists findings as "kind path:line" for compact comparison.
func where(ev []facts.Evidence) []string {
	var out []string
	for _, e := range ev {
		k, _, _ := strings.Cut(e.Text, ":")
		s := k + " " + e.Path + ":" + strconv.Itoa(e.Line)
		if strings.Contains(e.Text, "lower confidence") {
			s += " (low)"
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestFixtures(t *testing.T) {
	cases := []struct {
		name       string
		auth       []string
		flags      []string
		findings   []string
		envExample bool
		updates    []string
		policy     bool
		lockfile   bool
	}{
		{
			name:  "express-bad",
			auth:  []string{"bcrypt", "jwt"},
			flags: []string{"committed-env", "hardcoded-secret"},
			findings: []string{
				"committed-env .env:0",
				"hardcoded-secret .env:3",
				"hardcoded-secret src/routes/auth.js:17",
			},
			updates:  []string{},
			lockfile: true,
		},
		{
			name:       "express-good",
			auth:       []string{"bcrypt", "passport", "sessions"},
			flags:      []string{},
			findings:   []string{"hardcoded-secret test/auth.test.js:4 (low)", "hardcoded-secret test/auth.test.js:7 (low)"},
			envExample: true, updates: []string{"dependabot"}, policy: true, lockfile: true,
		},
		{
			name:     "spring-bad",
			auth:     []string{"bcrypt", "jwt", "spring-security"},
			flags:    []string{"hardcoded-secret"},
			findings: []string{"hardcoded-secret src/main/resources/application.properties:5"},
			updates:  []string{},
		},
		{
			name:    "spring-good",
			auth:    []string{"jwt", "oauth", "spring-security"},
			flags:   []string{},
			updates: []string{"renovate"}, lockfile: true,
		},
		{
			name:     "django-bad",
			auth:     []string{"jwt", "sessions"},
			flags:    []string{"hardcoded-secret"},
			findings: []string{"hardcoded-secret blog/settings.py:6"},
			updates:  []string{},
		},
		{
			// django.contrib.auth is in every INSTALLED_APPS: not evidence of auth work.
			name: "django-good", auth: []string{}, flags: []string{}, envExample: true, updates: []string{},
		},
		{
			name:     "fastapi-bad",
			auth:     []string{"bcrypt", "jwt"},
			flags:    []string{"hardcoded-secret"},
			findings: []string{"hardcoded-secret app/auth.py:6"},
			updates:  []string{},
		},
		{
			name: "fastapi-good", auth: []string{"argon2", "jwt"}, flags: []string{}, updates: []string{}, lockfile: true,
		},
		{
			name:     "rails-bad",
			auth:     []string{"bcrypt", "devise"},
			flags:    []string{"hardcoded-secret"},
			findings: []string{"hardcoded-secret config/master.key:0"},
			updates:  []string{}, lockfile: true,
		},
		{
			// Only Sanctum, whose personal access tokens are neither OAuth
			// nor JWT, and no login scaffold: no auth id.
			name:       "laravel-bad",
			auth:       []string{},
			flags:      []string{"committed-env", "hardcoded-secret"},
			findings:   []string{"committed-env .env:0", "hardcoded-secret .env:3"},
			envExample: true, updates: []string{},
		},
		{
			// An untouched Laravel 10 skeleton: laravel/sanctum in
			// composer.json, HasApiTokens on User, auth:sanctum on /user.
			name: "laravel-skeleton", auth: []string{}, flags: []string{}, envExample: true, updates: []string{},
		},
		{
			// The same skeleton with Breeze's session login installed.
			name: "laravel-breeze", auth: []string{"sessions"}, flags: []string{}, envExample: true, updates: []string{},
		},
		{
			// gorilla/sessions is only an indirect requirement; bcrypt comes
			// from the x/crypto import, which go.mod cannot show.
			name: "gin-good", auth: []string{"bcrypt", "jwt"}, flags: []string{}, updates: []string{}, lockfile: true,
		},
		{
			name:     "certs-bad",
			auth:     []string{},
			flags:    []string{"private-key"},
			findings: []string{"private-key certs/server.key:1", "private-key tests/fixtures/client.pem:1 (low)"},
			updates:  []string{},
		},
		{
			name: "clean", auth: []string{}, flags: []string{}, envExample: true,
			updates: []string{"dependabot"}, policy: true,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Detect(load(t, c.name))
			if !reflect.DeepEqual(got.Auth, c.auth) {
				t.Errorf("Auth = %v, want %v (evidence %v)", got.Auth, c.auth, got.Evidence)
			}
			if !reflect.DeepEqual(got.Flags, c.flags) {
				t.Errorf("Flags = %v, want %v", got.Flags, c.flags)
			}
			if w := where(got.Findings); !reflect.DeepEqual(w, c.findings) {
				t.Errorf("Findings = %q, want %q", w, c.findings)
			}
			if got.EnvExample != c.envExample || got.Policy != c.policy || got.Lockfile != c.lockfile {
				t.Errorf("EnvExample, Policy, Lockfile = %v, %v, %v; want %v, %v, %v",
					got.EnvExample, got.Policy, got.Lockfile, c.envExample, c.policy, c.lockfile)
			}
			if !reflect.DeepEqual(got.DependencyUpdates, c.updates) {
				t.Errorf("DependencyUpdates = %v, want %v", got.DependencyUpdates, c.updates)
			}
			for _, id := range got.Auth {
				if !hasEvidence(got.Evidence, id+":") {
					t.Errorf("no evidence for auth %s: %v", id, got.Evidence)
				}
			}
			assertNoSecrets(t, load(t, c.name), got)
		})
	}
}

func hasEvidence(ev []facts.Evidence, prefix string) bool {
	for _, e := range ev {
		if strings.HasPrefix(e.Text, prefix) && e.Path != "" {
			return true
		}
	}
	return false
}

// assertNoSecrets checks that no value from a flagged line reaches the JSON:
// every long token of the line after its key must be absent.
func assertNoSecrets(t *testing.T, r *snapshot.Repo, sec facts.Security) {
	t.Helper()
	js, err := json.Marshal(sec)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range sec.Findings {
		b := r.Contents[f.Path]
		lines := strings.Split(string(b), "\n")
		var check []string
		if f.Line == 0 {
			check = lines // whole-file findings: nothing of the file may leak
		} else {
			check = lines[f.Line-1 : min(len(lines), f.Line+2)]
		}
		for _, l := range check {
			for _, piece := range strings.FieldsFunc(l, func(c rune) bool { return strings.ContainsRune(" \t=:'\"`,(){}", c) }) {
				if len(piece) >= 12 && entropy([]byte(piece)) > 3 && strings.Contains(string(js), piece) {
					t.Errorf("secret-like value %q from %s:%d leaked into facts JSON", piece, f.Path, f.Line)
				}
			}
		}
	}
}

// token builds a provider token at run time so that no literal credential
// sits in this repository's own files.
func token(prefix string, n int) string {
	const alpha = "Zq8Lm3Xv7Rt2Wn5Kp9Hc4Jd6Fb1Gs0Ye"
	var b strings.Builder
	b.WriteString(prefix)
	for i := 0; i < n; i++ {
		b.WriteByte(alpha[(i*7+3)%len(alpha)])
	}
	return b.String()
}

func TestProviderTokens(t *testing.T) {
	aws := token("AK"+"IA", 16)
	awsUpper := strings.ToUpper(aws)
	gh := token("gh"+"p_", 36)
	pat := token("github"+"_pat_", 60)
	slack := token("xo"+"xb-", 12) + "-" + token("", 14)
	stripe := token("sk"+"_live_", 24)
	google := token("AI"+"za", 35)
	r := memRepo(map[string]string{
		"deploy/aws.sh":            "export AWS_ACCESS_KEY_ID=" + awsUpper + "\nexport AWS_SECRET_ACCESS_KEY=" + token("", 40) + "\n",
		"scripts/release.py":       "import requests\nHEADERS = {'Authorization': 'token " + gh + "'}\n",
		"docs/notes.md":            "old token: " + pat + "\n",
		"src/notify.js":            "const slack = new WebClient('" + slack + "');\n",
		"server/billing.rb":        "Stripe.api_key = \"" + stripe + "\"\n",
		"web/src/firebase.ts":      "export const firebaseConfig = {\n  apiKey: \"" + google + "\",\n};\n",
		"README.md":                "Example: " + token("gh"+"p_", 0) + strings.Repeat("x", 36) + "\n",
		"docs/aws.md":              "Use " + "AK" + "IAIOSFODNN7EXAMPLE in the docs.\n",
		"src/test/resources/a.yml": "token: " + gh + "\n",
	})
	got := Detect(r)
	want := []string{"aws-key", "github-token", "google-api-key", "hardcoded-secret", "slack-token", "stripe-key"}
	if !reflect.DeepEqual(got.Flags, want) {
		t.Errorf("Flags = %v, want %v\nfindings %v", got.Flags, want, got.Findings)
	}
	w := where(got.Findings)
	for _, f := range []string{"aws-key deploy/aws.sh:1", "github-token scripts/release.py:2", "github-token docs/notes.md:1",
		"slack-token src/notify.js:1", "stripe-key server/billing.rb:1", "google-api-key web/src/firebase.ts:2"} {
		if !contains(w, f) {
			t.Errorf("missing finding %q in %q", f, w)
		}
	}
	for _, f := range w {
		if strings.Contains(f, "README.md") || strings.Contains(f, "docs/aws.md") {
			t.Errorf("placeholder reported: %s", f)
		}
		if f == "hardcoded-secret web/src/firebase.ts:2" || f == "hardcoded-secret server/billing.rb:1" {
			t.Errorf("provider key reported twice on its line: %s", f)
		}
	}
	if !contains(w, "hardcoded-secret deploy/aws.sh:2") {
		t.Errorf("AWS secret access key literal not reported: %q", w)
	}
	js, _ := json.Marshal(got)
	for _, secret := range []string{awsUpper, gh, pat, slack, stripe, google} {
		if strings.Contains(string(js), secret) {
			t.Errorf("secret value leaked into JSON: %s", js)
		}
	}
	if !strings.Contains(string(js), "with its secret access key") {
		t.Errorf("AWS key id with secret in the same file not described: %s", js)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestHardcodedSecretRules(t *testing.T) {
	random := "f3Kq9ZpL2vXw8RtY6mNb4HcJ"
	cases := []struct {
		path, text string
		want       bool
	}{
		{"config/application.yml", "jwt:\n  secret: " + random + "\n", true},
		{"src/main/resources/application.properties", "app.jwtSecret=" + random, true},
		{"config.py", "app.config['SECRET_KEY'] = '" + random + "'", true},
		{"server/config.go", "const apiKey = \"" + random + "\"", true},
		{"main.go", "var jwtKey = []byte(\"" + random + "\")", true},
		{"src/auth.ts", "const JWT_SECRET = 'supersecretjwtkey'", true},
		{"docker-compose.yml", "      MYSQL_ROOT_PASSWORD: " + random, true},
		{"app/Http/Kernel.php", "'secret' => '" + random + "',", true},
		{"src/auth.js", "const token = jwt.sign({ id }, 'abc');", true},
		{"internal/auth.go", "s, _ := t.SignedString([]byte(\"k3y\"))", true},
		{"src/Jwt.java", "return Jwts.builder().signWith(SignatureAlgorithm.HS512, \"mykey\").compact();", true},
		// aspnetcore-realworld's ServicesExtensions.AddJwt: the key literal on the line after the call.
		{"src/Api/ServicesExtensions.cs", "    public static void AddJwt(this IServiceCollection services)\n    {\n        var signingKey = new SymmetricSecurityKey(\n            \"" + random + "\"u8.ToArray()\n        );\n", true},
		{"src/Api/Program.cs", "var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(\"k3y\"));", true},
		// traps
		{"src/Api/Program.cs", "var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration[\"Jwt:Key\"]!));", false},
		{"src/Api/Program.cs", "var key = new SymmetricSecurityKey(\n    Convert.FromBase64String(Environment.GetEnvironmentVariable(\"JWT_KEY\")));", false},
		{"config/application.yml", "jwt:\n  secret: ${JWT_SECRET:}\n", false},
		{"src/main/resources/application.properties", "jwt.secret=ENC(" + random + ")", false},
		{"settings.py", "SECRET_KEY = os.environ.get('SECRET_KEY')", false},
		{"src/config.js", "secret: process.env.JWT_SECRET,", false},
		{"src/auth.js", "const token = jwt.sign({ id }, process.env.JWT_SECRET);", false},
		{"src/form.js", "password: \"passwordConfirmation\",", false},
		{"src/i18n/en.json", "\"password\": \"Password must contain a digit\"", false},
		{"config.yml", "token_url: https://oauth2.example.com/token", false},
		{"config.yml", "jwt.expiration: 86400000000000", false},
		{"config.yml", "password: changeme-please-now", false},
		{"config.yml", "# secret: " + random, false},
		{"app.py", "if password == \"" + random + "\":", false},
		{"auth.ts", "password: string;", false},
		{"settings.py", "SECRET_KEY = f\"{BASE}-" + random + "\"", false},
		{"config.yml", "secret: short", false},
		{"config.yml", "api_key: xxxxxxxxxxxxxxxxxxxx", false},
		{"config.yml", "contact_email_password_reset: admin@example.org", false},
	}
	for _, c := range cases {
		got := Detect(memRepo(map[string]string{c.path: c.text}))
		has := contains(got.Flags, "hardcoded-secret")
		if has != c.want {
			t.Errorf("%s: %q: hardcoded-secret = %v, want %v (%v)", c.path, c.text, has, c.want, got.Findings)
		}
		if js, _ := json.Marshal(got); strings.Contains(string(js), random) {
			t.Errorf("%s: value leaked: %s", c.path, js)
		}
	}
}

func TestEnvFiles(t *testing.T) {
	cases := map[string]string{
		".env": "env", ".env.production": "env", "api/.env.local": "env", "prod.env": "env",
		".env.example": "example", ".env.sample": "example", ".env.template": "example", "env.example": "example",
		".env.dist": "example", ".envrc": "", "src/env.ts": "", "env.d.ts": "", ".env.d.ts": "", "environment.ts": "",
	}
	for p, want := range cases {
		if got := envKind(filepath.Base(p)); got != want {
			t.Errorf("envKind(%q) = %q, want %q", p, got, want)
		}
	}
	r := memRepo(map[string]string{
		".env.production":          "NODE_ENV=production\n",
		"node_modules/x/.env":      "A=1\n",
		"tests/.env":               "DB=sqlite\n",
		"frontend/.env.local":      "VITE_API=http://localhost\n",
		"backend/.env.example":     "SECRET=\n",
		"frontend/src/env.d.ts":    "/// <reference types=\"vite/client\" />\n",
		"frontend/src/env.test.ts": "",
	})
	got := Detect(r)
	if w := where(got.Findings); !reflect.DeepEqual(w, []string{"committed-env .env.production:0", "committed-env frontend/.env.local:0", "committed-env tests/.env:0 (low)"}) {
		t.Errorf("findings = %q", w)
	}
	if !reflect.DeepEqual(got.Flags, []string{"committed-env"}) || !got.EnvExample {
		t.Errorf("Flags = %v, EnvExample = %v", got.Flags, got.EnvExample)
	}
}

func TestUnknownContent(t *testing.T) {
	r := memRepo(map[string]string{"package.json": `{"dependencies":{"jsonwebtoken":"9"}}`})
	r.Files = append(r.Files, snapshot.File{Path: "src/secret.js"}, snapshot.File{Path: "~/.ssh/id_rsa"})
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	r.Files[len(r.Files)-1].Path = "keys/id_rsa"
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	got := Detect(r)
	if !reflect.DeepEqual(got.Auth, []string{"jwt"}) {
		t.Errorf("Auth = %v", got.Auth)
	}
	if !reflect.DeepEqual(got.Flags, []string{"private-key"}) {
		t.Errorf("an id_rsa file must be flagged by name even unread: %v", got.Flags)
	}
	if Detect(nil).Flags == nil || Detect(&snapshot.Repo{}).Auth == nil {
		t.Error("empty repositories must give empty lists, not null")
	}
}

func TestFindingsCapKeepsEveryKind(t *testing.T) {
	files := map[string]string{"certs/a.key": "-----BEGIN PRIVATE KEY-----\n" + strings.Repeat("QUJD", 16) + "\n"}
	for i := 0; i < 30; i++ {
		files["svc"+strconv.Itoa(i)+"/.env"] = "X=1\n"
	}
	got := Detect(memRepo(files))
	if len(got.Findings) != maxEvidence {
		t.Fatalf("findings = %d, want %d", len(got.Findings), maxEvidence)
	}
	if !strings.HasPrefix(got.Findings[0].Text, "private-key:") {
		t.Errorf("most telling finding first: %v", got.Findings[0])
	}
}

func TestManifestParsers(t *testing.T) {
	cases := []struct {
		path, text string
		want       []string
	}{
		{"package.json", `{"dependencies":{"Express":"4","@nestjs/jwt":"10"},"devDependencies":{"jest":"29"}}`, []string{"@nestjs/jwt", "express", "jest"}},
		{"composer.json", `{"require":{"php":"^8.2","laravel/sanctum":"^4"}}`, []string{"laravel/sanctum", "php"}},
		{"requirements-dev.txt", "# tools\n-r requirements.txt\nPyJWT[crypto]>=2.8 ; python_version > '3.8'\nflask_login==0.6\n", []string{"flask-login", "pyjwt", "pyjwt[crypto]"}},
		{"requirements/base.txt", "passlib[bcrypt,argon2]\n", []string{"passlib", "passlib[argon2]", "passlib[bcrypt]"}},
		{"go.mod", "module x\n\nrequire (\n\tgithub.com/golang-jwt/jwt/v5 v5.2.1\n\tgolang.org/x/oauth2 v0.1.0 // indirect\n)\n", []string{"github.com/golang-jwt/jwt/v5"}},
		{"pom.xml", "<project><dependencies><dependency><groupId>io.jsonwebtoken</groupId><artifactId>jjwt-api</artifactId></dependency></dependencies></project>", []string{"io.jsonwebtoken:jjwt-api"}},
		{"build.gradle.kts", "dependencies {\n    implementation(\"org.springframework.boot:spring-boot-starter-security\")\n}\n", []string{"org.springframework.boot:spring-boot-starter-security"}},
		{"Gemfile", "source 'https://rubygems.org'\ngem 'devise', '~> 4.9'\n  gem \"omniauth-github\"\n", []string{"devise", "omniauth-github"}},
		{"Api.csproj", `<Project><ItemGroup><PackageReference Include="BCrypt.Net-Next" Version="4.0.3" /></ItemGroup></Project>`, []string{"bcrypt.net-next"}},
		{"pyproject.toml", "[project]\ndependencies = [\"Authlib>=1.3\", \"argon2-cffi\"]\n", []string{"argon2-cffi", "authlib"}},
		{"Pipfile", "[packages]\nflask-bcrypt = \"*\"\n", []string{"flask-bcrypt"}},
	}
	for _, c := range cases {
		parse := manifestParser(c.path)
		if parse == nil {
			t.Errorf("%s: no parser", c.path)
			continue
		}
		var got []string
		for _, d := range parse([]byte(c.text)) {
			got = append(got, d.Name)
			if d.Line == 0 {
				t.Errorf("%s: %s has no line", c.path, d.Name)
			}
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: deps = %v, want %v", c.path, got, c.want)
		}
	}
	for _, p := range []string{"src/package.json.bak", "requirements.md", "go.sum", "docs/Gemfile.lock"} {
		if manifestParser(p) != nil {
			t.Errorf("%s parsed as a manifest", p)
		}
	}
}

// TestAuthEvidenceInFileOrder: nestjs-realworld lists jsonwebtoken before
// passport-jwt; both say jwt, and the evidence must be the first one every
// time, not whichever a map yields first.
func TestAuthEvidenceInFileOrder(t *testing.T) {
	files := map[string]string{
		"package.json": `{
  "name": "nest-blog",
  "dependencies": {
    "@nestjs/core": "^10.0.0",
    "argon2": "^0.31.0",
    "class-validator": "^0.14.0",
    "jsonwebtoken": "^9.0.0",
    "mysql2": "^3.6.0",
    "passport-jwt": "^4.0.1",
    "typeorm": "^0.3.17"
  },
  "devDependencies": {
    "@types/passport-jwt": "^3.0.9",
    "jest": "^29.5.0"
  }
}
`,
	}
	for range 30 {
		got := Detect(memRepo(files))
		var jwt []string
		for _, e := range got.Evidence {
			if strings.HasPrefix(e.Text, "jwt:") {
				jwt = append(jwt, e.Text)
				if e.Line != 7 {
					t.Fatalf("jwt evidence %s:%d %q, want package.json:7 (jsonwebtoken)", e.Path, e.Line, e.Text)
				}
			}
		}
		if len(jwt) != 1 {
			t.Fatalf("jwt evidence %q, want one", jwt)
		}
	}
}

// TestPipfileAuthInFileOrder: Flask-Bcrypt and flask-jwt-extended sit in
// a TOML table read as a map; PyJWT comes first in the file.
func TestPipfileAuthInFileOrder(t *testing.T) {
	files := map[string]string{
		"Pipfile": "[[source]]\nurl = \"https://pypi.org/simple\"\nverify_ssl = true\nname = \"pypi\"\n\n[packages]\nFlask = \"*\"\nPyJWT = \"*\"\nFlask-SQLAlchemy = \"*\"\nFlask-JWT-Extended = \"*\"\n\n[dev-packages]\npytest = \"*\"\n",
	}
	for range 30 {
		found := false
		for _, e := range Detect(memRepo(files)).Evidence {
			if strings.HasPrefix(e.Text, "jwt:") {
				found = true
				if e.Line != 8 {
					t.Fatalf("jwt evidence %s:%d %q, want Pipfile:8 (PyJWT)", e.Path, e.Line, e.Text)
				}
			}
		}
		if !found {
			t.Fatal("no jwt evidence for PyJWT")
		}
	}
}

// Laravel auth comes from the login scaffolds, Passport and the JWT guards;
// Sanctum, which every Laravel 8+ skeleton requires, shows nothing alone.
func TestLaravelAuth(t *testing.T) {
	user := "<?php\n\nnamespace App\\Models;\n\nuse Illuminate\\Foundation\\Auth\\User as Authenticatable;\nuse Laravel\\Sanctum\\HasApiTokens;\n\nclass User extends Authenticatable\n{\n    use HasApiTokens;\n}\n"
	api := "<?php\n\nuse Illuminate\\Http\\Request;\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::middleware('auth:sanctum')->get('/user', function (Request $request) {\n    return $request->user();\n});\n"
	composer := func(deps ...string) string {
		var b strings.Builder
		b.WriteString("{\n    \"require\": {\n        \"php\": \"^8.2\",\n        \"laravel/framework\": \"^10.10\",\n        \"laravel/sanctum\": \"^3.3\"")
		for _, d := range deps {
			b.WriteString(",\n        \"" + d + "\": \"*\"")
		}
		b.WriteString("\n    }\n}\n")
		return b.String()
	}
	cases := []struct {
		name  string
		files map[string]string
		auth  []string
		at    string // path:line of the first auth id's evidence
	}{
		{"sanctum tokens issued by the app", map[string]string{
			"composer.json":  composer(),
			"routes/api.php": api + "\nRoute::post('/tokens', [TokenController::class, 'store']);\nRoute::middleware('auth:sanctum')->apiResource('tasks', TaskController::class);\n",
			"app/Http/Controllers/TokenController.php": "<?php\n\nnamespace App\\Http\\Controllers;\n\nclass TokenController extends Controller\n{\n    public function store(Request $request)\n    {\n        return ['token' => $request->user()->createToken($request->name)->plainTextToken];\n    }\n}\n",
		}, []string{}, ""},
		{"passport", map[string]string{"composer.json": composer("laravel/passport"), "app/Models/User.php": user}, []string{"oauth"}, "composer.json:6"},
		{"jetstream", map[string]string{"composer.json": composer("laravel/jetstream"), "app/Models/User.php": user}, []string{"sessions"}, "composer.json:6"},
		{"fortify", map[string]string{"composer.json": composer("laravel/fortify")}, []string{"sessions"}, "composer.json:6"},
		{"tymon jwt-auth", map[string]string{"composer.json": composer("tymon/jwt-auth")}, []string{"jwt"}, "composer.json:6"},
		{"jwt-auth fork", map[string]string{"composer.json": composer("php-open-source-saver/jwt-auth")}, []string{"jwt"}, "composer.json:6"},
		{"laravel/ui auth routes", map[string]string{
			"composer.json":  composer(),
			"routes/web.php": "<?php\n\nuse Illuminate\\Support\\Facades\\Route;\n\nAuth::routes();\n\nRoute::get('/home', [HomeController::class, 'index'])->name('home');\n",
		}, []string{"sessions"}, "routes/web.php:5"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.files["routes/api.php"] = cmp.Or(c.files["routes/api.php"], api)
			got := Detect(memRepo(c.files))
			if !reflect.DeepEqual(got.Auth, c.auth) {
				t.Fatalf("Auth = %v, want %v (evidence %+v)", got.Auth, c.auth, got.Evidence)
			}
			if c.at == "" {
				return
			}
			e := got.Evidence[0]
			if w := e.Path + ":" + strconv.Itoa(e.Line); w != c.at || !strings.HasPrefix(e.Text, c.auth[0]+":") {
				t.Errorf("evidence %+v, want %s at %s", e, c.auth[0], c.at)
			}
		})
	}
}
