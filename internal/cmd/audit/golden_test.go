package audit_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/fixtures"
	"github.com/pathway-dev/pathway/internal/githubtest"
	"github.com/pathway-dev/pathway/internal/schematest"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json from the current output")

// TestGoldenReports pins the whole JSON report for three realistic
// portfolios — strong, middling, beginner — as the binary writes it with
// --as-of and SOURCE_DATE_EPOCH: byte for byte, so any change to detection
// or scoring shows up as a reviewed diff (go test ./internal/cmd/audit -run
// TestGoldenReports -update).
func TestGoldenReports(t *testing.T) {
	for _, p := range fixtures.All() {
		login := p.User.Login
		t.Run(login, func(t *testing.T) {
			srv := githubtest.New(t)
			fixtures.Serve(srv, p)
			dir := t.TempDir()
			res := run(t, dir, nil, "audit", login, "--api-url", srv.URL(), "--as-of", "2026-11-23", "-f", "json", "-o", "-", "--no-cache")
			if res.code != 0 {
				t.Fatalf("exit %d\n%s", res.code, res.stderr)
			}
			// The fake listens on a random port: name it the same every run.
			got := strings.ReplaceAll(res.stdout, strings.TrimPrefix(srv.URL(), "http://"), "fake.github.test")
			got = strings.ReplaceAll(got, strings.TrimPrefix(srv.Codeload.URL, "http://"), "codeload.fake.github.test")
			if err := schematest.Validate([]byte(got)); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", login+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("report differs from %s; run go test ./internal/cmd/audit -run TestGoldenReports -update and review the diff", path)
			}
		})
	}
}
