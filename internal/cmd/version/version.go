// Package version implements `pathway version`.
package version

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/pathway-dev/pathway/internal/cmdutil"
)

// Info is what `pathway version` prints.
type Info struct {
	Version string
	Commit  string
	Go      string
}

// Get combines the link-time values with the module build info, so both a
// release build and `go install ...@v0.1.0` report a version.
func Get(f *cmdutil.Factory) Info {
	info := Info{Version: f.Version, Commit: f.Commit, Go: runtime.Version()}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if info.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			info.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && info.Commit == "" {
				info.Commit = s.Value
			}
		}
	}
	if info.Version == "" {
		info.Version = Default
	}
	if info.Commit == "" {
		info.Commit = "unknown"
	}
	return info
}

// Default is the version of this source tree, used when the build carries none.
const Default = "0.1.0"

// NewCmdVersion returns `pathway version`.
func NewCmdVersion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print pathway's version, commit and Go version",
		Long: `Print the version of this pathway binary, the commit it was built from
(from -ldflags or Go's build info) and the Go version that built it. Reports
carry the same version in tool.version.`,
		Example: `  pathway version
  pathway --version`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			i := Get(f)
			fmt.Fprintf(f.IO.Out, "pathway %s (commit %s, %s)\n", i.Version, shortSHA(i.Commit), i.Go)
			return nil
		},
	}
}

func shortSHA(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}
