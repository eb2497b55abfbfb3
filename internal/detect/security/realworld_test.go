package security

import (
	"sort"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Traps seen on real repositories: Laravel validation rules under a
// password key, Rails' generated development/test keys, and a committed
// .env.travis holding only CI settings.
func TestRealWorldFalsePositives(t *testing.T) {
	r := &snapshot.Repo{Name: "app", ContentsKnown: true, Contents: map[string][]byte{
		"app/Http/Requests/Api/RegisterUser.php": []byte("<?php\nreturn [\n    'password' => 'required|string|min:6|confirmed',\n    'token' => 'sometimes|max:255',\n];\n"),
		"config/secrets.yml":                     []byte("development:\n  secret_key_base: 3b7cd727ee24e8444053437c36cc66c3ff8e1f0b3a1a0d7b8d4c5e6f7a8b9c0d\n\ntest:\n  secret_key_base: 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b\n\nproduction:\n  secret_key_base: <%= ENV[\"SECRET_KEY_BASE\"] %>\n"),
		".env.travis":                            []byte("APP_ENV=testing\nDB_CONNECTION=sqlite\n"),
	}}
	for p, c := range r.Contents {
		r.Files = append(r.Files, snapshot.File{Path: p, Size: int64(len(c)), Kind: "blob"})
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	got := Detect(r)
	if len(got.Flags) != 0 {
		t.Fatalf("flags %v, findings %+v", got.Flags, got.Findings)
	}
	// The production section still counts when it holds a literal.
	r.Contents["config/secrets.yml"] = []byte("development:\n  secret_key_base: abc\n\nproduction:\n  secret_key_base: 3b7cd727ee24e8444053437c36cc66c3ff8e1f0b3a1a0d7b8d4c5e6f7a8b9c0d\n")
	got = Detect(r)
	if len(got.Flags) != 1 || got.Flags[0] != "hardcoded-secret" || got.Findings[0].Line != 5 {
		t.Fatalf("production literal: flags %v findings %+v", got.Flags, got.Findings)
	}
}

// A signing call shown in a comment documents the pattern; it is no key.
func TestSigningCallInACommentIsNotASecret(t *testing.T) {
	r := memRepo(map[string]string{
		"Services/TokenService.cs": "// e.g. new SymmetricSecurityKey(\"key\"u8.ToArray())\nvar key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(config[\"Jwt:Key\"]));\n",
		"src/auth.js":              "// jwt.sign(payload, 'secret') is what not to do\nconst token = jwt.sign(payload, process.env.JWT_SECRET);\n",
	})
	if got := Detect(r); len(got.Flags) != 0 {
		t.Fatalf("flags %v, findings %+v", got.Flags, got.Findings)
	}
	r = memRepo(map[string]string{"Services/TokenService.cs": "var key = new SymmetricSecurityKey(\"k3y-for-dev-only\"u8.ToArray());\n"})
	if got := Detect(r); len(got.Flags) != 1 {
		t.Fatalf("a literal key in code must still be flagged: %+v", got)
	}
}
