package rules

import (
	"fmt"
	"regexp"
	"text/template"

	"github.com/expr-lang/expr/vm"
)

// Scopes say what a rule looks at.
const (
	ScopeRepo      = "repo"      // once per included repository
	ScopePortfolio = "portfolio" // once, over all included repositories
	ScopeProfile   = "profile"   // once, over the host profile (unknown in local mode)
)

// Aggregations of a repository rule over the included repositories.
const (
	// AggBest takes the best three repositories, weighted 50/30/20: a few
	// strong projects earn full credit and experiments never lower it.
	AggBest = "best"
	// AggAll averages every repository: for habits that matter wherever
	// they are broken (a committed secret is public in an experiment too).
	AggAll = "all"
)

// Requirements a rule may declare; when the named data is not known the
// rule's outcome is unknown, never fail.
var requirements = []string{"history", "tests", "tree", "profile"}

// Rule is one check of a pathway step, as written in a rule file.
type Rule struct {
	ID    string `json:"id"`
	Step  string `json:"step"`
	Title string `json:"title"`
	Why   string `json:"why"`
	Scope string `json:"scope"`
	// Weight is the rule's share of its step's score (relative to the
	// step's other rules).
	Weight float64 `json:"weight"`
	// When is an expression saying whether the rule applies ("" = always).
	When string `json:"when,omitempty"`
	// Requires names data that must be known (history, tests, tree,
	// profile); otherwise the outcome is unknown.
	Requires []string `json:"requires,omitempty"`
	// UnknownIf is an expression; true makes the outcome unknown.
	UnknownIf string `json:"unknown_if,omitempty"`
	Check     Check  `json:"check"`
	// Aggregate is how repository outcomes combine: best (default) or all.
	Aggregate string `json:"aggregate,omitempty"`
	// Evidence is an expression returning a path, a list of paths or facts
	// evidence; its first item is cited by the finding.
	Evidence string `json:"evidence,omitempty"`
	// Advice is a text/template rendered with Data.
	Advice string `json:"advice"`
	// Pass and Fail are optional message templates for findings.
	Pass     string `json:"pass,omitempty"`
	Fail     string `json:"fail,omitempty"`
	Effort   string `json:"effort"`
	Disabled bool   `json:"disabled,omitempty"`
	// Source is where the rule was defined, "file:line".
	Source string `json:"source"`

	when, unknownIf, check, evidence *vm.Program
	advice, pass, fail               *template.Template
}

// Check is how a rule is checked: exactly one of its fields is set.
type Check struct {
	Files   *FilesCheck   `json:"files,omitempty"`
	Content *ContentCheck `json:"content,omitempty"`
	// Expr is an expression over facts returning a bool (pass/fail), a
	// number 0..1 (partial credit) or nil (unknown).
	Expr string `json:"expr,omitempty"`
}

// FilesCheck matches the repository's file list against globs.
type FilesCheck struct {
	Mode  string   `json:"mode"` // any, all or none
	Globs []string `json:"globs"`
	globs []*glob
}

// ContentCheck looks for a regular expression in the files matching Glob.
type ContentCheck struct {
	Glob  string `json:"glob"`
	Regex string `json:"regex"`
	glob  *glob
	re    *regexp.Regexp
}

// Describe says in words how the rule is checked.
func (c Check) Describe() string {
	switch {
	case c.Files != nil:
		switch c.Files.Mode {
		case "all":
			return fmt.Sprintf("every one of these globs matches a file: %v", c.Files.Globs)
		case "none":
			return fmt.Sprintf("no file matches any of: %v", c.Files.Globs)
		default:
			return fmt.Sprintf("a file matches one of: %v", c.Files.Globs)
		}
	case c.Content != nil:
		return fmt.Sprintf("a file matching %s contains /%s/", c.Content.Glob, c.Content.Regex)
	default:
		return "expression: " + c.Expr
	}
}

// Error is a problem in a rule or role file, with its position.
type Error struct {
	File   string
	Line   int
	Column int
	Msg    string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		// About the file as a whole (missing, unreadable): no position.
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// Tree is the file list and contents of one repository, for file and
// content checks.
type Tree struct {
	// Files are the repository's paths, slash-separated.
	Files []string
	// Read returns a file's content; nil when contents were not fetched.
	// An error for one path makes content checks unknown, not failed.
	Read func(path string) ([]byte, error)
	// Truncated is true when Files is only part of the tree: absences are
	// then unknown.
	Truncated bool
}
