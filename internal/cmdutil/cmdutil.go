// Package cmdutil holds what every command shares: the streams, the injected
// dependencies, and the errors that carry exit codes.
package cmdutil

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// Exit codes, documented in the README.
const (
	ExitOK      = 0 // done
	ExitFailure = 1 // failure while running (network, partial report)
	ExitInput   = 2 // bad input or configuration
	ExitBelow   = 3 // below --fail-under
)

// IOStreams are the command's standard streams.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// ErrTTY is true when ErrOut is a terminal: progress is drawn only then.
	ErrTTY bool
	// Color is false when NO_COLOR is set or ErrOut is not a terminal.
	Color bool
}

// Factory carries the dependencies commands get injected, so tests can swap
// the environment, the clock and the network.
type Factory struct {
	IO        *IOStreams
	Getenv    func(string) string
	Now       func() time.Time
	Transport http.RoundTripper // nil = http.DefaultTransport
	Version   string
	Commit    string
}

// System returns a Factory wired to the real process.
func System(version, commit string) *Factory {
	tty := isTerminal(os.Stderr)
	return &Factory{
		IO: &IOStreams{
			In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
			ErrTTY: tty,
			Color:  tty && os.Getenv("NO_COLOR") == "",
		},
		Getenv:  os.Getenv,
		Now:     time.Now,
		Version: version,
		Commit:  commit,
	}
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// ExitError is an error with the exit code it should end the process with.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

// InputError wraps err as bad input (exit 2).
func InputError(err error) error { return &ExitError{Code: ExitInput, Err: err} }

// InputErrorf formats a bad-input error (exit 2).
func InputErrorf(format string, a ...any) error {
	return &ExitError{Code: ExitInput, Err: fmt.Errorf(format, a...)}
}

// Code returns the exit code for err: 0 for nil, the ExitError's code, else 1.
func Code(err error) int {
	if err == nil {
		return ExitOK
	}
	var e *ExitError
	if errors.As(err, &e) {
		return e.Code
	}
	var s *Silent
	if errors.As(err, &s) {
		return s.Code
	}
	return ExitFailure
}

// Silent is returned when the command already told the user everything and
// only the exit code remains to be set.
type Silent struct{ Code int }

func (s *Silent) Error() string { return fmt.Sprintf("exit %d", s.Code) }
