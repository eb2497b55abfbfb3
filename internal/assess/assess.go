// Package assess turns facts into the readiness report: it evaluates the
// rules, scores the 12 steps, and derives the verdict, the ranked actions
// and the highlights. The method is documented in rules/README.md and
// repeated in every report (Scoring.Method).
package assess

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/rules"
)

// Thresholds of the documented scoring.
const (
	StrongAt      = 75 // step status strong
	DevelopingAt  = 40 // step status developing, below: missing
	ReadyAt       = 75 // overall level ready
	NearlyThereAt = 50 // overall level nearly-there, below: keep-building
	// ReadyCoverage is the share of checks that must have been made for the
	// level to be ready (a partial or mostly unknown audit is at most
	// nearly-there).
	ReadyCoverage = 0.6
)

// bestWeights weight the best, second and third repository of a "best"
// repository rule; a missing repository counts 0, so three strong projects
// earn full credit and a weak experiment (which can only fill an empty slot
// or sit below the top three) never lowers it.
var bestWeights = [3]float64{0.5, 0.3, 0.2}

// maxActions caps the global action list; steps keep all of theirs.
const maxActions = 12

// Options are the inputs of an assessment besides the facts.
type Options struct {
	// Role is written to the report; "" takes the rule set's role.
	Role string
	// AsOf is the reference time of the audit.
	AsOf time.Time
	// Trees gives file and content checks the files of each repository, by
	// facts.Repo.Name (see rules.TreeOf). Without a tree those rules are
	// unknown for the repository, never failed.
	Trees map[string]*rules.Tree
	// Project judges the repositories as projects rather than a portfolio
	// (a local audit in CI): portfolio-wide rules do not apply, the best
	// repositories share the whole credit of a repository rule, the
	// database, framework and API rules apply only to web services, and a
	// step where nothing applies is left out of the overall score.
	Project bool
}

// ruleState is one rule evaluated over the portfolio.
type ruleState struct {
	rule    *rules.Rule
	step    int // index into rules.Steps
	results []rules.Result
	repos   []*facts.Repo // parallel to results (nil entries for portfolio rules)
	credit  float64
	project bool // Options.Project
	known   bool // at least one pass/fail
	unknown bool // at least one unknown
}

