package tests

import (
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot/snapshottest"
)

// FuzzCoverage feeds one text as a CI file, the script it may run and a
// jest config: no panic, and evidence only at lines that exist.
func FuzzCoverage(f *testing.F) {
	f.Add("script:\n  - bash ./scripts/coverage.sh\n", "go test -coverprofile=c.out ./...\n")
	f.Add("after_success:\n  - bash <(curl -s https://codecov.io/bash)\n", "")
	f.Add("run: ./a/../b.sh ; sh -c 'x.sh'\n", "module.exports = { coverageDirectory: 'c' }")
	f.Fuzz(func(t *testing.T, ci, script string) {
		r := snapshottest.Map("r", map[string]string{
			".travis.yml": ci, "scripts/coverage.sh": script, "jest.config.js": script, "package.json": script,
		})
		for _, e := range Detect(r).Evidence {
			if e.Line < 0 {
				t.Fatalf("evidence line %d", e.Line)
			}
		}
	})
}
