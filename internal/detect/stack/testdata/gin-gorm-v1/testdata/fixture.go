package testdata

import _ "github.com/lib/pq"
