package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"io"
	"os"
	"sync"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// The logo is printed at most 40×20 mm.
const logoW, logoH = 40.0, 20.0

// maxLogoSide bounds a logo's pixels before it is decoded: decoding costs
// four bytes a pixel, and a 20000×20000 PNG of a few kB would take 1.6 GB.
const maxLogoSide = 4096

// A logo wider or taller than this (about 600 dpi at its printed size) is
// scaled down before it is embedded: more pixels only make every PDF of a
// cohort bigger.
const embedW, embedH = 960, 480

var imageOptions = gofpdf.ImageOptions{ImageType: "PNG", ReadDpi: false}

type pngImage struct {
	data []byte // 8-bit non-interlaced PNG, as gofpdf reads it
	w, h int
}

// logo draws the coach's PNG at the top right of the cover, top at y, and
// returns its left edge and bottom. ok is false when there is no logo to
// show; a warning then says why.
func (d *doc) logo(y float64) (left, bottom float64, ok bool) {
	img, err := loadPNG(d.opts.Logo)
	if err != nil {
		d.notes = append(d.notes, fmt.Sprintf("logo %s not shown: %v", d.opts.Logo, err))
		return 0, 0, false
	}
	info := d.f.RegisterImageOptionsReader("logo", imageOptions, bytes.NewReader(img.data))
	if d.f.Err() || info == nil {
		return 0, 0, false
	}
	w, h := logoW, logoW*float64(img.h)/float64(img.w)
	if h > logoH {
		w, h = logoH*float64(img.w)/float64(img.h), logoH
	}
	d.f.ImageOptions("logo", d.right-w, y, w, h, false, imageOptions, 0, "")
	return d.right - w, y + h, true
}

// logoKey names one version of a logo file.
type logoKey struct {
	path string
	size int64
	mod  time.Time
}

type logoResult struct {
	img *pngImage
	err error
}

// logos caches decoded logos: a cohort prints the same logo on every
// candidate's report, and decoding it once is enough. A changed file has a
// new key; the cache is small because a run uses one or two logos.
var logos = struct {
	sync.Mutex
	m map[logoKey]logoResult
}{m: map[logoKey]logoResult{}}

// loadPNG reads the logo as 8-bit, non-interlaced PNG, the only kind gofpdf
// reads, decoding each version of a file once. A bad file is reported,
// never fatal.
func loadPNG(path string) (*pngImage, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file: pass a PNG file")
	}
	k := logoKey{path, st.Size(), st.ModTime()}
	logos.Lock()
	defer logos.Unlock()
	if r, ok := logos.m[k]; ok {
		return r.img, r.err
	}
	img, err := decodeLogo(path)
	if len(logos.m) >= 8 {
		clear(logos.m)
	}
	logos.m[k] = logoResult{img, err}
	return img, err
}

func decodeLogo(path string) (*pngImage, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The header says the size; a picture too big is refused before its
	// pixels are allocated.
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		return nil, fmt.Errorf("not a readable PNG (%v): export the logo as PNG", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxLogoSide || cfg.Height > maxLogoSide {
		return nil, fmt.Errorf("image is %d×%d pixels: use a PNG of at most %d×%d", cfg.Width, cfg.Height, maxLogoSide, maxLogoSide)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("not a readable PNG (%v): export the logo as PNG", err)
	}
	out := shrink(img, embedW, embedH)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, out); err != nil {
		return nil, err
	}
	b := out.Bounds()
	return &pngImage{data: buf.Bytes(), w: b.Dx(), h: b.Dy()}, nil
}

// shrink returns img as 8-bit NRGBA, scaled down by a whole factor (each
// output pixel the average of a k×k block) until it fits maxW×maxH.
func shrink(img image.Image, maxW, maxH int) *image.NRGBA {
	b := img.Bounds()
	k := max(1, (b.Dx()+maxW-1)/maxW, (b.Dy()+maxH-1)/maxH)
	if k == 1 {
		out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		draw.Draw(out, out.Bounds(), img, b.Min, draw.Src)
		return out
	}
	// Average in premultiplied form, so transparent pixels do not darken
	// the edges of what is drawn.
	src := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(src, src.Bounds(), img, b.Min, draw.Src)
	w, h := (b.Dx()+k-1)/k, (b.Dy()+k-1)/k
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			var r, g, bl, a, n int
			for sy := y * k; sy < min((y+1)*k, b.Dy()); sy++ {
				i := src.PixOffset(x*k, sy)
				for sx := x * k; sx < min((x+1)*k, b.Dx()); sx++ {
					p := src.Pix[i : i+4 : i+4]
					r, g, bl, a = r+int(p[0]), g+int(p[1]), bl+int(p[2]), a+int(p[3])
					n++
					i += 4
				}
			}
			o := out.PixOffset(x, y)
			if a == 0 {
				continue // transparent: all zero
			}
			// Un-premultiply: colour sums over alpha sum.
			out.Pix[o] = uint8(min(255, (r*255+a/2)/a))
			out.Pix[o+1] = uint8(min(255, (g*255+a/2)/a))
			out.Pix[o+2] = uint8(min(255, (bl*255+a/2)/a))
			out.Pix[o+3] = uint8((a + n/2) / n)
		}
	}
	return out
}
