package security

import "strings"

// authDeps maps dependency names (lower case, as in dep.Name) to auth ids.
// A library may mean two things (devise-jwt is Devise and JWT).
var authDeps = map[string][]string{
	// JWT
	"jsonwebtoken": {"jwt"}, "jose": {"jwt"}, "express-jwt": {"jwt"}, "@nestjs/jwt": {"jwt"},
	"passport-jwt": {"jwt", "passport"}, "@fastify/jwt": {"jwt"}, "koa-jwt": {"jwt"},
	"pyjwt": {"jwt"}, "python-jose": {"jwt"}, "djangorestframework-simplejwt": {"jwt"},
	"djangorestframework-jwt": {"jwt"}, "flask-jwt-extended": {"jwt"}, "fastapi-jwt-auth": {"jwt"},
	"com.auth0:java-jwt": {"jwt"}, "github.com/dgrijalva/jwt-go": {"jwt"},
	"firebase/php-jwt": {"jwt"}, "tymon/jwt-auth": {"jwt"}, "php-open-source-saver/jwt-auth": {"jwt"},
	"lcobucci/jwt": {"jwt"}, "jwt": {"jwt"}, "devise-jwt": {"devise", "jwt"}, "knock": {"jwt"},
	"system.identitymodel.tokens.jwt": {"jwt"}, "microsoft.aspnetcore.authentication.jwtbearer": {"jwt"},
	// password hashing
	"bcrypt": {"bcrypt"}, "bcryptjs": {"bcrypt"}, "bcrypt-nodejs": {"bcrypt"}, "passlib": {"bcrypt"},
	"passlib[bcrypt]": {"bcrypt"}, "passlib[argon2]": {"argon2"}, "flask-bcrypt": {"bcrypt"},
	"django[bcrypt]": {"bcrypt"}, "django[argon2]": {"argon2"},
	"org.mindrot:jbcrypt": {"bcrypt"}, "at.favre.lib:bcrypt": {"bcrypt"}, "bcrypt-ruby": {"bcrypt"},
	"bcrypt.net-next": {"bcrypt"}, "bcrypt.net": {"bcrypt"},
	"argon2": {"argon2"}, "argon2-cffi": {"argon2"}, "@node-rs/argon2": {"argon2"},
	"de.mkammerer:argon2-jvm": {"argon2"}, "konscious.security.cryptography.argon2": {"argon2"},
	// sessions
	"express-session": {"sessions"}, "cookie-session": {"sessions"}, "@fastify/session": {"sessions"},
	"flask-login": {"sessions"}, "flask-session": {"sessions"},
	"github.com/gorilla/sessions": {"sessions"}, "github.com/gin-contrib/sessions": {"sessions"},
	"github.com/alexedwards/scs/v2": {"sessions"},
	// Laravel's login scaffolds and guards. laravel/sanctum is left out: every
	// Laravel 8+ skeleton requires it (with HasApiTokens on the User model
	// and auth:sanctum on a sample /user route), so it shows nothing the
	// author built; and what it issues, opaque API tokens or SPA session
	// cookies, is neither OAuth nor JWT.
	"laravel/breeze": {"sessions"}, "laravel/jetstream": {"sessions"}, "laravel/fortify": {"sessions"},
	"laravel/ui": {"sessions"},
	// frameworks
	"passport": {"passport"}, "@nestjs/passport": {"passport"},
	"devise": {"devise"}, "devise_token_auth": {"devise"},
	"org.springframework.boot:spring-boot-starter-security": {"spring-security"},
	// OAuth and hosted identity
	"authlib": {"oauth"}, "next-auth": {"oauth"}, "@auth/core": {"oauth"},
	"laravel/passport": {"oauth"}, "laravel/socialite": {"oauth"}, "golang.org/x/oauth2": {"oauth"},
	"github.com/markbates/goth": {"oauth"}, "django-allauth": {"oauth"}, "social-auth-app-django": {"oauth"},
	"requests-oauthlib": {"oauth"}, "doorkeeper": {"oauth"}, "flask-dance": {"oauth"},
	"org.springframework.boot:spring-boot-starter-oauth2-client":          {"oauth", "spring-security"},
	"org.springframework.boot:spring-boot-starter-oauth2-resource-server": {"oauth", "jwt", "spring-security"},
}

// authPrefixes maps name prefixes (families of packages) to auth ids.
var authPrefixes = []struct {
	prefix string
	ids    []string
}{
	{"io.jsonwebtoken:", []string{"jwt"}},
	{"github.com/golang-jwt/jwt", []string{"jwt"}},
	{"github.com/lestrrat-go/jwx", []string{"jwt"}},
	{"github.com/appleboy/gin-jwt", []string{"jwt"}},
	{"org.springframework.security:", []string{"spring-security"}},
	{"org.springframework.session:", []string{"sessions"}},
	{"passport-", []string{"passport"}},
	{"omniauth", []string{"oauth"}},
}

