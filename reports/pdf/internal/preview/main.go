// Command preview renders a sample report to a PDF so a person can look at
// it (reports/pdf/preview.sh turns the pages into PNG files).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/pathway-dev/pathway/reports/pdf"
	"github.com/pathway-dev/pathway/reports/pdf/internal/sample"
)

func main() {
	name := flag.String("sample", "middling", fmt.Sprintf("sample report: one of %v, or cohort (the cohort summary)", sample.Names))
	n := flag.Int("n", 30, "candidates in the cohort sample")
	out := flag.String("o", "preview.pdf", "output file")
	var opts pdf.Options
	flag.StringVar(&opts.Paper, "paper", "a4", "a4 or letter")
	flag.StringVar(&opts.FontFile, "font", "", "TrueType font for CJK")
	flag.StringVar(&opts.Coach, "coach", "", `"Name, Organisation" for the cover`)
	flag.StringVar(&opts.Logo, "logo", "", "PNG logo for the cover")
	flag.Parse()
	var b []byte
	var warnings []string
	var err error
	if *name == "cohort" {
		b, warnings, err = pdf.RenderCohort(sample.Cohort(*n), opts)
	} else {
		r, gerr := sample.Get(*name)
		if gerr != nil {
			fmt.Fprintln(os.Stderr, "preview:", gerr)
			os.Exit(2)
		}
		b, warnings, err = pdf.Render(r, opts)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "preview:", err)
		os.Exit(1)
	}
	for _, w := range warnings {
		fmt.Fprintln(os.Stderr, "warning:", w)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "preview:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d bytes\n", *out, len(b))
}
