package version

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/cmdutil"
)

func TestVersionPrefersLinkTimeValues(t *testing.T) {
	var out bytes.Buffer
	f := &cmdutil.Factory{IO: &cmdutil.IOStreams{Out: &out}, Version: "1.2.3", Commit: "0123456789abcdef0123"}
	cmd := NewCmdVersion(f)
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := "pathway 1.2.3 (commit 0123456789ab, " + runtime.Version() + ")\n"
	if out.String() != want {
		t.Fatalf("got %q, want %q", out.String(), want)
	}
}

func TestVersionFallsBackToSourceVersion(t *testing.T) {
	i := Get(&cmdutil.Factory{})
	// Under go test the main module is "(devel)", so the source version is used.
	if i.Version != Default || i.Commit == "" || !strings.HasPrefix(i.Go, "go") {
		t.Fatalf("info = %+v", i)
	}
}
