package tests

import (
	"path/filepath"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
	"github.com/pathway-dev/pathway/internal/snapshot/snapshottest"
)

// load reads testdata/<name> into a snapshot as a source would.
func load(t testing.TB, name string) *snapshot.Repo {
	t.Helper()
	return snapshottest.Dir(t, filepath.Join("testdata", name), name)
}
