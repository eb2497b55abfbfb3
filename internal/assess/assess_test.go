package assess_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/pathway-dev/pathway/internal/assess"
	"github.com/pathway-dev/pathway/internal/assess/assesstest"
	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func run(t testing.TB, c *assesstest.Case, extra ...string) *report.Report {
	t.Helper()
	set, err := rules.Load(c.Role, extra...)
	if err != nil {
		t.Fatal(err)
	}
	return assess.Run(c.Portfolio, set, assess.Options{Role: c.Role, AsOf: assesstest.AsOf, Trees: c.Trees})
}

func marshal(t testing.TB, r *report.Report) []byte {
	t.Helper()
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// The reports of the three reference portfolios are compared byte for byte
// with testdata/<name>.golden.json; run with -update after an intended change
// and review the diff.
func TestGolden(t *testing.T) {
	for _, c := range assesstest.All() {
		t.Run(c.Name, func(t *testing.T) {
			got := marshal(t, run(t, c))
			again := marshal(t, run(t, c))
			if !bytes.Equal(got, again) {
				t.Fatal("two runs on the same input differ")
			}
			path := filepath.Join("testdata", c.Name+".golden.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("report differs from %s; run go test ./internal/assess -update and review the diff", path)
			}
		})
	}
}
