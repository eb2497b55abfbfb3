package github

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// limits caps what one archive may cost: the API serves whatever the
// repository holds, including bombs.
type limits struct {
	fileSize     int64 // larger files are not kept
	textProbe    int   // bytes scanned for NUL to call a file binary
	kept         int64 // total content kept per repository
	entries      int   // tar entries read at most
	decompressed int64 // bytes decompressed at most
}

var defaultLimits = limits{
	fileSize:     1 << 20,
	textProbe:    8 << 10,
	kept:         64 << 20,
	entries:      100_000,
	decompressed: 512 << 20,
}

var errTooBig = errors.New("decompressed size cap reached")

// capReader fails once more than left bytes have been read.
type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, errTooBig
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// archive is what was read from a repository tarball.
type archive struct {
	contents map[string][]byte
	files    []snapshot.File // regular files, symlinks and (as submodules) empty folders, in archive order
	warnings []string
	// complete is false when reading stopped before the end.
	complete bool
	// commit is the commit id git archive writes in the pax global header.
	commit string
	// treeSHA is the git tree id of exactly what the archive holds, or ""
	// when it cannot be computed (hostile or capped archive, submodules).
	// Equal to the commit's tree id, it proves the archive is the whole
	// tree: no file left out by export-ignore, none changed by a filter.
	treeSHA string
}

// readArchive decodes a GitHub tarball from r in memory. keep says which
// paths (relative to the top folder) may have their content kept. It never
// touches the disk, and ignores entries that try to escape the top folder,
// links and devices. err is set when the stream is not a readable tar.gz;
// what was read before the damage is still returned.
func readArchive(r io.Reader, keep func(string) bool, lim limits) (*archive, error) {
	a := &archive{contents: map[string][]byte{}}
	gz, err := gzip.NewReader(r)
	if err != nil {
		return a, fmt.Errorf("archive is not gzip: %w", err)
	}
	defer gz.Close()
	tr := tar.NewReader(&capReader{r: gz, left: lim.decompressed})
	var top string
	var kept int64
	capped := false
	// What the tree hash is made of; faithful stays true while the archive
	// looks exactly like what git archive writes.
	objects := map[string]object{}
	dirs := map[string]bool{}
	faithful := true
	finish := func() {
		if a.complete && faithful {
			a.treeSHA = treeHash(objects, dirs)
		}
		// git archive writes a submodule as an empty folder; git itself
		// never tracks one.
		for d := range dirs {
			if !dirs[d] {
				a.files = append(a.files, snapshot.File{Path: d, Kind: "submodule"})
			}
		}
	}
	for n := 0; ; n++ {
		h, err := tr.Next()
		switch {
		case err == io.EOF:
			a.complete = true
			finish()
			return a, nil
		case errors.Is(err, errTooBig):
			a.warnings = append(a.warnings, fmt.Sprintf("archive decompresses to more than %d MiB (an archive bomb?); read only the files before that point", lim.decompressed>>20))
			finish()
			return a, nil
		case err != nil:
			finish()
			return a, fmt.Errorf("archive is damaged after %d entries: %w", n, err)
		}
		if n >= lim.entries {
			a.warnings = append(a.warnings, fmt.Sprintf("archive has more than %d entries; read only the first %d", lim.entries, lim.entries))
			finish()
			return a, nil
		}
		if h.Typeflag == tar.TypeXGlobalHeader {
			if c := h.PAXRecords["comment"]; a.commit == "" && len(c) == 40 {
				a.commit = c
			}
			continue
		}
		if h.Typeflag == tar.TypeXHeader {
			continue
		}
		// GitHub puts everything under one folder, owner-repo-sha/.
		first, rel, ok := strings.Cut(h.Name, "/")
		if !ok || first == "" {
			faithful = false
			continue
		}
		if top == "" {
			top = first
		}
		if h.Typeflag == tar.TypeDir {
			rel = strings.TrimSuffix(rel, "/")
			if first == top && rel == "" {
				continue
			}
		}
		if first != top || !safePath(rel) {
			faithful = false
			continue
		}
		if h.Typeflag == tar.TypeDir {
			if _, seen := dirs[rel]; !seen {
				dirs[rel] = false
			}
			continue
		}
		_, dup := objects[rel]
		if _, dir := dirs[rel]; dup || dir {
			// git archive never repeats a path; a repeat is not the repository's.
			faithful = false
			continue
		}
		switch h.Typeflag {
		case tar.TypeSymlink:
			markParents(dirs, rel)
			objects[rel] = object{mode: "120000", sha: blobHash([]byte(h.Linkname))}
			a.files = append(a.files, snapshot.File{Path: rel, Size: int64(len(h.Linkname)), Kind: "symlink"})
			continue
		case tar.TypeReg:
		default:
			// Hard links, devices, fifos: nothing git archive writes.
			faithful = false
			continue
		}
		markParents(dirs, rel)
		exec := h.Mode&0o111 != 0
		mode := "100644"
		if exec {
			mode = "100755"
		}
		a.files = append(a.files, snapshot.File{Path: rel, Size: h.Size, Kind: "blob", Executable: exec})
		if !keep(rel) || h.Size > lim.fileSize || kept+h.Size > lim.kept {
			if keep(rel) && h.Size <= lim.fileSize && !capped {
				capped = true
				a.warnings = append(a.warnings, fmt.Sprintf("file contents capped at %d MiB; later files were not read", lim.kept>>20))
			}
			// Not kept, but still hashed: the tree id needs every byte.
			sum, err := blobHashFrom(tr, h.Size)
			if err != nil {
				if errors.Is(err, errTooBig) {
					continue // reported by the next tr.Next
				}
				finish()
				return a, fmt.Errorf("archive is damaged at %s: %w", rel, err)
			}
			objects[rel] = object{mode: mode, sha: sum}
			continue
		}
		b := make([]byte, h.Size) // at most lim.fileSize
		if _, err := io.ReadFull(tr, b); err != nil {
			if errors.Is(err, errTooBig) {
				continue // reported by the next tr.Next
			}
			finish()
			return a, fmt.Errorf("archive is damaged at %s: %w", rel, err)
		}
		objects[rel] = object{mode: mode, sha: blobHash(b)}
		if bytes.IndexByte(b[:min(len(b), lim.textProbe)], 0) >= 0 {
			continue // binary
		}
		a.contents[rel] = b
		kept += int64(len(b))
	}
}