// Run assesses the portfolio with the rule set. It fills everything but the
// subject, tool, generation time and source warnings, which the caller
// knows.
func Run(pf *facts.Portfolio, set *rules.Set, opts Options) *report.Report {
	if pf == nil {
		pf = &facts.Portfolio{}
	}
	role := opts.Role
	if role == "" {
		role = set.Role().Name
	}
	var included []*facts.Repo
	for _, r := range pf.Repos {
		if r != nil && r.Included {
			included = append(included, r)
		}
	}
	profile := pf.Profile
	in := rules.NewInput(included, &profile, opts.AsOf)
	in.Project = opts.Project

	states := evaluate(set, in, opts.Trees, opts.Project)
	sc := newScorer(set, states, opts.Project)
	stepF, stepKnown := sc.steps(nil, 0)
	stepInt := make([]int, len(rules.Steps))
	for i := range stepF {
		stepInt[i] = int(math.Round(stepF[i]))
	}

	rep := &report.Report{
		Schema:     report.Schema,
		AsOf:       opts.AsOf,
		Role:       role,
		Profile:    &profile,
		Warnings:   []string{},
		Highlights: []string{},
	}
	// Overall: the weighted mean of the step scores that could be judged.
	var sum, wsum float64
	for i, st := range rules.Steps {
		if stepKnown[i] {
			w := set.StepWeight(st.ID)
			sum += w * float64(stepInt[i])
			wsum += w
		}
	}
	overall := 0
	if wsum > 0 {
		overall = int(math.Round(sum / wsum))
	}
	cov := coverage(states, -1)
	lvl := level(overall)
	// "Ready" is a claim about the whole portfolio: it needs most of the
	// checks to have been made, not a few strong ones.
	if lvl == report.Ready && cov < ReadyCoverage {
		lvl = report.NearlyThere
	}
	rep.Overall = report.Overall{Score: overall, Level: lvl, Coverage: cov}

	actions := sc.actions(set, in)
	for i, st := range rules.Steps {
		step := report.Step{
			Number:   st.Number,
			ID:       st.ID,
			Title:    st.Title,
			Why:      st.Why,
			Weight:   set.StepWeight(st.ID),
			Score:    stepInt[i],
			Status:   status(stepInt[i]),
			Coverage: coverage(states, i),
			Counted:  stepKnown[i],
			Evidence: evidence(st.ID, included, states, i),
			Findings: findings(states, i),
			Actions:  []report.Action{},
		}
		for _, a := range actions {
			if a.Step == st.ID {
				step.Actions = append(step.Actions, a)
			}
		}
		// A step that does not apply to a project asks nothing of it: no
		// "add a database" to a command-line tool.
		notApplicable := opts.Project && !stepKnown[i] && len(step.Findings) > 0 && allNA(step.Findings)
		if notApplicable {
			step.Actions = []report.Action{}
		} else if step.Status != report.Strong && len(step.Actions) == 0 {
			step.Actions = append(step.Actions, fallback(set, in, states, i, sc))
		}
		rep.Steps = append(rep.Steps, step)
	}
	rep.Actions = rank(rep.Steps)
	rep.Position = position(rep.Steps, stepKnown, states)
	for _, r := range pf.Repos {
		if r != nil {
			rep.Repos = append(rep.Repos, repoEntry(r))
		}
	}
	if rep.Repos == nil {
		rep.Repos = []report.Repo{}
	}
	for _, h := range highlights(included, &profile) {
		rep.Highlights = append(rep.Highlights, h.Text)
		rep.HighlightRefs = append(rep.HighlightRefs, h)
	}
	rep.Scoring = scoring(states)
	if opts.Project {
		rep.Scoring.Method += projectMethod
	}
	return rep
}

func evaluate(set *rules.Set, in *rules.Input, trees map[string]*rules.Tree, project bool) []*ruleState {
	var out []*ruleState
	missing := ""
	for _, r := range in.Repos {
		if r.Unavailable != "" {
			missing = r.Name + ": " + r.Unavailable
			break
		}
	}
	for _, r := range set.Rules() {
		st := &ruleState{rule: r, step: stepIndex(r.Step), project: project}
		if st.step < 0 {
			continue
		}
		switch {
		case r.Scope == rules.ScopeRepo:
			for _, repo := range in.Repos {
				if repo.Unavailable != "" {
					st.results = append(st.results, rules.Result{Outcome: rules.Unknown, Repo: repo.Name,
						Message: repo.Name + " could not be read (" + repo.Unavailable + ")"})
					st.repos = append(st.repos, repo)
					continue
				}
				st.results = append(st.results, set.Eval(r, in, repo, trees[repo.Name]))
				st.repos = append(st.repos, repo)
			}
		case project && r.Scope == rules.ScopePortfolio:
			st.results = append(st.results, rules.Result{Outcome: rules.NotApplicable,
				Message: "judged across a whole portfolio: run pathway audit <github-login> for it"})
			st.repos = append(st.repos, nil)
		default:
			res := set.Eval(r, in, nil, nil)
			// A portfolio judged without some of its repositories can
			// still pass, but a fail may only mean what was not read.
			if res.Outcome == rules.Fail && missing != "" {
				res = rules.Result{Outcome: rules.Unknown, Message: "not all repositories could be read (" + missing + ")"}
			}
			st.results = append(st.results, res)
			st.repos = append(st.repos, nil)
		}
		st.credit, st.known, st.unknown = aggregate(st, st.results, -1, 0)
		out = append(out, st)
	}
	return out
}

