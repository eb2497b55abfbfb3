package detect_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/pathway-dev/pathway/internal/detect/ci"
	"github.com/pathway-dev/pathway/internal/detect/readme"
	"github.com/pathway-dev/pathway/internal/detect/security"
	"github.com/pathway-dev/pathway/internal/detect/stack"
	"github.com/pathway-dev/pathway/internal/detect/tests"
)

// TestREADMEListsEveryID keeps the documented id lists true: an id a
// detector can report must appear in the README.
func TestREADMEListsEveryID(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for name, ids := range map[string][]string{
		"CI providers": ci.Providers, "deployment kinds": ci.Kinds, "test frameworks": tests.Frameworks,
		"frameworks": stack.Frameworks, "databases": stack.Databases, "ORMs": stack.ORMs,
		"HTTP clients": stack.HTTPClients, "auth": security.Auth, "security flags": security.Flags,
		"dependency updaters": security.DependencyUpdaters, "README sections": readme.Sections,
	} {
		for _, id := range ids {
			if !listed(doc, id) {
				t.Errorf("README does not list the %s id %q", name, id)
			}
		}
	}
}

// listed reports whether id stands alone in doc, not inside a longer word
// ("ky" in "sky" does not count).
func listed(doc, id string) bool {
	return regexp.MustCompile(`(^|[^a-z0-9-])` + regexp.QuoteMeta(id) + `($|[^a-z0-9-])`).MatchString(doc)
}
