package security

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
)

// finding is one problem in the tree. It never holds the secret itself.
type finding struct {
	kind string
	path string
	line int
	what string // description without the value
	test bool   // under a test or example path: lower confidence
}

// fileClass says how a file is scanned.
type fileClass int

const (
	classConfig fileClass = iota // key=value secrets, bare values allowed
	classSource                  // key=value secrets, quoted literals only
	classOther                   // provider tokens and private keys only
)

// tokenRule recognises a provider credential by its fixed marker, validated
// by an anchored pattern at the marker.
type tokenRule struct {
	kind   string
	marker string
	re     *regexp.Regexp
	what   string
	body   int // bytes of fixed prefix excluded from the entropy check
}

var tokenRules = []tokenRule{
	{"aws-key", "AKIA", regexp.MustCompile(`\AAKIA[0-9A-Z]{16}`), "AWS access key id", 4},
	{"aws-key", "ASIA", regexp.MustCompile(`\AASIA[0-9A-Z]{16}`), "AWS temporary access key id", 4},
	// One marker for ghp_, gho_, ghs_, ghu_ and ghr_ keeps it to one pass.
	{"github-token", "gh", regexp.MustCompile(`\Agh[opsur]_[A-Za-z0-9]{36}`), "GitHub token", 4},
	{"github-token", "github_pat_", regexp.MustCompile(`\Agithub_pat_[A-Za-z0-9_]{22,255}`), "GitHub fine-grained token", 11},
	{"slack-token", "xox", regexp.MustCompile(`\Axox[abposr]-[0-9A-Za-z]{6,}-[0-9A-Za-z\-]{6,}`), "Slack token", 5},
	{"slack-token", "hooks.slack.com/services/", regexp.MustCompile(`\Ahooks\.slack\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{16,}`), "Slack incoming webhook URL", 25},
	// sk_live_ and rk_live_: the marker starts one byte in, see start.
	{"stripe-key", "k_live_", regexp.MustCompile(`\A[sr]k_live_[0-9a-zA-Z]{16,247}`), "Stripe live key", 8},
	{"google-api-key", "AIza", regexp.MustCompile(`\AAIza[0-9A-Za-z_\-]{35}`), "Google API key (restrict it, or move it out of the tree)", 4},
}

var (
	privateKeyMarker = []byte("PRIVATE KEY")
	rePrivateKey     = regexp.MustCompile(`-----BEGIN ((?:RSA|EC|OPENSSH|DSA|PGP|ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----`)
	reAWSSecret      = regexp.MustCompile(`(?i)aws_?secret_?access_?key|secretAccessKey`)
)

// privateKeyNames are key files recognised by name when their content was
// not fetched.
var privateKeyNames = map[string]bool{"id_rsa": true, "id_dsa": true, "id_ecdsa": true, "id_ed25519": true}

// maxFindingsPerFile keeps one pasted dump from drowning the report.
const maxFindingsPerFile = 20

// scanner finds secrets in file contents. It reuses a lower-case buffer.
type scanner struct {
	lower []byte
	lines []int
}

func (s *scanner) scan(p string, b []byte, class fileClass) []finding {
	var out []finding
	test := testPath(p)
	add := func(kind string, line int, what string) bool {
		for _, f := range out {
			// One finding per line: a provider key assigned to apiKey is
			// that key, not also a generic hard-coded secret.
			if f.line == line && (f.kind == kind || kind == "hardcoded-secret") {
				return len(out) < maxFindingsPerFile
			}
		}
		out = append(out, finding{kind: kind, path: p, line: line, what: what, test: test})
		return len(out) < maxFindingsPerFile
	}
	if !s.privateKeys(b, add) || !tokens(b, add) {
		return out
	}
	if class == classOther {
		return out
	}
	if strings.HasSuffix(p, "config/secrets.yml") {
		b = devSectionsBlanked(b)
	}
	s.keyValues(b, class, add)
	signingLiterals(b, add)
	return out
}