func stepIndex(id string) int {
	for i, s := range rules.Steps {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// aggregate combines a rule's results; override >= 0 replaces that
// result's credit by with (for "what if" impacts), and override ==
// len(results) adds a new repository with credit with.
func aggregate(s *ruleState, results []rules.Result, override int, with float64) (credit float64, known, unknown bool) {
	r := s.rule
	var credits []float64
	for i, res := range results {
		switch {
		case i == override:
			credits = append(credits, with)
		case res.Known():
			credits = append(credits, res.Credit)
		case res.Outcome == rules.Unknown:
			unknown = true
		}
	}
	if override == len(results) {
		credits = append(credits, with)
	}
	if len(credits) == 0 {
		return 0, false, unknown
	}
	if r.Scope != rules.ScopeRepo {
		return credits[0], true, unknown
	}
	if r.Aggregate == rules.AggAll {
		var s float64
		for _, c := range credits {
			s += c
		}
		return s / float64(len(credits)), true, unknown
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(credits)))
	// A project audit has only the repositories it was given: they share
	// the whole credit instead of leaving the empty slots at 0.
	norm := 1.0
	if s.project {
		norm = 0
		for i := 0; i < len(bestWeights) && i < len(credits); i++ {
			norm += bestWeights[i]
		}
	}
	for i := 0; i < len(bestWeights) && i < len(credits); i++ {
		credit += bestWeights[i] * credits[i] / norm
	}
	return credit, true, unknown
}

// scorer computes step and overall scores, also for hypothetical changes.
type scorer struct {
	states []*ruleState
	weight []float64 // step weights
	// naOnly marks steps where nothing applies: they count as 0 in a
	// portfolio, and not at all in a project audit.
	naOnly  []bool
	project bool
}

func newScorer(set *rules.Set, states []*ruleState, project bool) *scorer {
	sc := &scorer{states: states, weight: make([]float64, len(rules.Steps)), naOnly: make([]bool, len(rules.Steps)), project: project}
	for i, st := range rules.Steps {
		sc.weight[i] = set.StepWeight(st.ID)
		sc.naOnly[i] = true
	}
	for _, s := range states {
		if s.known || s.unknown {
			sc.naOnly[s.step] = false
		}
	}
	return sc
}

// steps returns each step's score (0..100, unrounded) and whether it counts
// in the overall score. With what != nil, that rule's credit is taken as
// credit instead (and the rule as known).
func (sc *scorer) steps(what *ruleState, credit float64) ([]float64, []bool) {
	n := len(rules.Steps)
	num, den := make([]float64, n), make([]float64, n)
	counts := make([]bool, n)
	for _, s := range sc.states {
		c, known := s.credit, s.known
		if s == what {
			c, known = credit, true
		}
		if !known {
			continue
		}
		num[s.step] += s.rule.Weight * c
		den[s.step] += s.rule.Weight
		counts[s.step] = true
	}
	out := make([]float64, n)
	for i := range out {
		if den[i] > 0 {
			out[i] = 100 * num[i] / den[i]
		}
		// A step where nothing applies is a step not started: it counts
		// as 0. A step where everything is unknown does not count at all.
		if sc.naOnly[i] {
			counts[i] = !sc.project
		}
	}
	return out, counts
}

func (sc *scorer) overall(what *ruleState, credit float64) float64 {
	steps, counts := sc.steps(what, credit)
	var sum, wsum float64
	for i := range steps {
		if counts[i] {
			sum += sc.weight[i] * steps[i]
			wsum += sc.weight[i]
		}
	}
	if wsum == 0 {
		return 0
	}
	return sum / wsum
}

func status(score int) string {
	switch {
	case score >= StrongAt:
		return report.Strong
	case score >= DevelopingAt:
		return report.Developing
	}
	return report.Missing
}

func level(score int) string {
	switch {
	case score >= ReadyAt:
		return report.Ready
	case score >= NearlyThereAt:
		return report.NearlyThere
	}
	return report.KeepBuilding
}

// coverage is the share of applicable outcomes that were known, for one
// step (or all with step < 0). Nothing applicable counts as fully known.
func coverage(states []*ruleState, step int) float64 {
	known, all := 0, 0
	for _, s := range states {
		if step >= 0 && s.step != step {
			continue
		}
		for _, r := range s.results {
			switch r.Outcome {
			case rules.Pass, rules.Fail:
				known++
				all++
			case rules.Unknown:
				all++
			}
		}
	}
	if all == 0 {
		return 1
	}
	return round(float64(known)/float64(all), 2)
}

func round(f float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(f*p) / p
}

func findings(states []*ruleState, step int) []report.Finding {
	out := []report.Finding{}
	for _, s := range states {
		if s.step != step {
			continue
		}
		applicable := false
		for _, r := range s.results {
			if r.Outcome == rules.NotApplicable {
				continue
			}
			applicable = true
			out = append(out, report.Finding{
				Rule: s.rule.ID, Title: s.rule.Title, Repo: r.Repo, Outcome: r.Outcome,
				Credit: round(r.Credit, 2), Message: r.Message, Path: r.Path,
			})
		}
		if !applicable {
			msg := "applies to none of the included repositories"
			if s.rule.Scope != rules.ScopeRepo && len(s.results) > 0 {
				msg = s.results[0].Message
			}
			out = append(out, report.Finding{Rule: s.rule.ID, Title: s.rule.Title, Outcome: rules.NotApplicable, Message: msg})
		}
	}
	return out
}

// actions proposes, for every rule short of full credit, the single change
// that would gain the most, with its gain in overall points.
func (sc *scorer) actions(set *rules.Set, in *rules.Input) []report.Action {
	base := sc.overall(nil, 0)
	var out []report.Action
	for _, s := range sc.states {
		if !s.known || s.credit >= 1 {
			continue
		}
		a := report.Action{Step: s.rule.Step, Rule: s.rule.ID, Effort: s.rule.Effort}
		if s.rule.Scope != rules.ScopeRepo {
			a.Text = set.Advice(s.rule, in, nil)
			if in.Main != nil && s.rule.Scope == rules.ScopePortfolio {
				a.Repo = in.Main.Name
			}
			a.Impact = round(sc.overall(s, 1)-base, 1)
		} else {
			bestGain, bestIdx := 0.0, -1
			for i, r := range s.results {
				if !r.Known() || r.Credit >= 1 {
					continue
				}
				c, _, _ := aggregate(s, s.results, i, 1)
				if g := c - s.credit; g > bestGain+1e-9 {
					bestGain, bestIdx = g, i
				}
			}
			if bestIdx >= 0 {
				repo := s.repos[bestIdx]
				c, _, _ := aggregate(s, s.results, bestIdx, 1)
				a.Repo = repo.Name
				a.Text = set.Advice(s.rule, in, repo)
				a.Impact = round(sc.overall(s, c)-base, 1)
			} else {
				// Every applicable repository already passes: the credit
				// is short only because fewer than three show it.
				c, _, _ := aggregate(s, s.results, len(s.results), 1)
				var passing []string
				for _, r := range s.results {
					if r.Outcome == rules.Pass {
						passing = append(passing, r.Repo)
					}
				}
				if len(passing) > 0 {
					a.Repo = passing[0]
				}
				a.Text = fmt.Sprintf("%s: so far only %s shows this; do the same in another backend project.",
					s.rule.Title, strings.Join(passing, " and "))
				a.Impact = round(sc.overall(s, c)-base, 1)
			}
		}
		if a.Impact <= 0 {
			continue
		}
		out = append(out, a)
	}
	sortActions(out)
	return out
}

var effortRank = map[string]int{"small": 0, "medium": 1, "large": 2}

func sortActions(a []report.Action) {
	sort.SliceStable(a, func(i, j int) bool {
		if a[i].Impact != a[j].Impact {
			return a[i].Impact > a[j].Impact
		}
		if effortRank[a[i].Effort] != effortRank[a[j].Effort] {
			return effortRank[a[i].Effort] < effortRank[a[j].Effort]
		}
		if si, sj := stepIndex(a[i].Step), stepIndex(a[j].Step); si != sj {
			return si < sj
		}
		return a[i].Rule < a[j].Rule
	})
}

// fallback gives a step below strong an action when no rule can gain
// points: its data was unknown, or nothing in it applied yet.
func fallback(set *rules.Set, in *rules.Input, states []*ruleState, step int, sc *scorer) report.Action {
	var heaviest *ruleState
	for _, s := range states {
		if s.step != step {
			continue
		}
		if s.unknown && !s.known {
			for i, r := range s.results {
				if r.Outcome == rules.Unknown {
					a := report.Action{Step: s.rule.Step, Rule: s.rule.ID, Effort: s.rule.Effort, Repo: r.Repo,
						Text: fmt.Sprintf("Could not check %q: %s. Meanwhile: %s", s.rule.Title, r.Message, set.Advice(s.rule, in, s.repos[i]))}
					return a
				}
			}
		}
		if heaviest == nil || s.rule.Weight > heaviest.rule.Weight {
			heaviest = s
		}
	}
	if heaviest == nil {
		return report.Action{Step: rules.Steps[step].ID, Text: "No rule checks this step in the current rule set."}
	}
	a := report.Action{Step: heaviest.rule.Step, Rule: heaviest.rule.ID, Effort: heaviest.rule.Effort,
		Text: set.Advice(heaviest.rule, in, in.Main)}
	if in.Main != nil {
		a.Repo = in.Main.Name
	}
	a.Impact = math.Max(0, round(sc.overall(heaviest, 1)-sc.overall(nil, 0), 1))
	return a
}

// rank builds the global list: each step below strong keeps its best
// action, the rest fill up to maxActions by impact.
func rank(steps []report.Step) []report.Action {
	var must, rest []report.Action
	// Two rules can ask for the same change ("add a GitHub Actions
	// workflow that runs the tests" for CI present and CI runs tests): the
	// plan lists it once.
	seen := map[string]bool{}
	for _, s := range steps {
		for i, a := range s.Actions {
			key := a.Repo + "|" + opening(a.Text)
			switch {
			case i == 0 && s.Status != report.Strong && s.Counted:
				must = append(must, a)
			case a.Impact <= 0 || (a.Repo != "" && seen[key]):
				continue // nothing to gain overall, or already planned
			default:
				rest = append(rest, a)
			}
			seen[key] = true
		}
	}
	sortActions(rest)
	out := append(must, rest[:max(0, min(len(rest), maxActions-len(must)))]...)
	// The plan always has something to do, even when every scored step
	// is strong.
	if len(out) == 0 {
		for _, s := range steps {
			if len(s.Actions) > 0 {
				out = append(out, s.Actions[0])
				break
			}
		}
	}
	sortActions(out)
	for i := range out {
		out[i].Priority = i + 1
	}
	if out == nil {
		out = []report.Action{}
	}
	return out
}

func position(steps []report.Step, counted []bool, states []*ruleState) report.Position {
	p := report.Position{Done: []string{}}
	firstUnknown := ""
	for i, s := range steps {
		if s.Status == report.Strong {
			p.Done = append(p.Done, s.ID)
			continue
		}
		if !counted[i] {
			// A step left out because nothing in it applies is not a
			// step to work on; one left out for want of data may be.
			if firstUnknown == "" && hasUnknown(s.Findings) {
				firstUnknown = s.ID
			}
			continue
		}
		if p.Next == "" {
			p.Next = s.ID
		}
	}
	if p.Next == "" {
		p.Next = firstUnknown
	}
	// Every step that counts is strong: the next step is the job hunt.
	if p.Next == "" || !counted[stepIndex(p.Next)] && allStrong(steps, counted) {
		p.Next = "job-ready"
	}
	return p
}

// opening is the first five words of an action, lower-cased: enough to
// tell two wordings of the same change.
func opening(text string) string {
	w := strings.Fields(strings.ToLower(text))
	return strings.Join(w[:min(5, len(w))], " ")
}

func allNA(fs []report.Finding) bool {
	for _, f := range fs {
		if f.Outcome != report.NotApplicable {
			return false
		}
	}
	return true
}

func allStrong(steps []report.Step, counted []bool) bool {
	for i, s := range steps {
		if counted[i] && s.Status != report.Strong {
			return false
		}
	}
	return true
}

func hasUnknown(fs []report.Finding) bool {
	for _, f := range fs {
		if f.Outcome == report.Unknown {
			return true
		}
	}
	return false
}

func scoring(states []*ruleState) report.Scoring {
	sc := report.Scoring{
		Method: method,
		Thresholds: map[string]int{
			"strong": StrongAt, "developing": DevelopingAt,
			"ready": ReadyAt, "nearly-there": NearlyThereAt,
		},
	}
	for _, s := range states {
		for _, r := range s.results {
			if r.Outcome == rules.Unknown {
				sc.Unknown = append(sc.Unknown, report.Finding{Rule: s.rule.ID, Title: s.rule.Title, Repo: r.Repo, Outcome: r.Outcome, Message: r.Message})
			}
		}
	}
	return sc
}

// method is printed in every report; keep it in step with rules/README.md.
const method = "Each rule gives pass, fail, not-applicable or unknown, with a credit from 0 to 1 (partial credit passes from 0.5). " +
	"A repository rule combines the included repositories: by default the best three count 50%, 30% and 20% (a missing one counts 0, " +
	"so experiments never lower a score); rules marked \"all\" average every repository. Not-applicable and unknown outcomes are skipped. " +
	"A step's score is the weighted mean of its rules' credits over the rules with a known outcome, times 100; " +
	"strong from 75, developing from 40, otherwise missing. A step where nothing applies scores 0; a step where nothing could be checked is left out. " +
	"The overall score is the weighted mean of the step scores (weights: testing and build-projects 1.5, keep-learning and networking 0.5, others 1, " +
	"as adjusted by the role); ready from 75 with at least 60% of the checks made, nearly-there from 50, otherwise keep-building. " +
	"A repository that could not be read keeps its rules unknown, and a portfolio or profile rule that fails while one is missing is unknown. " +
	"Coverage is the share of applicable outcomes that were known. An action's impact is the overall points it would add."

// projectMethod is added for a local audit, which judges projects.
const projectMethod = " This is a project audit (local checkouts): the repositories given share the whole credit of a repository rule, " +
	"portfolio-wide rules do not apply, database, framework and API rules apply only to web services, " +
	"a step where nothing applies is left out of the overall score (steps with counted=false), and profile rules are unknown unless --user is given."

// evidence collects what the reader can check for a step: the detectors'
// evidence of the matching facts and the paths cited by passing findings.
func evidence(step string, repos []*facts.Repo, states []*ruleState, idx int) []report.Evidence {
	const limit = 10
	out := []report.Evidence{}
	seen := map[report.Evidence]bool{}
	add := func(repo string, evs ...facts.Evidence) {
		for _, e := range evs {
			if len(out) >= limit {
				return
			}
			if e.Repo == "" {
				e.Repo = repo
			}
			if e.Text == "" || seen[e] {
				continue
			}
			seen[e] = true
			out = append(out, e)
		}
	}
	for _, s := range states {
		if s.step != idx {
			continue
		}
		for _, r := range s.results {
			switch {
			case r.Outcome != rules.Pass:
			case r.Path != "":
				add(r.Repo, facts.Evidence{Path: r.Path, Text: r.Message})
			case s.rule.Scope != rules.ScopeRepo && r.Message != "":
				// Portfolio and profile rules have no file to cite: what
				// they found ("48 followers") is the evidence.
				add(r.Repo, facts.Evidence{Text: r.Message})
			}
		}
	}
	for _, r := range repos {
		switch step {
		case "languages":
			if len(r.BackendLanguages) > 0 {
				var parts []string
				for _, l := range r.BackendLanguages {
					parts = append(parts, fmt.Sprintf("%s %s", l, kb(r.Languages[l])))
				}
				add(r.Name, facts.Evidence{Text: strings.Join(parts, ", ")})
			}
		case "databases":
			switch {
			case len(r.Stack.Databases) > 0:
				add(r.Name, facts.Evidence{Path: first(r.Stack.Manifests), Text: "databases: " + rules.And(r.Stack.Databases) + orms(r.Stack.ORMs)})
			case len(r.Stack.ORMs) > 0:
				add(r.Name, facts.Evidence{Path: first(r.Stack.Manifests), Text: "ORM: " + rules.And(r.Stack.ORMs) + " (database not named in the configuration)"})
			}
		case "frameworks":
			if len(r.Stack.Frameworks) > 0 {
				add(r.Name, facts.Evidence{Path: first(r.Stack.Manifests), Text: "framework: " + rules.And(r.Stack.Frameworks)})
			}
		case "apis":
			add(r.Name, r.API.Evidence...)
		case "version-control":
			add(r.Name, r.History.Evidence...)
			add(r.Name, r.Hygiene.Evidence...)
		case "security":
			add(r.Name, r.Security.Findings...)
			add(r.Name, r.Security.Evidence...)
		case "testing":
			add(r.Name, r.Tests.Evidence...)
		case "ci-cd":
			add(r.Name, r.CI.Evidence...)
			add(r.Name, r.Deploy.Evidence...)
		}
	}
	return out
}

func orms(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return " (via " + rules.And(list) + ")"
}

func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

func kb(n int64) string {
	if n < 1000 {
		return fmt.Sprintf("%d B", n)
	}
	return fmt.Sprintf("%d kB", (n+500)/1000)
}

func repoEntry(r *facts.Repo) report.Repo {
	e := report.Repo{
		Name: r.Name, FullName: r.FullName, Fork: r.Fork, Archived: r.Archived, Empty: r.Empty,
		Included: r.Included, ExcludedReason: r.ExcludedReason, Description: r.Description,
		Topics: nonNil(r.Topics), Stars: r.Stars, PrimaryLanguage: r.PrimaryLanguage,
		Languages: r.Languages, Facts: r,
	}
	if e.Languages == nil {
		e.Languages = map[string]int64{}
	}
	if !r.PushedAt.IsZero() {
		t := r.PushedAt
		e.PushedAt = &t
	}
	sig := report.Signals{
		Tests: report.TestSignal{Present: r.Tests.Present, PlaceholderOnly: r.Tests.PlaceholderOnly,
			Files: r.Tests.Files, Frameworks: nonNil(r.Tests.Frameworks)},
		CI:            report.CISignal{Present: r.CI.Present, Providers: nonNil(r.CI.Providers), RunsTests: r.CI.RunsTests},
		Readme:        report.ReadmeSignal{Present: r.Readme.Present, Score: r.Readme.Score, Words: r.Readme.Words, Sections: nonNil(r.Readme.Sections)},
		Frameworks:    nonNil(r.Stack.Frameworks),
		Databases:     nonNil(r.Stack.Databases),
		Container:     r.Deploy.Container,
		APIDocs:       r.API.Docs,
		Auth:          len(r.Security.Auth) > 0,
		SecurityFlags: nonNil(r.Security.Flags),
		Commits: report.CommitSignal{Known: r.History.Known, Total: r.History.Total, Own: r.History.Own,
			ActiveWeeks: r.History.ActiveWeeks, MessageQuality: r.History.MessageQuality},
	}
	if r.License != "" {
		l := r.License
		sig.License = &l
	}
	if !r.History.First.IsZero() {
		t := r.History.First
		sig.Commits.First = &t
	}
	if !r.History.Last.IsZero() {
		t := r.History.Last
		sig.Commits.Last = &t
	}
	e.Signals = sig
	return e
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return slices.Clone(s)
}
