#!/usr/bin/env bash
# Fails when a file is not gofmt-ed.
test -z "$(gofmt -l $(find . -name '*.go'))"
