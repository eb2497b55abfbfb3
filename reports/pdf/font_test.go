package pdf

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

func TestCoverage(t *testing.T) {
	reg, bold := dejaVuCoverage()
	for _, r := range "AzΣωЖя✔✘◐□…→★" {
		if !reg.has(r) || !bold.has(r) {
			t.Errorf("DejaVu lacks %q (U+%04X), which the report draws", r, r)
		}
	}
	for _, r := range "数据한" {
		if reg.has(r) {
			t.Errorf("DejaVu claims %q", r)
		}
	}
}

// A TrueType collection (.ttc, as wqy-microhei and msyh ship) is rebuilt
// as a single font gofpdf can read.
func TestCollection(t *testing.T) {
	ttc := make([]byte, 16, 16+len(dejaVu))
	copy(ttc, "ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10")
	ttc = append(ttc, dejaVu...)
	// Table offsets in a collection count from the start of the file.
	n := int(binary.BigEndian.Uint16(ttc[16+4:]))
	for i := range n {
		e := ttc[16+12+16*i:]
		binary.BigEndian.PutUint32(e[8:], binary.BigEndian.Uint32(e[8:])+16)
	}
	path := filepath.Join(t.TempDir(), "collection.ttc")
	if err := os.WriteFile(path, ttc, 0o644); err != nil {
		t.Fatal(err)
	}
	fb, err := loadFallback(path)
	if err != nil {
		t.Fatalf("loadFallback: %v", err)
	}
	if !fb.cover.has('Ж') || fb.cover.has('数') {
		t.Error("coverage of the rebuilt font is wrong")
	}
	if _, err := loadFallback(filepath.Join(t.TempDir(), "none.ttf")); err == nil {
		t.Error("missing file: no error")
	}
	otf := filepath.Join(t.TempDir(), "cff.otf")
	os.WriteFile(otf, append([]byte("OTTO"), make([]byte, 64)...), 0o644)
	if _, err := loadFallback(otf); err == nil {
		t.Error("CFF font accepted")
	}
}
