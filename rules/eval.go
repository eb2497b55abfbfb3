package rules

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"

	"github.com/pathway-dev/pathway/internal/facts"
)

// Outcomes, the same strings as the report's.
const (
	Pass          = "pass"
	Fail          = "fail"
	NotApplicable = "not-applicable"
	Unknown       = "unknown"
)

// PassAt is the credit from which a partial-credit check counts as passed.
const PassAt = 0.5

// Content checks read at most this many matching files, and this many
// bytes of each: enough for configuration files, cheap on big trees.
const (
	maxContentFiles = 50
	maxContentBytes = 1 << 20
)

// Result is the outcome of one rule on one repository or the portfolio.
type Result struct {
	Outcome string
	// Credit is 0..1; 0 unless the outcome is pass or fail.
	Credit  float64
	Message string
	// Repo and Path cite the evidence, when there is some.
	Repo string
	Path string
}

// Known reports whether the outcome counts in a score.
func (r Result) Known() bool { return r.Outcome == Pass || r.Outcome == Fail }

// Eval evaluates rule on repo (with its tree, which may be nil: file checks
// are then unknown) for repository rules, or on the portfolio (repo and tree
// nil) for portfolio and profile rules. It never panics: an expression
// error makes the outcome unknown and says so.
func (s *Set) Eval(r *Rule, in *Input, repo *facts.Repo, tree *Tree) (res Result) {
	defer func() {
		if p := recover(); p != nil {
			res = Result{Outcome: Unknown, Message: fmt.Sprintf("rule %s failed to evaluate: %v", r.ID, p)}
		}
	}()
	var env any
	if r.Scope == ScopeRepo {
		if repo == nil {
			return Result{Outcome: NotApplicable, Message: "repository rule evaluated without a repository"}
		}
		env = &repoEnv{Repo: repo, Repos: in.Repos, Profile: in.Profile, AsOf: in.AsOf, Role: s.role, Stats: in.Stats, Project: in.Project}
	} else {
		env = &portfolioEnv{Repos: in.Repos, Profile: in.Profile, AsOf: in.AsOf, Role: s.role, Stats: in.Stats, Project: in.Project}
		repo = nil
	}
	name := "the portfolio"
	if repo != nil {
		name = repo.Name
		res.Repo = repo.Name
	}
	if r.Scope == ScopePortfolio && len(in.Repos) == 0 {
		return Result{Outcome: NotApplicable, Message: "no included repositories"}
	}
	if r.when != nil {
		ok, known, err := runBool(r.when, env)
		switch {
		case err != nil:
			return Result{Outcome: Unknown, Repo: res.Repo, Message: fmt.Sprintf("when of %s failed on %s: %v", r.ID, name, err)}
		case !known:
			return Result{Outcome: Unknown, Repo: res.Repo, Message: "applicability not known for " + name}
		case !ok:
			return Result{Outcome: NotApplicable, Repo: res.Repo, Message: "does not apply to " + name}
		}
	}
	if r.Scope == ScopeProfile && !in.Profile.Known {
		return Result{Outcome: Unknown, Message: "the profile was not read (local audit without --user)"}
	}
	for _, req := range r.Requires {
		if why := missing(req, repo, in); why != "" {
			return Result{Outcome: Unknown, Repo: res.Repo, Message: why}
		}
	}
	if r.unknownIf != nil {
		ok, known, err := runBool(r.unknownIf, env)
		if err != nil || !known || ok {
			return Result{Outcome: Unknown, Repo: res.Repo, Message: "the data this rule needs is not known for " + name}
		}
	}
	switch {
	case r.Check.Files != nil:
		res = filesCheck(r.Check.Files, repo, tree)
	case r.Check.Content != nil:
		res = contentCheck(r.Check.Content, repo, tree)
	default:
		res = exprCheck(r.check, env)
	}
	if repo != nil {
		res.Repo = repo.Name
	}
	if res.Known() && res.Path == "" && r.evidence != nil {
		if out, err := expr.Run(r.evidence, env); err == nil {
			cite(&res, out)
		}
	}
	res.Message = s.message(r, res, dataRepo(repo, in), in.Profile)
	return res
}

