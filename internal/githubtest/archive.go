package githubtest

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"
)

// serveCodeload answers /{owner}/{repo}/legacy.tar.gz/{ref}, where the API's
// tarball redirect points, like codeload.github.com: no auth, no rate limit.
func (s *Server) serveCodeload(w http.ResponseWriter, r *http.Request) {
	entry := Request{Method: r.Method, Host: r.Host, Path: r.URL.Path, Query: r.URL.Query(), Auth: r.Header.Get("Authorization") != "", Codeload: true}
	s.mu.Lock()
	latency := s.latency
	fault := s.matchFault(r.URL.Path, true)
	parts := strings.SplitN(strings.Trim(r.URL.Path, "/"), "/", 4)
	var repo *Repo
	if len(parts) >= 3 && parts[2] == "legacy.tar.gz" {
		repo = s.repos[strings.ToLower(parts[0]+"/"+parts[1])]
	}
	s.mu.Unlock()

	if fault != nil {
		latency += fault.Delay
	}
	if latency > 0 {
		select {
		case <-time.After(latency):
		case <-r.Context().Done():
			entry.Status = 499
			s.record(entry)
			return
		}
	}
	switch {
	case fault != nil && fault.Status != 0:
		entry.Status = fault.Status
		s.record(entry)
		http.Error(w, http.StatusText(fault.Status), fault.Status)
		return
	case repo == nil || repo.empty():
		entry.Status = http.StatusNotFound
		s.record(entry)
		http.Error(w, "404: Not Found", http.StatusNotFound)
		return
	}
	entry.Status = http.StatusOK
	s.record(entry)
	top := repo.Owner + "-" + repo.Name + "-" + repo.HeadSHA()[:7]
	w.Header().Set("Content-Type", "application/x-gzip")
	w.Header().Set("Content-Disposition", "attachment; filename="+top+".tar.gz")
	w.Header().Set("ETag", `"`+repo.HeadSHA()+`"`)
	if repo.CorruptArchive {
		_, _ = io.WriteString(w, "<html><body>this is not a gzip stream</body></html>")
		return
	}
	_ = writeTarball(w, repo, top)
}

// writeTarball writes r's files as `git archive` lays them out: a pax
// global header carrying the commit id, then top/ and everything under it.
func writeTarball(w io.Writer, r *Repo, top string) error {
	gz := gzip.NewWriter(w)
	tw := tar.NewWriter(gz)
	mtime := r.Commits[0].CommitDate
	if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeXGlobalHeader, Name: "pax_global_header", PAXRecords: map[string]string{"comment": r.HeadSHA()}, Format: tar.FormatPAX}); err != nil {
		return err
	}
	ignored := map[string]bool{}
	for _, p := range r.ExportIgnore {
		ignored[p] = true
	}
	exec := map[string]bool{}
	for _, p := range r.Executables {
		exec[p] = true
	}
	dirs := map[string]bool{}
	var names []string
	entries, _ := r.entries()
	for _, e := range entries {
		// Folders are written as the parents of what they hold.
		if !ignored[e.path] && e.typ != "tree" {
			names = append(names, e.path)
		}
	}
	sort.Strings(names)
	header := func(h *tar.Header) error {
		h.ModTime, h.Uname, h.Gname, h.Format = mtime, "root", "root", tar.FormatPAX
		return tw.WriteHeader(h)
	}
	if err := header(&tar.Header{Typeflag: tar.TypeDir, Name: top + "/", Mode: 0o775}); err != nil {
		return err
	}
	for _, p := range names {
		// Parent directories come first, as in git archive.
		for i := 0; i < len(p); i++ {
			if p[i] == '/' && !dirs[p[:i]] {
				dirs[p[:i]] = true
				if err := header(&tar.Header{Typeflag: tar.TypeDir, Name: top + "/" + p[:i+1], Mode: 0o775}); err != nil {
					return err
				}
			}
		}
		name := top + "/" + p
		switch {
		case r.Symlinks[p] != "":
			if err := header(&tar.Header{Typeflag: tar.TypeSymlink, Name: name, Linkname: r.Symlinks[p], Mode: 0o777}); err != nil {
				return err
			}
		case r.Submodules[p] != "":
			// git archive leaves a submodule as an empty directory.
			if !dirs[p] {
				dirs[p] = true
				if err := header(&tar.Header{Typeflag: tar.TypeDir, Name: name + "/", Mode: 0o775}); err != nil {
					return err
				}
			}
		default:
			if dirs[p] {
				continue
			}
			content := r.Files[p]
			mode := int64(0o664)
			if exec[p] {
				mode = 0o775
			}
			if err := header(&tar.Header{Typeflag: tar.TypeReg, Name: name, Size: int64(len(content)), Mode: mode}); err != nil {
				return err
			}
			if _, err := io.WriteString(tw, content); err != nil {
				return err
			}
		}
	}
	for _, e := range r.ArchiveExtra {
		typ := e.Type
		if typ == 0 {
			typ = tar.TypeReg
		}
		size := int64(0)
		if typ == tar.TypeReg {
			size = int64(len(e.Body))
			if e.Body == nil {
				size = e.Size
			}
		}
		if err := header(&tar.Header{Typeflag: typ, Name: e.Name, Linkname: e.Linkname, Size: size, Mode: 0o664}); err != nil {
			return err
		}
		if typ != tar.TypeReg {
			continue
		}
		var err error
		if e.Body != nil {
			_, err = tw.Write(e.Body)
		} else {
			_, err = io.CopyN(tw, zeros{}, e.Size)
		}
		if err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
