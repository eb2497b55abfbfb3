package audit

import (
	"errors"

	"github.com/pathway-dev/pathway/internal/cohort"
	"github.com/pathway-dev/pathway/internal/report"
)

// pdfAvailable is false until the PDF renderer lands.
const pdfAvailable = false

func renderPDF(_ *report.Report, _ *Options) ([]byte, error) {
	return nil, errors.New("pdf is not available yet")
}

func renderCohortPDF(_ cohort.Summary, _ *Options) ([]byte, error) {
	return nil, errors.New("pdf is not available yet")
}