func missing(req string, repo *facts.Repo, in *Input) string {
	switch req {
	case "history":
		if repo != nil && !repo.History.Known {
			return "commit history not available for " + repo.Name + " (shallow clone or not fetched)"
		}
		if repo == nil && !in.Stats.HistoryKnown {
			return "commit history not available for any repository"
		}
	case "tests":
		if repo != nil && !repo.Tests.Known {
			return "test files of " + repo.Name + " could not be examined"
		}
		if repo == nil && !in.Stats.TestsKnown {
			return "tests could not be examined in any repository"
		}
	case "tree":
		if repo != nil && !repo.TreeKnown {
			return "the file tree of " + repo.Name + " is truncated or unavailable"
		}
		if repo == nil && !in.Stats.TreeKnown {
			return "no repository's file tree is available"
		}
	case "profile":
		if !in.Profile.Known {
			return "the profile was not read (local audit without --user)"
		}
	}
	return ""
}

func runBool(p *vm.Program, env any) (val, known bool, err error) {
	out, err := expr.Run(p, env)
	if err != nil {
		return false, false, err
	}
	out = deref(out)
	if out == nil {
		return false, false, nil
	}
	b, ok := out.(bool)
	if !ok {
		return false, false, fmt.Errorf("expected a boolean, got %T", out)
	}
	return b, true, nil
}

func deref(v any) any {
	rv := reflect.ValueOf(v)
	for rv.IsValid() && rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return nil
	}
	return rv.Interface()
}

func exprCheck(p *vm.Program, env any) Result {
	if p == nil {
		return Result{Outcome: Unknown, Message: "rule has no compiled check"}
	}
	out, err := expr.Run(p, env)
	if err != nil {
		return Result{Outcome: Unknown, Message: "check failed to evaluate: " + err.Error()}
	}
	v := deref(out)
	var credit float64
	switch x := v.(type) {
	case nil:
		return Result{Outcome: Unknown, Message: "the data this rule needs is not known"}
	case bool:
		if x {
			credit = 1
		}
	default:
		rv := reflect.ValueOf(v)
		switch {
		case rv.CanInt():
			credit = float64(rv.Int())
		case rv.CanUint():
			credit = float64(rv.Uint())
		case rv.CanFloat():
			credit = rv.Float()
		default:
			return Result{Outcome: Unknown, Message: fmt.Sprintf("check returned %T, not a boolean or number", v)}
		}
		if math.IsNaN(credit) {
			return Result{Outcome: Unknown, Message: "check returned NaN"}
		}
		credit = min(max(credit, 0), 1)
	}
	return scored(credit)
}

func scored(credit float64) Result {
	if credit >= PassAt {
		return Result{Outcome: Pass, Credit: credit}
	}
	return Result{Outcome: Fail, Credit: credit}
}

func noTree(repo *facts.Repo) Result {
	return Result{Outcome: Unknown, Message: "the file list of " + repo.Name + " is not available"}
}

func filesCheck(c *FilesCheck, repo *facts.Repo, tree *Tree) Result {
	if tree == nil {
		return noTree(repo)
	}
	partial := tree.Truncated || !repo.TreeKnown
	first := make([]string, len(c.globs))
	for _, f := range tree.Files {
		for i, g := range c.globs {
			if first[i] == "" && g.match(f) {
				first[i] = f
			}
		}
	}
	var found, absent []string
	for i, f := range first {
		if f != "" {
			if !slices.Contains(found, f) {
				found = append(found, f)
			}
		} else {
			absent = append(absent, c.Globs[i])
		}
	}
	switch c.Mode {
	case "all":
		if len(absent) == 0 {
			return Result{Outcome: Pass, Credit: 1, Path: found[0], Message: "found " + strings.Join(found, ", ")}
		}
		if partial {
			return Result{Outcome: Unknown, Message: "the file tree is truncated: cannot tell whether " + strings.Join(absent, ", ") + " exist"}
		}
		return Result{Outcome: Fail, Message: "missing " + strings.Join(absent, ", ")}
	case "none":
		if len(found) > 0 {
			return Result{Outcome: Fail, Path: found[0], Message: "found " + strings.Join(found, ", ")}
		}
		if partial {
			return Result{Outcome: Unknown, Message: "the file tree is truncated: cannot prove no file matches " + strings.Join(c.Globs, ", ")}
		}
		return Result{Outcome: Pass, Credit: 1, Message: "no file matches " + strings.Join(c.Globs, ", ")}
	default:
		if len(found) > 0 {
			return Result{Outcome: Pass, Credit: 1, Path: found[0], Message: "found " + found[0]}
		}
		if partial {
			return Result{Outcome: Unknown, Message: "the file tree is truncated: no file matching " + strings.Join(c.Globs, ", ") + " among the files listed"}
		}
		return Result{Outcome: Fail, Message: "no file matches " + strings.Join(c.Globs, ", ")}
	}
}

