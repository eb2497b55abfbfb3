package httpcache

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func open(t *testing.T, dir string, max int64) *Cache {
	t.Helper()
	c, err := Open(dir, max)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// listing is a realistic value: a page of GitHub's repository listing.
func listing(i int) []byte {
	return fmt.Appendf(nil, `[{"id": %d, "name": "shop-api-%d", "full_name": "ana-lima/shop-api-%d", "pushed_at": "2025-03-1%dT10:00:00Z", "size": 412}]`, 1000+i, i, i, i%10)
}

func TestPutGetAndReplace(t *testing.T) {
	c := open(t, t.TempDir(), 0)
	key := "http\x00GET\x00https://api.github.com/users/ana-lima/repos?per_page=100\x00application/vnd.github.v3+json"
	if _, ok := c.Get(key); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := c.Put(key, listing(1)); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get(key); !ok || !bytes.Equal(got, listing(1)) {
		t.Fatalf("Get = %q, %v", got, ok)
	}
	if err := c.Put(key, listing(2)); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.Get(key); !bytes.Equal(got, listing(2)) {
		t.Fatalf("after replace Get = %q", got)
	}
	if _, ok := c.Get(key + "x"); ok {
		t.Error("another key hit")
	}
	// An empty value is a value.
	if err := c.Put("empty", nil); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get("empty"); !ok || len(got) != 0 {
		t.Errorf("empty value = %q, %v", got, ok)
	}
}

func TestNamesAreHashesInsideTheFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "pathway")
	c := open(t, dir, 0)
	for _, key := range []string{"../../etc/cron.d/evil", "/etc/passwd", "repo\x00https://api.github.com/\x00ana-lima/..", strings.Repeat("a/", 300)} {
		if err := c.Put(key, []byte("payload")); err != nil {
			t.Fatalf("Put(%q): %v", key, err)
		}
		if _, ok := c.Get(key); !ok {
			t.Errorf("Get(%q) missed", key)
		}
	}
	name := regexp.MustCompile(`^[0-9a-f]{2}/[0-9a-f]{62}$`)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if !name.MatchString(filepath.ToSlash(rel)) {
			t.Errorf("file %s is not a hash under the cache folder", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCorruptEntriesAreMisses(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, 0)
	keys := []string{"flip", "truncate", "magic", "empty", "swapped"}
	for _, k := range keys {
		if err := c.Put(k, listing(len(k))); err != nil {
			t.Fatal(err)
		}
	}
	file := func(k string) string { return c.path(keySum(k)) }
	b, _ := os.ReadFile(file("flip"))
	b[len(b)-3] ^= 0x20
	os.WriteFile(file("flip"), b, 0o600)
	b, _ = os.ReadFile(file("truncate"))
	os.WriteFile(file("truncate"), b[:len(b)/2], 0o600)
	b, _ = os.ReadFile(file("magic"))
	copy(b, "PWCACHE0")
	os.WriteFile(file("magic"), b, 0o600)
	os.WriteFile(file("empty"), nil, 0o600)
	// A valid entry of another key renamed into place must not be served.
	c.Put("other", listing(99))
	b, _ = os.ReadFile(file("other"))
	os.WriteFile(file("swapped"), b, 0o600)

	for _, k := range keys {
		if got, ok := c.Get(k); ok {
			t.Errorf("%s: damaged entry served: %q", k, got)
		}
		if _, err := os.Stat(file(k)); err == nil {
			t.Errorf("%s: damaged entry left in place", k)
		}
	}
	if _, ok := c.Get("other"); !ok {
		t.Error("the intact entry was lost")
	}
}

func TestSizeBoundEvictsLeastRecentlyUsed(t *testing.T) {
	dir := t.TempDir()
	const max = 64 << 10
	c := open(t, dir, max)
	value := bytes.Repeat([]byte("x"), 4<<10)
	past := time.Now().Add(-time.Hour)
	for i := range 10 {
		c.Put(fmt.Sprint("old-", i), value)
		// Entries written an hour ago, one second apart.
		p := c.path(keySum(fmt.Sprint("old-", i)))
		os.Chtimes(p, past.Add(time.Duration(i)*time.Second), past.Add(time.Duration(i)*time.Second))
	}
	// Reading old-0 makes it the most recently used.
	if _, ok := c.Get("old-0"); !ok {
		t.Fatal("old-0 missing")
	}
	for i := range 40 {
		if err := c.Put(fmt.Sprint("new-", i), value); err != nil {
			t.Fatal(err)
		}
		if got := c.Size(); got > max {
			t.Fatalf("after %d puts the folder holds %d bytes, over the %d bound", i+1, got, max)
		}
	}
	if _, ok := c.Get("new-39"); !ok {
		t.Error("the newest entry was evicted")
	}
	if _, ok := c.Get("old-1"); ok {
		t.Error("old-1, the least recently used, survived")
	}
	// Too big for the bound: not stored, nothing else pushed out.
	before := c.Size()
	c.Put("huge", bytes.Repeat([]byte("y"), max/4))
	if _, ok := c.Get("huge"); ok || c.Size() != before {
		t.Error("an entry of a quarter of the bound was stored")
	}
}

func TestStaleTempFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, 8<<10)
	sub := filepath.Join(dir, "ab")
	os.MkdirAll(sub, 0o700)
	stale := filepath.Join(sub, ".tmp-123")
	fresh := filepath.Join(sub, ".tmp-456")
	os.WriteFile(stale, []byte("half"), 0o600)
	os.WriteFile(fresh, []byte("half"), 0o600)
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	for i := range 5 {
		c.Put(fmt.Sprint(i), bytes.Repeat([]byte("z"), 900))
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a temp file left by a killed process two hours ago is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a temp file another process may be writing was removed")
	}
}

// Two caches on one folder, as two pathway processes: readers see a whole
// value or nothing, never a mix, while writers replace and evict.
func TestTwoProcessesShareAFolder(t *testing.T) {
	dir := t.TempDir()
	a, b := open(t, dir, 256<<10), open(t, dir, 256<<10)
	// A value says which writer wrote it and checks itself.
	value := func(writer, round int) []byte {
		body := bytes.Repeat(fmt.Appendf(nil, "%d/%d;", writer, round), 500+round%300)
		sum := sha256.Sum256(body)
		return append(sum[:], body...)
	}
	valid := func(v []byte) bool {
		if len(v) < sha256.Size {
			return false
		}
		sum := sha256.Sum256(v[sha256.Size:])
		return bytes.Equal(sum[:], v[:sha256.Size])
	}
	var wg sync.WaitGroup
	for w, c := range []*Cache{a, b} {
		wg.Go(func() {
			for round := range 200 {
				key := fmt.Sprint("key-", round%20)
				if err := c.Put(key, value(w, round)); err != nil {
					t.Error(err)
					return
				}
				for k := range 20 {
					if v, ok := c.Get(fmt.Sprint("key-", k)); ok && !valid(v) {
						t.Errorf("torn value for key-%d", k)
					}
				}
			}
		})
	}
	wg.Wait()
	if got := a.Size(); got > 256<<10 {
		t.Errorf("folder holds %d bytes, over the bound", got)
	}
}

func TestOpenFailsOnAFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "not-a-folder")
	os.WriteFile(f, []byte("x"), 0o600)
	if _, err := Open(filepath.Join(f, "pathway"), 0); err == nil || !strings.Contains(err.Error(), "cache folder") {
		t.Errorf("Open under a file: %v", err)
	}
	if _, err := Open("", 0); err == nil {
		t.Error("Open(\"\") succeeded")
	}
}