// markParents records that the folders above p are not empty.
func markParents(dirs map[string]bool, p string) {
	for i := len(p) - 1; i > 0; i-- {
		if p[i] == '/' {
			if dirs[p[:i]] {
				return // and so are its parents
			}
			dirs[p[:i]] = true
		}
	}
}

// object is a tree entry: git's mode and object id.
type object struct {
	mode string
	sha  [sha1.Size]byte
}

func blobHash(b []byte) [sha1.Size]byte {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(b))
	h.Write(b)
	return [sha1.Size]byte(h.Sum(nil))
}

func blobHashFrom(r io.Reader, size int64) ([sha1.Size]byte, error) {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", size)
	if _, err := io.CopyN(h, r, size); err != nil {
		return [sha1.Size]byte{}, err
	}
	return [sha1.Size]byte(h.Sum(nil)), nil
}

// treeHash computes the id git gives the tree holding objects (paths to
// blobs). It returns "" when a folder is empty: that is a submodule, whose
// commit id the archive does not carry.
func treeHash(objects map[string]object, dirs map[string]bool) string {
	for _, full := range dirs {
		if !full {
			return ""
		}
	}
	type node struct {
		kids map[string]*node
		obj  object
	}
	root := &node{kids: map[string]*node{}}
	for p, o := range objects {
		n := root
		parts := strings.Split(p, "/")
		for _, d := range parts[:len(parts)-1] {
			k := n.kids[d]
			if k == nil {
				k = &node{kids: map[string]*node{}}
				n.kids[d] = k
			} else if k.kids == nil {
				return "" // a file and a folder with one name: not a git tree
			}
			n = k
		}
		leaf := parts[len(parts)-1]
		if _, clash := n.kids[leaf]; clash {
			return ""
		}
		n.kids[leaf] = &node{obj: o}
	}
	var hash func(n *node) [sha1.Size]byte
	hash = func(n *node) [sha1.Size]byte {
		// git orders entries by name, a folder's name as if it ended in "/".
		type entry struct {
			key, name, mode string
			sha             [sha1.Size]byte
		}
		entries := make([]entry, 0, len(n.kids))
		for name, k := range n.kids {
			if k.kids != nil {
				entries = append(entries, entry{name + "/", name, "40000", hash(k)})
			} else {
				entries = append(entries, entry{name, name, k.obj.mode, k.obj.sha})
			}
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
		var body bytes.Buffer
		for _, e := range entries {
			body.WriteString(e.mode)
			body.WriteByte(' ')
			body.WriteString(e.name)
			body.WriteByte(0)
			body.Write(e.sha[:])
		}
		h := sha1.New()
		fmt.Fprintf(h, "tree %d\x00", body.Len())
		h.Write(body.Bytes())
		return [sha1.Size]byte(h.Sum(nil))
	}
	sum := hash(root)
	return hex.EncodeToString(sum[:])
}

// safePath accepts a clean relative path that stays inside its folder.
func safePath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.ContainsRune(p, 0) || strings.HasSuffix(p, "/") {
		return false
	}
	if path.Clean(p) != p {
		return false
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." {
			return false
		}
	}
	return true
}
