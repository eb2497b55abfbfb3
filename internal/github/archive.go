package github

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
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
	files    []snapshot.File // regular files and symlinks seen, in archive order
	warnings []string
	// complete is false when reading stopped before the end.
	complete bool
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
	for n := 0; ; n++ {
		h, err := tr.Next()
		switch {
		case err == io.EOF:
			a.complete = true
			return a, nil
		case errors.Is(err, errTooBig):
			a.warnings = append(a.warnings, fmt.Sprintf("archive decompresses to more than %d MiB (an archive bomb?); read only the files before that point", lim.decompressed>>20))
			return a, nil
		case err != nil:
			return a, fmt.Errorf("archive is damaged after %d entries: %w", n, err)
		}
		if n >= lim.entries {
			a.warnings = append(a.warnings, fmt.Sprintf("archive has more than %d entries; read only the first %d", lim.entries, lim.entries))
			return a, nil
		}
		if h.Typeflag == tar.TypeXGlobalHeader || h.Typeflag == tar.TypeXHeader {
			continue
		}
		// GitHub puts everything under one folder, owner-repo-sha/.
		first, rel, ok := strings.Cut(h.Name, "/")
		if !ok || first == "" {
			continue
		}
		if top == "" {
			top = first
		}
		if first != top || !safePath(rel) {
			continue
		}
		switch h.Typeflag {
		case tar.TypeSymlink:
			a.files = append(a.files, snapshot.File{Path: rel, Size: int64(len(h.Linkname)), Kind: "symlink"})
			continue
		case tar.TypeReg:
		default:
			// Directories, hard links, devices, fifos: nothing to keep.
			continue
		}
		a.files = append(a.files, snapshot.File{Path: rel, Size: h.Size, Kind: "blob", Executable: h.Mode&0o111 != 0})
		if _, dup := a.contents[rel]; dup || !keep(rel) || h.Size > lim.fileSize {
			// git archive never repeats a path; a repeat is not the repository's.
			continue
		}
		if kept+h.Size > lim.kept {
			if !capped {
				capped = true
				a.warnings = append(a.warnings, fmt.Sprintf("file contents capped at %d MiB; later files were not read", lim.kept>>20))
			}
			continue
		}
		b := make([]byte, h.Size) // at most lim.fileSize
		if _, err := io.ReadFull(tr, b); err != nil {
			if errors.Is(err, errTooBig) {
				continue // reported by the next tr.Next
			}
			return a, fmt.Errorf("archive is damaged at %s: %w", rel, err)
		}
		if bytes.IndexByte(b[:min(len(b), lim.textProbe)], 0) >= 0 {
			continue // binary
		}
		a.contents[rel] = b
		kept += int64(len(b))
	}
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
