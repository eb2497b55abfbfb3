// Package httpcache is pathway's on-disk cache: a bounded store of blobs
// under one folder, and an HTTP transport that revalidates GitHub API
// answers with If-None-Match so that unchanged ones come back as free 304s.
//
// Several pathway processes may share a folder: every entry is written to
// a temporary file and renamed into place, readers check a checksum and
// treat anything damaged as missing, and eviction tolerates files vanishing
// under it. File names are hashes of the keys, never names taken from the
// data, so nothing an API sends can choose where it is written.
package httpcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// DefaultMaxBytes bounds a cache folder when Open is given no size.
const DefaultMaxBytes = 256 << 20

// magic starts every entry; a new layout gets a new magic, so entries of
// an older pathway are ignored rather than misread.
const magic = "PWCACHE1"

const headerLen = len(magic) + 2*sha256.Size

// staleTemp is how old a temporary file must be before eviction removes
// it: younger ones may belong to a writer in another process.
const staleTemp = time.Hour

// Cache is a bounded folder of entries keyed by strings. It is safe for
// concurrent use, also by several processes sharing the folder.
type Cache struct {
	dir string
	max int64

	mu   sync.Mutex
	size int64 // bytes in the folder as last counted plus what was put since; -1 before the first count
}

// Open uses dir (created if missing) as a cache of at most maxBytes
// (DefaultMaxBytes when <= 0).
func Open(dir string, maxBytes int64) (*Cache, error) {
	if dir == "" {
		return nil, errors.New("cache folder is empty")
	}
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot create cache folder %s: %w", dir, err)
	}
	// Fail now, not on every write, when the folder is not writable.
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return nil, fmt.Errorf("cannot write in cache folder %s: %w", dir, err)
	}
	f.Close()
	os.Remove(f.Name())
	return &Cache{dir: dir, max: maxBytes, size: -1}, nil
}

// Dir is the cache folder.
func (c *Cache) Dir() string { return c.dir }

// MaxBytes is the size bound.
func (c *Cache) MaxBytes() int64 { return c.max }

func keySum(key string) [sha256.Size]byte { return sha256.Sum256([]byte(key)) }

// path is where key lives: two hex digits of its hash as a folder, the
// rest as the file name.
func (c *Cache) path(sum [sha256.Size]byte) string {
	h := hex.EncodeToString(sum[:])
	return filepath.Join(c.dir, h[:2], h[2:])
}

// Get returns the data stored under key. A missing, truncated or damaged
// entry is a miss. A hit marks the entry as recently used.
func (c *Cache) Get(key string) ([]byte, bool) {
	sum := keySum(key)
	p := c.path(sum)
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	data, ok := decode(b, sum)
	if !ok {
		// Another process may have just replaced it with a good one; a
		// lost entry only costs a request.
		os.Remove(p)
		return nil, false
	}
	now := time.Now()
	_ = os.Chtimes(p, now, now) // eviction goes by last use
	return data, true
}

func decode(b []byte, sum [sha256.Size]byte) ([]byte, bool) {
	if len(b) < headerLen || string(b[:len(magic)]) != magic {
		return nil, false
	}
	k := b[len(magic) : len(magic)+sha256.Size]
	d := b[len(magic)+sha256.Size : headerLen]
	data := b[headerLen:]
	if !bytes.Equal(k, sum[:]) {
		return nil, false
	}
	ds := sha256.Sum256(data)
	if !bytes.Equal(d, ds[:]) {
		return nil, false
	}
	return data, true
}

// Put stores data under key, replacing what was there. Entries larger
// than an eighth of the bound are not stored: they would push out
// everything else.
func (c *Cache) Put(key string, data []byte) error {
	n := int64(headerLen + len(data))
	if n > c.max/8 {
		return nil
	}
	sum := keySum(key)
	p := c.path(sum)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	ds := sha256.Sum256(data)
	buf := make([]byte, 0, headerLen)
	buf = append(buf, magic...)
	buf = append(buf, sum[:]...)
	buf = append(buf, ds[:]...)
	_, err = tmp.Write(buf)
	if err == nil {
		_, err = tmp.Write(data)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// Readers see the old entry or the new one, never half of one.
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: %w", err)
	}
	c.mu.Lock()
	if c.size >= 0 {
		c.size += n
	}
	over := c.size < 0 || c.size > c.max
	c.mu.Unlock()
	if over {
		c.evict()
	}
	return nil
}

// Remove deletes the entry for key, if any.
func (c *Cache) Remove(key string) { os.Remove(c.path(keySum(key))) }

type fileInfo struct {
	path string
	size int64
	used time.Time
}

// evict counts the folder and, when it is over the bound, removes the
// least recently used entries until it is under three quarters of it.
func (c *Cache) evict() {
	c.mu.Lock()
	defer c.mu.Unlock()
	var files []fileInfo
	var total int64
	_ = filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil // a folder removed under us is fine
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if time.Since(info.ModTime()) > staleTemp {
				os.Remove(p) // left by a process that was killed
			}
			return nil
		}
		files = append(files, fileInfo{p, info.Size(), info.ModTime()})
		total += info.Size()
		return nil
	})
	if total > c.max {
		sort.Slice(files, func(i, j int) bool { return files[i].used.Before(files[j].used) })
		for _, f := range files {
			if total <= c.max*3/4 {
				break
			}
			if err := os.Remove(f.path); err == nil || errors.Is(err, fs.ErrNotExist) {
				total -= f.size
			}
		}
	}
	c.size = total
}

// Size counts the bytes the folder holds now.
func (c *Cache) Size() int64 {
	var total int64
	_ = filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				total += info.Size()
			}
		}
		return nil
	})
	return total
}
