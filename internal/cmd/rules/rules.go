// Package rules implements `pathway rules`: list, explain and validate the
// rule files that score the 12 steps.
package rules

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/pathway-dev/pathway/internal/cmdutil"
	"github.com/pathway-dev/pathway/rules"
)

// Options are the inputs shared by the subcommands.
type Options struct {
	IO        *cmdutil.IOStreams
	Role      string
	RulesDirs []string
	JSON      bool
	ID        string
	Paths     []string
}

// NewCmdRules returns `pathway rules` and its subcommands.
func NewCmdRules(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules <command>",
		Short: "List, explain and validate the rules that score the 12 steps",
		Long: `Rules live in YAML files, one per pathway step, built into pathway.
--rules DIR adds rule files: a new id adds a rule, an existing id replaces it,
and an entry with only id and disabled: true (or a new weight) adjusts it.`,
	}
	cmd.AddCommand(newCmdList(f), newCmdExplain(f), newCmdValidate(f))
	return cmd
}

func roleHelp() string { return "rubric for the target role: " + strings.Join(rules.Roles(), ", ") }

func newCmdList(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the rules with their step, weight and title",
		Args:  cobra.NoArgs,
		RunE:  func(*cobra.Command, []string) error { return RunList(opts) },
	}
	cmd.Flags().StringVar(&opts.Role, "role", rules.DefaultRole, roleHelp())
	cmd.Flags().StringArrayVar(&opts.RulesDirs, "rules", nil, "add or override rules from the YAML files in `DIR` (repeatable)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the rules as JSON")
	return cmd
}

func load(opts *Options) (*rules.Set, error) {
	set, err := rules.Load(opts.Role, opts.RulesDirs...)
	if err != nil {
		return nil, cmdutil.InputError(err)
	}
	return set, nil
}

// RunList prints the enabled rules of the role as an aligned table or JSON.
func RunList(opts *Options) error {
	set, err := load(opts)
	if err != nil {
		return err
	}
	list := set.Rules()
	if opts.JSON {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		if list == nil {
			list = []*rules.Rule{}
		}
		return enc.Encode(list)
	}
	tw := tabwriter.NewWriter(opts.IO.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTEP\tWEIGHT\tTITLE")
	for _, r := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Step, num(r.Weight), r.Title)
	}
	return tw.Flush()
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func newCmdExplain(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "explain <rule-id>",
		Short: "Explain a rule: why it matters, how it is checked, the advice and its weight per role",
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.ID = args[0]
			return RunExplain(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Role, "role", rules.DefaultRole, roleHelp())
	cmd.Flags().StringArrayVar(&opts.RulesDirs, "rules", nil, "add or override rules from the YAML files in `DIR` (repeatable)")
	return cmd
}

// RunExplain describes one rule.
func RunExplain(opts *Options) error {
	set, err := load(opts)
	if err != nil {
		return err
	}
	r := set.Rule(opts.ID)
	if r == nil {
		var near []string
		for _, c := range set.All() {
			if strings.HasPrefix(c.ID, strings.SplitN(opts.ID, "/", 2)[0]+"/") {
				near = append(near, c.ID)
			}
		}
		hint := "run 'pathway rules list' to see every rule"
		if len(near) > 0 {
			hint = "rules of that step: " + strings.Join(near, ", ")
		}
		return cmdutil.InputErrorf("no rule %q: %s", opts.ID, hint)
	}
	w := opts.IO.Out
	step, _ := rules.Step(r.Step)
	fmt.Fprintf(w, "%s — %s\n", r.ID, r.Title)
	if r.Disabled {
		fmt.Fprintln(w, "(disabled)")
	}
	field(w, "Step", fmt.Sprintf("%d %s (%s)", step.Number, step.ID, step.Title))
	field(w, "Why", r.Why)
	field(w, "Scope", scopeText(r))
	when := r.When
	if when == "" {
		when = "always"
	}
	field(w, "Applies when", when)
	if len(r.Requires) > 0 {
		field(w, "Needs", strings.Join(r.Requires, ", ")+" (unknown, not failed, when missing)")
	}
	if r.UnknownIf != "" {
		field(w, "Unknown if", r.UnknownIf)
	}
	field(w, "Check", r.Check.Describe())
	field(w, "Advice", r.Advice)
	field(w, "Effort", r.Effort)
	var weights []string
	for _, role := range rules.Roles() {
		s, err := rules.Load(role, opts.RulesDirs...)
		if err != nil {
			continue
		}
		if rr := s.Rule(r.ID); rr != nil {
			v := num(rr.Weight)
			if rr.Disabled {
				v = "off"
			}
			weights = append(weights, role+" "+v)
		}
	}
	field(w, "Weight", strings.Join(weights, ", "))
	field(w, "Source", r.Source)
	return nil
}

func scopeText(r *rules.Rule) string {
	switch r.Scope {
	case rules.ScopeRepo:
		if r.Aggregate == rules.AggAll {
			return "each repository; all included repositories averaged"
		}
		return "each repository; the best three count 50/30/20"
	case rules.ScopePortfolio:
		return "the portfolio as a whole"
	}
	return "the profile"
}

func field(w io.Writer, name, value string) {
	fmt.Fprintf(w, "%-13s %s\n", name+":", value)
}

func newCmdValidate(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{IO: f.IO}
	return &cobra.Command{
		Use:   "validate <path>...",
		Short: "Check rule and role files (or directories of them) and report every error",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Paths = args
			return RunValidate(opts)
		},
	}
}

// RunValidate validates the files; every error is listed and the exit code
// is 2 when there is any.
func RunValidate(opts *Options) error {
	n, errs := rules.Lint(opts.Paths...)
	if len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.Error()
		}
		noun := "errors"
		if len(errs) == 1 {
			noun = "error"
		}
		return cmdutil.InputError(fmt.Errorf("%d %s in rule files:\n%s", len(errs), noun, strings.Join(msgs, "\n")))
	}
	noun := "rules"
	if n == 1 {
		noun = "rule"
	}
	fmt.Fprintf(opts.IO.Out, "%d %s OK\n", n, noun)
	return nil
}
