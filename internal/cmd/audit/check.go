package audit

import (
	"bytes"
	"image"
	_ "image/png" // --logo is a PNG
	"os"
	"path/filepath"
	"strings"

	"github.com/pathway-dev/pathway/internal/cmdutil"
)

// checkOutput refuses --output values that cannot hold what was asked for,
// before any request: several documents on stdout, or several files in a
// path that names one file.
func checkOutput(opts *Options) error {
	several := len(opts.Formats) > 1 || opts.cohort()
	switch dest := opts.Output; {
	case dest == "-" && several:
		return cmdutil.InputErrorf("--output - writes one report to stdout: ask for one format and one login, or give a folder")
	case dest != "" && dest != "-" && several && isReportFile(dest) && !isDir(dest):
		return cmdutil.InputErrorf("--output %s names a file, but several reports will be written: give a folder (e.g. -o reports/)", dest)
	}
	return nil
}

// outputFormat is the format a file name asks for ("" for none).
func outputFormat(p string) string {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".json":
		return "json"
	case ".pdf":
		return "pdf"
	case ".md", ".markdown":
		return "md"
	}
	return ""
}

// isReportFile tells whether p ends in a report extension.
func isReportFile(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".json", ".pdf", ".md", ".markdown":
		return true
	}
	return false
}

// maxLogo bounds --logo's pixels: a cover logo never needs more, and a huge
// PNG would cost gigabytes to decode.
const maxLogo = 4096

// checkFiles validates the files the PDF will read (--font, --logo) and the
// comparison report, so a typo fails at once instead of after the audit.
func checkFiles(opts *Options) error {
	if opts.Font != "" {
		b, err := readHead(opts.Font, 4)
		if err != nil {
			return cmdutil.InputErrorf("--font: %v", err)
		}
		// TrueType (0x00010000 or "true") or a collection of them ("ttcf");
		// "OTTO" is CFF-flavoured OpenType, which the PDF library cannot embed.
		if !bytes.Equal(b, []byte{0, 1, 0, 0}) && string(b) != "true" && string(b) != "ttcf" {
			return cmdutil.InputErrorf("--font %s is not a TrueType font (.ttf/.ttc); OpenType CFF (.otf) fonts cannot be embedded", opts.Font)
		}
	}
	if opts.Logo != "" {
		f, err := os.Open(opts.Logo)
		if err != nil {
			return cmdutil.InputErrorf("--logo: %v", err)
		}
		cfg, format, err := image.DecodeConfig(f)
		f.Close()
		if err != nil || format != "png" {
			return cmdutil.InputErrorf("--logo %s is not a PNG image", opts.Logo)
		}
		if cfg.Width > maxLogo || cfg.Height > maxLogo {
			return cmdutil.InputErrorf("--logo %s is %dx%d pixels; use one of at most %dx%d", opts.Logo, cfg.Width, cfg.Height, maxLogo, maxLogo)
		}
	}
	if opts.Badge != "" && isDir(opts.Badge) {
		return cmdutil.InputErrorf("--badge %s is a folder: name the SVG file to write (e.g. %s)", opts.Badge, filepath.Join(opts.Badge, "pathway.svg"))
	}
	if opts.Compare != "" {
		if _, err := os.Stat(opts.Compare); err != nil {
			return cmdutil.InputErrorf("--compare: %v", err)
		}
	}
	return nil
}

func readHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, n)
	if _, err := f.Read(b); err != nil {
		return nil, err
	}
	return b, nil
}
