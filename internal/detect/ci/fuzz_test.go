package ci

import (
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// FuzzExtract feeds arbitrary YAML to every provider's command extraction
// and the shell analysis behind it: no panic, no hang, whatever the input.
func FuzzExtract(f *testing.F) {
	seeds := []string{
		"jobs:\n  t:\n    steps:\n      - run: |\n          go test ./...\n          # npm test\n",
		"test:\n  script:\n    - pytest\n  <<: *x\n",
		"a: &a\n  script: [make ci]\nb:\n  <<: *a\n",
		"include:\n  - local: ci/x.yml\n  - template: Security/SAST.gitlab-ci.yml\n",
		"steps:\n- task: Maven@3\n  inputs:\n    goals: verify\n- template: t.yml\n",
		"pipelines:\n  default:\n    - step:\n        script: [\"./run.sh && cd x; npm run ci\"]\n",
		"kind: pipeline\nsteps:\n- commands: [make]\n---\nkind: secret\n",
		"language: node_js\n",
		"version: 2.1\njobs:\n  b:\n    steps:\n      - node/test\n      - run: {command: 'bundle exec rspec'}\n",
		"x: [[[[[[[[[[",
		"'\\\n\"",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		r := &snapshot.Repo{Name: "f", Contents: map[string][]byte{
			"Makefile":     []byte(src),
			"package.json": []byte(src),
			"run.sh":       []byte(src),
			"ci/x.yml":     []byte(src),
			"t.yml":        []byte(src),
		}}
		for _, p := range []string{"Makefile", "ci/x.yml", "package.json", "run.sh", "t.yml"} {
			r.Files = append(r.Files, snapshot.File{Path: p})
		}
		docs, err := parseYAML([]byte(src))
		if err == nil {
			for _, prov := range Providers {
				a := &analyzer{r: r, visited: map[string]bool{}}
				for _, d := range docs {
					for _, c := range extract(prov, "ci.yml", d, a) {
						a.script(c, 0)
					}
				}
			}
		}
		a := &analyzer{r: r, visited: map[string]bool{}}
		a.script(command{path: "x", line: 1, text: src}, 0)
		a.jenkins("Jenkinsfile", []byte(src))
	})
}

func TestParseYAMLAliasBomb(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += name + ": &" + name + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
		prev = name
	}
	if _, err := parseYAML([]byte(bomb)); err == nil {
		t.Error("alias bomb parsed without error")
	}
	r := &snapshot.Repo{Name: "bomb", Files: []snapshot.File{{Path: ".gitlab-ci.yml"}}, Contents: map[string][]byte{".gitlab-ci.yml": []byte(bomb)}}
	if got := Detect(r); got.RunsTests != nil {
		t.Errorf("runs_tests = %v for an unparseable file, want unknown", *got.RunsTests)
	}
	if _, err := parseYAML([]byte("a: &a\n  b: *a\n")); err == nil {
		t.Error("self-referencing alias parsed without error")
	}
}