func contentCheck(c *ContentCheck, repo *facts.Repo, tree *Tree) Result {
	if tree == nil {
		return noTree(repo)
	}
	partial := tree.Truncated || !repo.TreeKnown
	var matched []string
	for _, f := range tree.Files {
		if c.glob.match(f) {
			matched = append(matched, f)
		}
	}
	if len(matched) == 0 {
		if partial {
			return Result{Outcome: Unknown, Message: "the file tree is truncated: no file matching " + c.Glob + " among the files listed"}
		}
		return Result{Outcome: Fail, Message: "no file matches " + c.Glob}
	}
	if tree.Read == nil {
		return Result{Outcome: Unknown, Message: "file contents of " + repo.Name + " were not fetched"}
	}
	unread := 0
	for i, f := range matched {
		if i >= maxContentFiles {
			unread += len(matched) - i
			break
		}
		b, err := tree.Read(f)
		if err != nil {
			unread++
			continue
		}
		if len(b) > maxContentBytes {
			b = b[:maxContentBytes]
		}
		if loc := c.re.FindIndex(b); loc != nil {
			line := bytes.Count(b[:loc[0]], []byte("\n")) + 1
			return Result{Outcome: Pass, Credit: 1, Path: f, Message: fmt.Sprintf("%s:%d matches /%s/", f, line, c.Regex)}
		}
	}
	if unread > 0 {
		return Result{Outcome: Unknown, Message: fmt.Sprintf("%d file(s) matching %s could not be read", unread, c.Glob)}
	}
	return Result{Outcome: Fail, Path: matched[0], Message: fmt.Sprintf("%s does not match /%s/", strings.Join(matched[:min(3, len(matched))], ", "), c.Regex)}
}

// cite takes the first path out of an evidence expression's result.
func cite(res *Result, out any) {
	switch x := deref(out).(type) {
	case string:
		res.Path = x
	case []string:
		if len(x) > 0 {
			res.Path = x[0]
		}
	case facts.Evidence:
		res.Path, res.Repo = x.Path, firstNonEmpty(x.Repo, res.Repo)
	case []facts.Evidence:
		if len(x) > 0 {
			res.Path, res.Repo = x[0].Path, firstNonEmpty(x[0].Repo, res.Repo)
		}
	case []any:
		if len(x) > 0 {
			cite(res, x[0])
		}
	}
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (s *Set) message(r *Rule, res Result, repo *facts.Repo, profile *facts.Profile) string {
	var t = r.fail
	if res.Outcome == Pass {
		t = r.pass
	}
	if res.Known() && t != nil {
		var b strings.Builder
		if err := t.Execute(&b, NewData(repo, profile, s.role)); err == nil {
			return strings.TrimSpace(b.String())
		}
	}
	switch {
	case res.Message != "":
		return res.Message
	case res.Outcome == Pass && res.Credit < 1:
		return fmt.Sprintf("partly (%d%%): %s", int(math.Round(res.Credit*100)), r.Title)
	case res.Outcome == Pass:
		return r.Title
	case res.Credit > 0:
		return fmt.Sprintf("only %d%%: %s", int(math.Round(res.Credit*100)), r.Title)
	}
	return "not shown: " + r.Title
}

func dataRepo(repo *facts.Repo, in *Input) *facts.Repo {
	if repo == nil {
		return in.Main
	}
	return repo
}

// Advice renders the rule's advice for repo; with a nil repo (portfolio and
// profile rules) it names the candidate's main project, in.Main.
func (s *Set) Advice(r *Rule, in *Input, repo *facts.Repo) string {
	if r.advice == nil {
		return r.Advice
	}
	var b strings.Builder
	if err := r.advice.Execute(&b, NewData(dataRepo(repo, in), in.Profile, s.role)); err != nil {
		return r.Advice
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var errUnknownRole = errors.New("unknown role")
