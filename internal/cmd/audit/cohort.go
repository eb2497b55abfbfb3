package audit

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pathway-dev/pathway/internal/cmdutil"
	"github.com/pathway-dev/pathway/internal/cohort"
	"github.com/pathway-dev/pathway/internal/github"
	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/internal/safefile"
	"github.com/pathway-dev/pathway/internal/snapshot"
	"github.com/pathway-dev/pathway/rules"
)

// candidates are the logins from the arguments and --users-file, checked
// before any request.
func candidates(opts *Options) ([]cohort.Candidate, error) {
	var out []cohort.Candidate
	seen := map[string]bool{}
	for i, l := range opts.Logins {
		l = normalLogin(l)
		opts.Logins[i] = l
		out = append(out, cohort.Candidate{Login: l})
		seen[strings.ToLower(l)] = true
	}
	if opts.UsersFile != "" {
		f, err := os.Open(opts.UsersFile)
		if err != nil {
			return nil, cmdutil.InputErrorf("--users-file: %v", err)
		}
		defer f.Close()
		list, err := cohort.ParseUsers(opts.UsersFile, f)
		if err != nil {
			return nil, cmdutil.InputError(err)
		}
		for _, c := range list {
			c.Login = normalLogin(c.Login)
			if !seen[strings.ToLower(c.Login)] {
				seen[strings.ToLower(c.Login)] = true
				out = append(out, c)
			}
		}
	}
	for _, c := range out {
		if !github.ValidLogin(c.Login) {
			where := ""
			if c.Line > 0 {
				where = fmt.Sprintf(" (%s:%d)", opts.UsersFile, c.Line)
			}
			return nil, cmdutil.InputErrorf("%q is not a valid GitHub login%s: 1-39 letters, digits or single hyphens, not starting or ending with a hyphen", c.Login, where)
		}
		if c.Role != "" && !knownRole(c.Role) {
			return nil, cmdutil.InputErrorf("%s:%d: unknown role %q for %s; roles are %s", opts.UsersFile, c.Line, c.Role, c.Login, strings.Join(rules.Roles(), ", "))
		}
	}
	return out, nil
}

// normalLogin accepts what people paste for a login: "@octocat" or
// "https://github.com/octocat/".
func normalLogin(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"https://github.com/", "http://github.com/", "github.com/", "@"} {
		s = strings.TrimPrefix(s, p)
	}
	return strings.TrimSuffix(s, "/")
}

func knownRole(r string) bool {
	for _, k := range rules.Roles() {
		if k == r {
			return true
		}
	}
	return false
}

// roleOf is the candidate's own role from the users file, else --role.
func roleOf(c cohort.Candidate, opts *Options) string {
	if c.Role != "" {
		return c.Role
	}
	return opts.Role
}

// runGitHub audits each candidate; one failing does not stop the others.
func runGitHub(ctx context.Context, opts *Options, cands []cohort.Candidate, sets ruleSets, sopts snapshot.Options, asOf time.Time) ([]*report.Report, int, error) {
	gh, err := newGitHub(opts)
	if err != nil {
		return nil, 0, err
	}
	var reps []*report.Report
	var rows []cohort.Row
	failed := 0
	for i, c := range cands {
		if len(cands) > 1 && (opts.Verbose || opts.IO.ErrTTY) {
			fmt.Fprintf(opts.IO.ErrOut, "pathway: candidate %d/%d: %s\n", i+1, len(cands), c.Login)
		}
		snap, err := gh.Snapshot(ctx, c.Login, sopts)
		if err != nil {
			if ctx.Err() != nil {
				return nil, 0, ctx.Err()
			}
			// Bad credentials fail every candidate alike: stop at once.
			if len(cands) == 1 || errors.Is(err, snapshot.ErrBadCredentials) {
				return nil, 0, sourceError(err)
			}
			failed++
			fmt.Fprintf(opts.IO.ErrOut, "pathway: %s: %v\n", c.Login, err)
			rows = append(rows, cohort.Row{Login: c.Login, Name: c.Name, Role: roleOf(c, opts), Error: err.Error()})
			continue
		}
		// The coach's name for the candidate wins: the report and the
		// cohort summary must call the person the same.
		if c.Name != "" {
			snap.Profile.Name = c.Name
		}
		set, err := sets.get(roleOf(c, opts))
		if err != nil {
			return nil, 0, err
		}
		rep, file, err := write(opts, snap, sopts, set, roleOf(c, opts), asOf)
		if err != nil {
			return nil, 0, err
		}
		reps = append(reps, rep)
		row := cohort.FromReport(rep, filepath.Base(file))
		if c.Name != "" {
			row.Name = c.Name
		}
		rows = append(rows, row)
	}
	if opts.cohort() {
		if err := writeCohort(opts, rows, reps, asOf); err != nil {
			return nil, 0, err
		}
	}
	return reps, failed, nil
}

// writeCohort writes cohort.csv, cohort.json (and cohort.pdf with the PDF
// format) next to the candidates' reports.
func writeCohort(opts *Options, rows []cohort.Row, reps []*report.Report, asOf time.Time) error {
	dir := opts.Output
	if dir == "-" {
		return nil
	}
	sum := cohort.Summarise(rows, reps, generatedAt(opts), asOf, opts.Coach)
	js, err := cohort.JSON(sum)
	if err != nil {
		return err
	}
	files := map[string][]byte{"cohort.csv": cohort.CSV(sum), "cohort.json": js}
	for _, f := range opts.Formats {
		if f == "pdf" {
			data, err := renderCohortPDF(sum, opts)
			if err != nil {
				// The summary's CSV and JSON still serve the coach.
				fmt.Fprintf(opts.IO.ErrOut, "pathway: warning: cohort.pdf not written: %v\n", err)
				continue
			}
			files["cohort.pdf"] = data
		}
	}
	for _, name := range []string{"cohort.csv", "cohort.json", "cohort.pdf"} {
		data, ok := files[name]
		if !ok {
			continue
		}
		p := filepath.Join(dir, name)
		if err := safefile.Write(p, data, 0o644); err != nil {
			return err
		}
		if opts.Verbose || opts.IO.ErrTTY {
			fmt.Fprintf(opts.IO.ErrOut, "pathway: wrote %s\n", p)
		}
	}
	fmt.Fprintf(opts.IO.ErrOut, "pathway: cohort of %d: %d audited, %d failed; summary in %s\n",
		len(rows), len(rows)-sum.Failed, sum.Failed, filepath.Join(dir, "cohort.csv"))
	return nil
}
