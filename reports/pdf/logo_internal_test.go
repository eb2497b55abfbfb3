package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func pngFile(t testing.TB, dir, name string, img image.Image) string {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// headerOnly is a PNG that claims w×h pixels in its header: a few dozen
// bytes that a decoder would turn into w·h·4 bytes of memory.
func headerOnly(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}

func TestLoadPNGSize(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.png")
	if err := os.WriteFile(huge, headerOnly(20000, 20000), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := loadPNG(huge)
	if err == nil || !strings.Contains(err.Error(), "20000×20000") || !strings.Contains(err.Error(), "4096×4096") {
		t.Errorf("20000×20000 logo: err = %v, want the size and the limit", err)
	}
	// A banner one side of which is over the limit is refused too.
	wide := pngFile(t, dir, "wide.png", image.NewNRGBA(image.Rect(0, 0, 5000, 8)))
	if _, err := loadPNG(wide); err == nil || !strings.Contains(err.Error(), "5000×8") {
		t.Errorf("5000×8 logo: err = %v", err)
	}
	if _, err := loadPNG(dir); err == nil {
		t.Error("a directory was taken for a logo")
	}
	// At the limit it is read, and embedded at a size fit for print.
	for _, c := range []struct{ w, h, ew, eh int }{{4096, 16, 820, 4}, {1920, 960, 960, 480}, {300, 100, 300, 100}} {
		img := image.NewNRGBA(image.Rect(0, 0, c.w, c.h))
		for i := range img.Pix {
			img.Pix[i] = byte(i)
		}
		got, err := loadPNG(pngFile(t, dir, fmt.Sprintf("%dx%d.png", c.w, c.h), img))
		if err != nil {
			t.Fatalf("%d×%d logo: %v", c.w, c.h, err)
		}
		if got.w != c.ew || got.h != c.eh {
			t.Errorf("%d×%d logo embedded at %d×%d, want %d×%d", c.w, c.h, got.w, got.h, c.ew, c.eh)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(got.data))
		if err != nil || cfg.Width != got.w || cfg.Height != got.h {
			t.Errorf("embedded PNG: %v, %d×%d", err, cfg.Width, cfg.Height)
		}
	}
}

// A cohort renders the same logo for every candidate: it is decoded once,
// and again only when the file changes.
func TestLoadPNGCache(t *testing.T) {
	dir := t.TempDir()
	p := pngFile(t, dir, "logo.png", image.NewNRGBA(image.Rect(0, 0, 120, 40)))
	a, err := loadPNG(p)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if b, err := loadPNG(p); err != nil || b != a {
				t.Errorf("second load: %v, same image %v", err, b == a)
			}
		}()
	}
	wg.Wait()
	pngFile(t, dir, "logo.png", image.NewNRGBA(image.Rect(0, 0, 60, 60)))
	later := time.Now().Add(time.Minute)
	os.Chtimes(p, later, later)
	c, err := loadPNG(p)
	if err != nil || c == a || c.w != 60 {
		t.Errorf("changed logo: %v, w = %d, cached %v", err, c.w, c == a)
	}
}

// Scaling down averages in premultiplied colour: a red edge next to
// transparent pixels stays red, half transparent, not darkened.
func TestShrink(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 6, 2))
	for x := range 6 {
		for y := range 2 {
			c := color.NRGBA{}
			if x < 3 {
				c = color.NRGBA{R: 200, G: 20, B: 10, A: 255}
			}
			src.SetNRGBA(x, y, c)
		}
	}
	out := shrink(src, 3, 1) // k = 2
	if b := out.Bounds(); b.Dx() != 3 || b.Dy() != 1 {
		t.Fatalf("shrunk to %v", b)
	}
	for x, want := range []color.NRGBA{{200, 20, 10, 255}, {200, 20, 10, 128}, {}} {
		if got := out.NRGBAAt(x, 0); got != want {
			t.Errorf("pixel %d = %v, want %v", x, got, want)
		}
	}
	// Small images are only converted.
	if b := shrink(src, 960, 480).Bounds(); b.Dx() != 6 || b.Dy() != 2 {
		t.Errorf("small image resized to %v", b)
	}
}

// A cohort of 30 prints the logo 30 times: decode is the cost of each
// before the cache, cached the cost after.
func BenchmarkLogo(b *testing.B) {
	img := image.NewNRGBA(image.Rect(0, 0, 2400, 1200))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	p := pngFile(b, b.TempDir(), "logo.png", img)
	b.Run("decode", func(b *testing.B) {
		for b.Loop() {
			if _, err := decodeLogo(p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			if _, err := loadPNG(p); err != nil {
				b.Fatal(err)
			}
		}
	})
}
