// Command pathway tells a developer how ready their public work is for a
// backend job, and what to do next. See README.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/pathway-dev/pathway/internal/cmd/root"
	"github.com/pathway-dev/pathway/internal/cmdutil"
)

// Set with -ldflags "-X main.version=... -X main.commit=..." by release builds;
// otherwise the build info of `go install` fills them in.
var (
	version = ""
	commit  = ""
)

func main() {
	os.Exit(run())
}

func run() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	f := cmdutil.System(version, commit)
	cmd := root.NewCmdRoot(f)
	err := cmd.ExecuteContext(ctx)
	if err == nil {
		return cmdutil.ExitOK
	}
	// cobra's own usage errors (an unknown command, a wrong number of
	// arguments) are bad input too.
	if cmdutil.Code(err) == cmdutil.ExitFailure && usageError(err) {
		err = cmdutil.InputErrorf("%v\nRun 'pathway --help' for usage.", err)
	}
	var silent *cmdutil.Silent
	if !errors.As(err, &silent) {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(f.IO.ErrOut, "pathway: interrupted")
		} else {
			fmt.Fprintf(f.IO.ErrOut, "pathway: %v\n", err)
		}
	}
	return cmdutil.Code(err)
}

func usageError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command ", "accepts ", "requires at least ", "requires at most ", "invalid argument "} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}
