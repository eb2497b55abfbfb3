package reports

import (
	"fmt"
	"html"

	"github.com/pathway-dev/pathway/internal/report"
)

// Badge colours by level, from the shields.io palette.
var badgeColors = map[string]string{
	report.Ready:        "#4c1",
	report.NearlyThere:  "#dfb317",
	report.KeepBuilding: "#e05d44",
}

// Badge renders a shields.io-style flat badge: "pathway | 78% ready".
func Badge(r *report.Report) []byte {
	label := "pathway"
	msg := fmt.Sprintf("%d%% ready", r.Overall.Score)
	color, ok := badgeColors[r.Overall.Level]
	if !ok {
		color = "#9f9f9f"
	}
	lw := textWidth(label) + 10
	mw := textWidth(msg) + 10
	w := lw + mw
	title := html.EscapeString(label + ": " + msg + " (" + Level(r.Overall.Level) + ")")
	return []byte(fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s"><title>%s</title>`+
		`<linearGradient id="s" x2="0" y2="100%%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`+
		`<clipPath id="r"><rect width="%d" height="20" rx="3" fill="#fff"/></clipPath>`+
		`<g clip-path="url(#r)"><rect width="%d" height="20" fill="#555"/><rect x="%d" width="%d" height="20" fill="%s"/><rect width="%d" height="20" fill="url(#s)"/></g>`+
		`<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="11">`+
		`<text x="%d" y="15" fill="#010101" fill-opacity=".3">%s</text><text x="%d" y="14">%s</text>`+
		`<text x="%d" y="15" fill="#010101" fill-opacity=".3">%s</text><text x="%d" y="14">%s</text></g></svg>`+"\n",
		w, title, title, w, lw, lw, mw, color, w,
		lw/2, label, lw/2, label,
		lw+mw/2, html.EscapeString(msg), lw+mw/2, html.EscapeString(msg)))
}

// textWidth approximates Verdana 11px advance widths, as shields.io does, so
// the text fits its box without measuring fonts at run time.
func textWidth(s string) int {
	w := 0.0
	for _, c := range s {
		switch {
		case c == 'i' || c == 'l' || c == '.' || c == ',' || c == ':' || c == '\'' || c == '|':
			w += 3.5
		case c == ' ' || c == 'f' || c == 'j' || c == 'r' || c == 't':
			w += 4.5
		case c == 'm' || c == 'w' || c == '%' || c == 'M' || c == 'W':
			w += 10.5
		case c >= 'A' && c <= 'Z':
			w += 7.5
		default:
			w += 7
		}
	}
	return int(w + 0.5)
}
