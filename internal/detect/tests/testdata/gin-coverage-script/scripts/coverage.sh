#!/usr/bin/env bash

set -e

echo "mode: atomic" > coverage.txt

for d in $(find ./* -maxdepth 10 -type d); do
    if ls $d/*.go &> /dev/null; then
        go test  -coverprofile=profile.out -covermode=atomic $d
        if [ -f profile.out ]; then
            grep -v "mode: " profile.out >> coverage.txt
            rm profile.out
        fi
    fi
done
