// Package reports renders an assessed report: JSON for programs, Markdown for
// CI summaries, an SVG badge, and (in reports/pdf) the PDF for people.
// Renderers read the report and nothing else.
package reports

import (
	"bytes"
	_ "embed"
	"encoding/json"

	"github.com/pathway-dev/pathway/internal/report"
)

// Schema is the JSON Schema of the "pathway.report/v1" contract.
//
//go:embed report.schema.json
var Schema []byte

// JSON renders r as indented JSON. Maps are sorted by encoding/json, so the
// same report always gives the same bytes.
func JSON(r *report.Report) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