// privateKeys reports PEM private key blocks that carry a key body, so code
// that merely tests for the header ("startsWith(\"-----BEGIN ...") is not one.
func (s *scanner) privateKeys(b []byte, add adder) bool {
	from := 0
	for {
		i := bytes.Index(b[from:], privateKeyMarker)
		if i < 0 {
			return true
		}
		at := from + i
		from = at + len(privateKeyMarker)
		ls := bytes.LastIndexByte(b[:at], '\n') + 1
		end := min(len(b), at+64)
		loc := rePrivateKey.FindSubmatchIndex(b[ls:end])
		if loc == nil {
			continue
		}
		if !keyBodyFollows(b[ls+loc[1]:]) {
			continue
		}
		kind := "private key"
		if loc[2] >= 0 {
			kind = strings.TrimSpace(string(b[ls+loc[2]:ls+loc[3]])) + " private key"
		}
		if !add("private-key", lineAt(b, ls), kind+" block") {
			return false
		}
	}
}

// keyBodyFollows reports whether a PEM body follows a BEGIN line: a real
// newline or an escaped "\n" (keys inside JSON service-account files), then
// headers or base64.
func keyBodyFollows(rest []byte) bool {
	i := 0
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '\r' || rest[i] == '\t') {
		i++
	}
	switch {
	case i < len(rest) && rest[i] == '\n':
		i++
	case bytes.HasPrefix(rest[i:], []byte(`\n`)):
		i += 2
	case bytes.HasPrefix(rest[i:], []byte(`\r\n`)):
		i += 4
	default:
		return false
	}
	if bytes.HasPrefix(rest[i:], []byte("Proc-Type:")) || bytes.HasPrefix(rest[i:], []byte("Version:")) {
		return true
	}
	n := 0
	for i < len(rest) && n < 20 {
		c := rest[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=') {
			break
		}
		n++
		i++
	}
	return n >= 20
}

// tokens reports provider credentials with fixed prefixes.
func tokens(b []byte, add adder) bool {
	awsSecret := false
	awsChecked := false
	for _, r := range tokenRules {
		m := []byte(r.marker)
		from := 0
		for {
			i := bytes.Index(b[from:], m)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(m)
			if r.kind == "stripe-key" {
				if at == 0 {
					continue
				}
				at-- // the marker skips the s or r of sk_live_/rk_live_
			}
			if at > 0 && isWord(b[at-1]) {
				continue
			}
			loc := r.re.FindIndex(b[at:min(len(b), at+300)])
			if loc == nil {
				continue
			}
			end := at + loc[1]
			if end < len(b) && isWord(b[end]) && r.kind != "slack-token" && r.kind != "github-token" {
				continue
			}
			tok := b[at+r.body : end]
			if entropy(tok) < 3.0 || bytes.Contains(tok, []byte("EXAMPLE")) {
				continue // AKIAIOSFODNN7EXAMPLE, ghp_xxxx...: documentation placeholders
			}
			what := r.what
			if r.kind == "aws-key" {
				if !awsChecked {
					awsSecret, awsChecked = reAWSSecret.Match(b), true
				}
				if awsSecret {
					what += " with its secret access key"
				}
			}
			if !add(r.kind, lineAt(b, at), what) {
				return false
			}
		}
	}
	return true
}

