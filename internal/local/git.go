package local

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// gitError is a failed git command, with git's own first line of complaint.
type gitError struct {
	args   []string
	code   int
	stderr string
}

func (e *gitError) Error() string {
	return fmt.Sprintf("git %s: %s", strings.Join(e.args, " "), e.said())
}

// said is git's first line of complaint.
func (e *gitError) said() string {
	msg := e.stderr
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	msg = strings.TrimPrefix(strings.TrimSpace(msg), "fatal: ")
	if msg == "" {
		msg = fmt.Sprintf("exit status %d", e.code)
	}
	return msg
}

// gitSays is what git complained of, without the command line.
func gitSays(err error) string {
	var ge *gitError
	if errors.As(err, &ge) {
		return ge.said()
	}
	return err.Error()
}

// exitCode returns the exit status of a failed git command, or -1.
func exitCode(err error) int {
	var ge *gitError
	if errors.As(err, &ge) {
		return ge.code
	}
	return -1
}

// Variables that would point git at another repository or change what it
// reads than the folder we name: set when pathway runs inside a git hook or
// under another git command.
var droppedEnv = map[string]bool{
	"GIT_DIR": true, "GIT_WORK_TREE": true, "GIT_INDEX_FILE": true,
	"GIT_OBJECT_DIRECTORY": true, "GIT_ALTERNATE_OBJECT_DIRECTORIES": true,
	"GIT_COMMON_DIR": true, "GIT_NAMESPACE": true, "GIT_CEILING_DIRECTORIES": true,
	"GIT_DISCOVERY_ACROSS_FILESYSTEM": true, "GIT_PREFIX": true, "GIT_SHALLOW_FILE": true,
	"GIT_GRAFT_FILE": true, "GIT_REPLACE_REF_BASE": true, "GIT_CONFIG_PARAMETERS": true,
	"GIT_CONFIG_COUNT": true, "GIT_PAGER": true, "GIT_EXTERNAL_DIFF": true,
	"GIT_QUARANTINE_PATH": true, "LC_ALL": true, "LANGUAGE": true,
}

func gitEnv(ceiling string) []string {
	env := make([]string, 0, len(os.Environ())+6)
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if droppedEnv[k] {
			continue
		}
		env = append(env, kv)
	}
	env = append(env,
		"LC_ALL=C",                 // stable, parseable messages
		"GIT_TERMINAL_PROMPT=0",    // never wait for a password
		"GIT_OPTIONAL_LOCKS=0",     // an audit must not write to the index
		"GIT_NO_REPLACE_OBJECTS=1", // judge the history as committed
		"GIT_NO_LAZY_FETCH=1",      // partial clones: a missing blob is "not fetched", not a network call (git >= 2.45)
	)
	if ceiling != "" {
		env = append(env, "GIT_CEILING_DIRECTORIES="+ceiling)
	}
	return env
}

// command prepares git in dir. Discovery is fenced at dir's parent, so a
// broken .git inside a folder that is itself in a checkout is reported as
// broken rather than silently read as the outer repository.
func (s *Source) command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	full := append([]string{
		"--no-pager",
		"-c", "core.fsmonitor=false",
		"-c", "log.showSignature=false",
		"-c", "core.quotePath=false",
	}, args...)
	cmd := exec.CommandContext(ctx, s.git, full...)
	cmd.Dir = dir
	cmd.Env = gitEnv(filepath.Dir(dir))
	cmd.WaitDelay = 2 * time.Second
	return cmd
}

// run runs git in dir and returns its standard output.
func (s *Source) run(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := s.command(ctx, dir, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		code := -1
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else {
			return nil, fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
		}
		return out, &gitError{args: args, code: code, stderr: stderr.String()}
	}
	return out, nil
}

// enclosing returns the top of the checkout dir lies inside, or "".
func (s *Source) enclosing(ctx context.Context, dir string) string {
	cmd := exec.CommandContext(ctx, s.git, "rev-parse", "--show-toplevel")
	cmd.Dir = dir
	cmd.Env = gitEnv("")
	cmd.WaitDelay = 2 * time.Second
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