// authOf returns the auth ids a dependency name means.
func authOf(name string) []string {
	if ids, ok := authDeps[name]; ok {
		return ids
	}
	var out []string
	for _, p := range authPrefixes {
		if strings.HasPrefix(name, p.prefix) {
			out = append(out, p.ids...)
		}
	}
	if strings.HasPrefix(name, "passport-") && strings.Contains(name, "oauth") || strings.HasPrefix(name, "passport-google") || strings.HasPrefix(name, "passport-github") {
		out = append(out, "oauth")
	}
	return out
}

// codeToken is a literal that, found in a source file of the given
// extensions, shows an auth library in use. It covers what manifests cannot
// tell: Go subpackages of x/crypto, Java classes, Django's own auth views.
type codeToken struct {
	exts  string // space-separated extensions, with dots
	token string
	id    string
}

var codeTokens = []codeToken{
	{".go", "golang.org/x/crypto/bcrypt", "bcrypt"},
	{".go", "golang.org/x/crypto/argon2", "argon2"},
	{".go", "github.com/golang-jwt/jwt", "jwt"},
	{".go", "github.com/dgrijalva/jwt-go", "jwt"},
	{".go", "github.com/gorilla/sessions", "sessions"},
	{".go", "golang.org/x/oauth2", "oauth"},
	{".py", "import jwt", "jwt"},
	{".py", "rest_framework_simplejwt", "jwt"},
	{".py", "flask_jwt_extended", "jwt"},
	{".py", "from jose import", "jwt"},
	{".py", "import bcrypt", "bcrypt"},
	{".py", "from passlib", "bcrypt"},
	{".py", "from argon2", "argon2"},
	{".py", "flask_login", "sessions"},
	// Every Django project lists django.contrib.auth; only using its views
	// or decorators shows the author built login.
	{".py", "login_required", "sessions"},
	{".py", "LoginRequiredMixin", "sessions"},
	{".py", "from django.contrib.auth import authenticate", "sessions"},
	{".py", "django.contrib.auth.urls", "sessions"},
	{".py", "from authlib", "oauth"},
	{".js .ts .mjs .cjs .jsx .tsx", "jsonwebtoken", "jwt"},
	{".js .ts .mjs .cjs .jsx .tsx", "@nestjs/jwt", "jwt"},
	{".js .ts .mjs .cjs .jsx .tsx", "'bcrypt'", "bcrypt"},
	{".js .ts .mjs .cjs .jsx .tsx", "\"bcrypt\"", "bcrypt"},
	{".js .ts .mjs .cjs .jsx .tsx", "bcryptjs", "bcrypt"},
	{".js .ts .mjs .cjs .jsx .tsx", "'argon2'", "argon2"},
	{".js .ts .mjs .cjs .jsx .tsx", "\"argon2\"", "argon2"},
	{".js .ts .mjs .cjs .jsx .tsx", "express-session", "sessions"},
	{".js .ts .mjs .cjs .jsx .tsx", "'passport'", "passport"},
	{".js .ts .mjs .cjs .jsx .tsx", "\"passport\"", "passport"},
	{".js .ts .mjs .cjs .jsx .tsx", "next-auth", "oauth"},
	{".java .kt", "io.jsonwebtoken", "jwt"},
	{".java .kt", "com.auth0.jwt", "jwt"},
	{".java .kt", "BCryptPasswordEncoder", "bcrypt"},
	{".java .kt", "Argon2PasswordEncoder", "argon2"},
	{".java .kt", "org.springframework.security", "spring-security"},
	{".rb", "has_secure_password", "bcrypt"},
	{".rb", "BCrypt::", "bcrypt"},
	{".rb", "JWT.encode", "jwt"},
	{".rb", "devise :", "devise"},
	{".php", "Firebase\\JWT", "jwt"},
	{".php", "Tymon\\JWTAuth", "jwt"},
	{".php", "password_hash(", "bcrypt"},
	{".php", "PASSWORD_ARGON2", "argon2"},
	// Laravel's session login routes (laravel/ui's scaffold, or written by
	// hand); the skeleton has none.
	{".php", "Auth::routes(", "sessions"},
	{".php", "Laravel\\Passport", "oauth"},
	{".cs", "BCrypt.Net", "bcrypt"},
	{".cs", "JwtBearer", "jwt"},
	{".cs", "System.IdentityModel.Tokens.Jwt", "jwt"},
}

// tokensByExt indexes codeTokens by extension.
var tokensByExt = func() map[string][]codeToken {
	m := map[string][]codeToken{}
	for _, t := range codeTokens {
		for _, e := range strings.Fields(t.exts) {
			m[e] = append(m[e], t)
		}
	}
	return m
}()
