// Package schematest validates JSON reports against the published schema, for
// tests in any package that produces one.
package schematest

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/pathway-dev/pathway/reports"
)

var (
	once     sync.Once
	compiled *jsonschema.Schema
	loadErr  error
)

func schema() (*jsonschema.Schema, error) {
	once.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(reports.Schema))
		if err != nil {
			loadErr = fmt.Errorf("report schema is not JSON: %w", err)
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource("report.schema.json", doc); err != nil {
			loadErr = err
			return
		}
		compiled, loadErr = c.Compile("report.schema.json")
	})
	return compiled, loadErr
}

// Validate returns an error describing every way data breaks the contract.
func Validate(data []byte) error {
	s, err := schema()
	if err != nil {
		return err
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("report is not JSON: %w", err)
	}
	return s.Validate(v)
}
