package audit

import (
	"fmt"

	"github.com/pathway-dev/pathway/internal/cohort"
	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/reports/pdf"
)

// pdfAvailable: the PDF renderer is built in.
const pdfAvailable = true

func renderPDF(r *report.Report, opts *Options) ([]byte, error) {
	data, warnings, err := pdf.Render(r, pdf.Options{Paper: opts.Paper, FontFile: opts.Font, Coach: opts.Coach, Logo: opts.Logo})
	for _, w := range warnings {
		fmt.Fprintf(opts.IO.ErrOut, "pathway: %s: PDF: %s\n", r.Subject.Login, w)
	}
	return data, err
}

func renderCohortPDF(s cohort.Summary, opts *Options) ([]byte, error) {
	data, warnings, err := pdf.RenderCohort(s, pdf.Options{Paper: opts.Paper, FontFile: opts.Font, Coach: opts.Coach, Logo: opts.Logo})
	for _, w := range warnings {
		fmt.Fprintf(opts.IO.ErrOut, "pathway: cohort.pdf: %s\n", w)
	}
	return data, err
}