func isWord(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// entropy is the Shannon entropy of b in bits per byte.
func entropy(b []byte) float64 {
	if len(b) == 0 {
		return 0
	}
	var counts [256]int
	for _, c := range b {
		counts[c]++
	}
	h := 0.0
	n := float64(len(b))
	for _, k := range counts {
		if k > 0 {
			p := float64(k) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// secretWords are the lower-case roots that make a line worth parsing as a
// key/value pair; finding them with bytes.Index over the whole file keeps the
// regular expression off most lines.
var secretWords = [][]byte{[]byte("secret"), []byte("passw"), []byte("pwd"), []byte("token"), []byte("key"), []byte("credential")}

// secretKeys are the roots a key name must contain, separators removed
// (api_key, api.key and apiKey all give "apikey").
var secretKeys = []string{
	"secret", "passwd", "password", "pwd", "token", "apikey", "privatekey", "accesskey", "signingkey",
	"jwtkey", "authkey", "encryptionkey", "masterkey", "appkey", "credential",
}

const maxLine = 512

// devSectionsBlanked hides the development: and test: sections of a Rails
// config/secrets.yml: Rails generates throwaway keys there, and the
// production section is what must read the environment. Newlines are kept so
// line numbers stay true.
func devSectionsBlanked(b []byte) []byte {
	out := append([]byte(nil), b...)
	blank := false
	start := 0
	for start < len(out) {
		end := bytes.IndexByte(out[start:], '\n')
		if end < 0 {
			end = len(out)
		} else {
			end += start
		}
		line := out[start:end]
		if len(line) > 0 && line[0] != ' ' && line[0] != '\t' && line[0] != '#' {
			key := strings.TrimSpace(string(line))
			blank = key == "development:" || key == "test:"
		}
		if blank {
			for i := start; i < end; i++ {
				out[i] = ' '
			}
		}
		start = end + 1
	}
	return out
}

func (s *scanner) keyValues(b []byte, class fileClass, add adder) {
	s.lower = s.lower[:0]
	for _, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		s.lower = append(s.lower, c)
	}
	s.lines = s.lines[:0]
	for _, w := range secretWords {
		from := 0
		for {
			i := bytes.Index(s.lower[from:], w)
			if i < 0 {
				break
			}
			s.lines = append(s.lines, from+i)
			from += i + len(w)
		}
	}
	if len(s.lines) == 0 {
		return
	}
	sort.Ints(s.lines)
	line, counted := 1, 0
	doneLine := -1
	for _, at := range s.lines {
		ls := bytes.LastIndexByte(b[:at], '\n') + 1
		if ls == doneLine {
			continue
		}
		line += bytes.Count(b[counted:ls], []byte{'\n'})
		counted = ls
		le := bytes.IndexByte(b[ls:], '\n')
		if le < 0 {
			le = len(b) - ls
		}
		le = ls + min(le, maxLine)
		if at >= le || isComment(b[ls:le]) {
			doneLine = ls
			continue
		}
		key, rest, ok := keyAt(b, at, ls, le)
		if !ok || !secretKey(key) {
			continue
		}
		v, ok := literal(rest, class == classConfig)
		if !ok || len(v) < 12 {
			continue
		}
		val := string(v)
		if !plausibleSecret(string(key), val, class == classSource) {
			continue
		}
		doneLine = ls
		k := string(key)
		if len(k) > 60 {
			k = k[:60]
		}
		what := fmt.Sprintf("literal value for %s (%d chars); read it from the environment instead", k, len(val))
		if strings.HasPrefix(val, "django-insecure-") {
			what = fmt.Sprintf("Django SECRET_KEY literal (%d chars, the generated django-insecure- key); read it from the environment", len(val))
		}
		if !add("hardcoded-secret", line, what) {
			return
		}
	}
}

func keyChar(c byte) bool { return isWord(c) || c == '.' || c == '-' }

// keyAt reads the key around offset at in the line b[ls:le] and the value
// after its assignment operator (=, :, :=, =>); comparisons (==, !=, ::) are
// not assignments.
func keyAt(b []byte, at, ls, le int) (key, rest []byte, ok bool) {
	i := at
	for i > ls && keyChar(b[i-1]) {
		i--
	}
	j := at
	for j < le && keyChar(b[j]) {
		j++
	}
	key = b[i:j]
	k := j
	for k < le && (b[k] == '"' || b[k] == '\'' || b[k] == ']') {
		k++
	}
	for k < le && (b[k] == ' ' || b[k] == '\t') {
		k++
	}
	next := func(n int) byte {
		if k+n < le {
			return b[k+n]
		}
		return 0
	}
	switch c := next(0); {
	case c == ':' && next(1) == '=', c == '=' && next(1) == '>':
		k += 2
	case c == '=' && next(1) != '=', c == ':' && next(1) != ':':
		k++
	default:
		return nil, nil, false
	}
	return key, b[k:le], true
}

// secretKey reports whether a key names a secret.
func secretKey(key []byte) bool {
	var buf [64]byte
	n := 0
	for _, c := range key {
		if c == '_' || c == '-' || c == '.' {
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if n == len(buf) {
			break
		}
		buf[n] = c
		n++
	}
	k := string(buf[:n])
	for _, w := range secretKeys {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// adder records a finding at a 1-based line; it returns false once the
// file has given enough findings.
type adder func(kind string, line int, what string) bool

func isComment(line []byte) bool {
	t := bytes.TrimLeft(line, " \t")
	return bytes.HasPrefix(t, []byte("#")) || bytes.HasPrefix(t, []byte("//")) ||
		bytes.HasPrefix(t, []byte("*")) || bytes.HasPrefix(t, []byte("/*")) ||
		bytes.HasPrefix(t, []byte(";")) || bytes.HasPrefix(t, []byte("<!--")) || bytes.HasPrefix(t, []byte("--"))
}

var wrappers = []string{"[]byte(", "new String(", "String(", "Buffer.from(", "bytes(", "str(", "b", "rb", "r", "f", "u", "@"}

// literal extracts the literal value at the start of v: a quoted string, or
// when bare is allowed (config files), the word up to a space or comment.
func literal(v []byte, bare bool) ([]byte, bool) {
	s := bytes.TrimSpace(v)
	for _, w := range wrappers {
		if len(s) > len(w) && bytes.HasPrefix(s, []byte(w)) && isQuote(s[len(w)]) {
			s = s[len(w):]
			break
		}
	}
	if len(s) == 0 {
		return nil, false
	}
	if q := s[0]; isQuote(q) {
		end := bytes.IndexByte(s[1:], q)
		if end < 0 {
			return nil, false
		}
		return s[1 : 1+end], true
	}
	if !bare {
		return nil, false
	}
	if end := bytes.IndexAny(s, " \t#;,}"); end >= 0 {
		s = s[:end]
	}
	return bytes.TrimRight(s, "\r"), true
}

func isQuote(c byte) bool { return c == '"' || c == '\'' || c == '`' }

// keySuffixes end key names that hold settings about a secret, not the
// secret: token_url, password_min_length, jwt.secret.expiration...
var keySuffixes = []string{
	"url", "uri", "endpoint", "path", "file", "filename", "name", "type", "length", "len", "expiry",
	"expiration", "expires", "expire", "expiresin", "ttl", "timeout", "header", "field", "label",
	"placeholder", "regex", "pattern", "policy", "hash", "id", "size", "min", "max", "count", "prefix",
	"lifetime", "validity", "enabled", "required", "rounds", "algorithm", "algo", "mode", "strategy",
	"format", "class", "method", "route", "param", "duration", "store", "location", "dir", "env",
	"var", "variable", "ref", "arn", "version", "hint", "message", "msg", "text", "error", "title",
	"provider", "issuer", "audience", "scope", "scopes", "limit", "secs", "seconds", "minutes", "hours", "days", "ms",
}

var keySeparators = strings.NewReplacer("_", "", "-", "", ".", "")

// placeholders mark values that are not real secrets.
var placeholders = []string{
	"${", "{{", "{", "}", "%(", "<", ">", "changeme", "change_me", "change-me", "changeit", "your_",
	"your-", "yourkey", "yoursecret", "yourpassword", "example", "placeholder", "xxxx", "****", "dummy",
	"sample", "replace", "todo", "fixme", "insert", "redacted", "...", "process.env", "os.environ",
	"getenv", "env(", "env[", "secrets.", "vault:", "enc(", "not-a-secret", "notasecret", "fake",
}

// plausibleSecret judges a literal assigned to a secret-looking key: long
// enough, not a placeholder or reference, and random enough.
func plausibleSecret(key, val string, source bool) bool {
	if len(val) < 12 || strings.ContainsAny(val, " \t") {
		return false
	}
	switch val[0] {
	case '$', '%', '/', '~', '.', '<', '{':
		return false
	}
	digits := true
	for i := 0; i < len(val); i++ {
		if val[i] < '0' || val[i] > '9' {
			digits = false
			break
		}
	}
	if digits {
		return false // numbers are settings (expiry in ms), not secrets
	}
	h := entropy([]byte(val))
	if h < 2.5 || (len(val) < 32 && h < 3.0) {
		return false
	}
	lv := strings.ToLower(val)
	for _, p := range placeholders {
		if strings.Contains(lv, p) {
			return false
		}
	}
	if strings.HasPrefix(lv, "http://") || strings.HasPrefix(lv, "https://") || strings.HasPrefix(lv, "classpath:") || strings.HasPrefix(lv, "file:") {
		return false
	}
	if strings.Contains(lv, "@") && strings.Contains(lv, ".") && !strings.Contains(lv, "://") {
		return false // an e-mail address, not a secret
	}
	if validationRule(val) {
		return false // 'password' => 'required|string|min:6' in Laravel
	}
	k := strings.ToLower(keySeparators.Replace(key))
	for _, s := range keySuffixes {
		if strings.HasSuffix(k, s) {
			return false
		}
	}
	// In code, keys named password/token often hold UI strings or field
	// names ("passwordInput"); a secret there must look random, not like a word.
	if source && !strings.Contains(k, "secret") && !strings.Contains(k, "key") && identifier(val) {
		return false
	}
	return true
}

// reRule is one validation rule: a word, maybe with an argument (min:6).
var reRule = regexp.MustCompile(`^[a-z_]+(:[A-Za-z0-9_,.\-]*)?$`)

// validationRule reports whether v is a pipe-separated list of validation
// rules, as Laravel and similar frameworks write them.
func validationRule(v string) bool {
	parts := strings.Split(v, "|")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !reRule.MatchString(p) {
			return false
		}
	}
	return true
}

// identifier reports whether v is letters only, maybe joined by _ . -.
func identifier(v string) bool {
	for _, c := range v {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// reSigning finds a literal passed straight to a JWT signing call: any
// literal there is a hard-coded key, however short.
var reSigning = []struct {
	marker []byte
	re     *regexp.Regexp
}{
	{[]byte("jwt."), regexp.MustCompile(`jwt\.(?:sign|verify|encode|decode)\(\s*(?:\{[^{}]*\}|[^,(){}]+?|[\w.]+\([^()]*\))\s*,\s*['"` + "`" + `]([^'"` + "`" + `\n]*)['"` + "`" + `]`)},
	{[]byte("SignedString("), regexp.MustCompile(`SignedString\(\s*\[\]byte\(\s*"([^"\n]*)"`)},
	{[]byte("signWith("), regexp.MustCompile(`signWith\([^,()\n]*,\s*"([^"\n]*)"`)},
	{[]byte("hmacShaKeyFor("), regexp.MustCompile(`hmacShaKeyFor\(\s*"([^"\n]*)"`)},
	// ASP.NET: new SymmetricSecurityKey("key"u8.ToArray()) or
	// (Encoding.UTF8.GetBytes("key")), the literal often on the next line.
	{[]byte("SymmetricSecurityKey("), regexp.MustCompile(`SymmetricSecurityKey\(\s*(?:(?:System\.Text\.)?Encoding\.\w+\.GetBytes\(\s*)?@?"([^"\n]*)"`)},
}

func signingLiterals(b []byte, add adder) {
	for _, s := range reSigning {
		if !bytes.Contains(b, s.marker) {
			continue
		}
		for _, m := range s.re.FindAllSubmatchIndex(b, 20) {
			v := b[m[2]:m[3]]
			// Keys have no spaces; a literal with them is code or prose that
			// merely mentions the call (a detector's own patterns, say).
			if len(bytes.TrimSpace(v)) == 0 || bytes.Contains(v, []byte("${")) || bytes.ContainsAny(v, " \t") {
				continue
			}
			// A call shown in a comment is documentation, not code.
			ls := bytes.LastIndexByte(b[:m[0]], '\n') + 1
			if isComment(b[ls:m[0]]) {
				continue
			}
			if !add("hardcoded-secret", lineAt(b, m[0]), fmt.Sprintf("JWT signing key is a string literal (%d chars); read it from the environment", len(v))) {
				return
			}
		}
	}
}
