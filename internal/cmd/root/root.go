// Package root assembles the pathway command tree.
package root

import (
	"github.com/spf13/cobra"

	"github.com/pathway-dev/pathway/internal/cmd/audit"
	rulescmd "github.com/pathway-dev/pathway/internal/cmd/rules"
	"github.com/pathway-dev/pathway/internal/cmd/version"
	"github.com/pathway-dev/pathway/internal/cmdutil"
)

// NewCmdRoot returns the `pathway` command with every subcommand.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "pathway <command>",
		Short: "How ready is your public work for a backend job?",
		Long: `pathway reads a developer's repositories (on GitHub, or local checkouts),
finds the evidence in them — languages, tests, CI, README, history, frameworks,
databases, APIs, security habits, deployment — scores it against the 12 steps of
the backend pathway, and writes a readiness report that ends on the job hunt:
a verdict, the actions that matter most, and resume-ready highlights.

Exit codes: 0 done, 1 failure while running (network, partial report),
2 bad input or configuration, 3 below --fail-under.`,
		Example: `  # Audit a GitHub account (set GITHUB_TOKEN for 5,000 requests an hour)
  pathway audit octocat

  # Audit the repository you are in, offline, and fail under 60
  pathway audit --local . --fail-under 60 --format md

  # What do the rules check?
  pathway rules list --role backend-java`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version.Get(f).Version,
	}
	cmd.SetOut(f.IO.Out)
	cmd.SetErr(f.IO.ErrOut)
	cmd.SetVersionTemplate("pathway {{.Version}}\n")
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return cmdutil.InputErrorf("%v\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	cmd.AddCommand(audit.NewCmdAudit(f, nil))
	cmd.AddCommand(rulescmd.NewCmdRules(f))
	cmd.AddCommand(version.NewCmdVersion(f))
	return cmd
}
