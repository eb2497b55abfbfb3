package stack

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// composeClaims reads the image of each compose service: a postgres:16 or
// mongo service is the database the application is meant to run with.
func composeClaims(p string, b []byte) []mark {
	var doc yaml.Node
	if yaml.Unmarshal(b, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	services := mapValue(doc.Content[0], "services")
	if services == nil || services.Kind != yaml.MappingNode {
		return nil
	}
	var out []mark
	for i := 0; i+1 < len(services.Content); i += 2 {
		name, svc := services.Content[i].Value, services.Content[i+1]
		img := mapValue(svc, "image")
		if img == nil || img.Kind != yaml.ScalarNode {
			continue
		}
		if id := imageDB(img.Value); id != "" {
			out = append(out, mark{kind: "database", id: id, file: p, line: img.Line, text: "compose service " + name + " image " + img.Value})
		}
	}
	return out
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// imageDB maps a container image reference to a database id.
func imageDB(ref string) string {
	ref = strings.ToLower(strings.TrimSpace(ref))
	if strings.Contains(ref, "${") && !strings.Contains(ref, "/") && !strings.Contains(ref, ":") {
		return ""
	}
	if i := strings.Index(ref, "@"); i >= 0 {
		ref = ref[:i]
	}
	// Drop the tag (a colon after the last slash; a registry port comes
	// before it).
	if i := strings.LastIndex(ref, ":"); i > strings.LastIndex(ref, "/") {
		ref = ref[:i]
	}
	repo := ref
	last := path.Base(ref)
	switch {
	case strings.HasPrefix(repo, "supabase/"):
		return "supabase"
	case last == "postgres" || last == "postgresql" || last == "postgis" || strings.HasPrefix(last, "postgres-") || last == "timescaledb" ||
		strings.HasPrefix(last, "timescaledb-") || last == "pgvector":
		return "postgresql"
	case last == "mysql" || last == "mysql-server" || last == "percona-server":
		return "mysql"
	case last == "mariadb":
		return "mariadb"
	case last == "mongo" || last == "mongodb" || strings.HasPrefix(last, "mongodb-community") || last == "mongodb-enterprise-server":
		return "mongodb"
	case last == "redis" || strings.HasPrefix(last, "redis-stack") || last == "valkey" || last == "keydb":
		return "redis"
	case strings.Contains(repo, "mssql"):
		return "sqlserver"
	case strings.Contains(repo, "oracle") && (strings.Contains(last, "xe") || strings.Contains(last, "free") || strings.Contains(repo, "database")):
		return "oracle"
	case last == "cassandra" || last == "scylla":
		return "cassandra"
	case last == "dynamodb-local":
		return "dynamodb"
	case last == "elasticsearch":
		return "elasticsearch"
	case last == "neo4j":
		return "neo4j"
	case last == "cockroach":
		return "cockroachdb"
	}
	return ""
}

var (
	rePrismaDS       = regexp.MustCompile(`(?s)datasource\s+\w+\s*\{([^}]*)\}`)
	rePrismaProvider = regexp.MustCompile(`provider\s*=\s*"(\w+)"`)
)

// prismaClaims reads the provider of a Prisma datasource block.
func prismaClaims(p string, b []byte) []mark {
	var out []mark
	lines := newLineIndex(b)
	src := stripComments(string(b), "//")
	for _, m := range rePrismaDS.FindAllStringSubmatchIndex(src, -1) {
		body := src[m[2]:m[3]]
		pm := rePrismaProvider.FindStringSubmatchIndex(body)
		if pm == nil {
			continue
		}
		prov := body[pm[2]:pm[3]]
		id := map[string]string{"postgresql": "postgresql", "postgres": "postgresql", "mysql": "mysql", "sqlite": "sqlite",
			"sqlserver": "sqlserver", "mongodb": "mongodb", "cockroachdb": "cockroachdb"}[prov]
		if id == "" {
			continue
		}
		out = append(out, mark{kind: "database", id: id, file: p, line: lines.at(m[2] + pm[0]), text: `Prisma datasource provider "` + prov + `"`})
	}
	if len(out) > 0 {
		out = append(out, mark{kind: "orm", id: "prisma", file: p, line: out[0].line, text: "Prisma schema"})
	}
	return out
}

// stripComments blanks line comments (keeping offsets) so commented-out
// configuration is not read as configuration.
func stripComments(s, marker string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if j := strings.Index(l, marker); j >= 0 && !strings.Contains(l[:j], `"`) {
			lines[i] = l[:j] + strings.Repeat(" ", len(strings.TrimRight(l[j:], "\n"))) + l[len(strings.TrimRight(l, "\n")):]
		}
	}
	return strings.Join(lines, "")
}

var (
	reJDBC      = regexp.MustCompile(`\b(?:jdbc:(?:tc:)?|r2dbc:(?:pool:)?)(postgresql|mysql|mariadb|sqlite|sqlserver|oracle|h2|mssql)\b`)
	reMongoURI  = regexp.MustCompile(`\bmongodb(?:\+srv)?://|spring\.data\.mongodb\.`)
	reRedisProp = regexp.MustCompile(`\bspring\.(?:data\.)?redis\.|\bredis(?:s)?://`)
	reNeo4jURI  = regexp.MustCompile(`\bspring\.neo4j\.|\b(?:bolt|neo4j)(?:\+s)?://`)
	reESProp    = regexp.MustCompile(`\bspring\.elasticsearch\.`)
	reYAMLKey   = regexp.MustCompile(`^\s*(mongodb|redis|neo4j|elasticsearch)\s*:\s*$`)
)

// springClaims reads datasource URLs and data-store settings from Spring
// application.properties / application.yml.
func springClaims(p string, b []byte) []mark {
	var out []mark
	isYAML := strings.HasSuffix(p, ".yml") || strings.HasSuffix(p, ".yaml")
	for i, line := range strings.Split(string(b), "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "!") {
			continue
		}
		// Evidence names the setting, never its value: URLs carry passwords.
		add := func(id, what string) {
			out = append(out, mark{kind: "database", id: id, file: p, line: i + 1, text: "Spring configuration " + what})
		}
		if m := reJDBC.FindStringSubmatch(t); m != nil {
			add(map[string]string{"postgresql": "postgresql", "mysql": "mysql", "mariadb": "mariadb", "sqlite": "sqlite",
				"sqlserver": "sqlserver", "mssql": "sqlserver", "oracle": "oracle", "h2": "h2"}[m[1]], "datasource URL "+strings.TrimSuffix(m[0], ":")+":")
			continue
		}
		switch {
		case reMongoURI.MatchString(t):
			add("mongodb", "MongoDB connection settings")
		case reRedisProp.MatchString(t):
			add("redis", "Redis connection settings")
		case reNeo4jURI.MatchString(t):
			add("neo4j", "Neo4j connection settings")
		case reESProp.MatchString(t):
			add("elasticsearch", "Elasticsearch connection settings")
		case isYAML:
			// spring: data: redis: — the nested key alone says it.
			if m := reYAMLKey.FindStringSubmatch(line); m != nil && strings.HasPrefix(line, " ") {
				add(m[1], m[1]+" settings")
			}
		}
	}
	return out
}

var (
	reDjangoEngine = regexp.MustCompile(`["'](?:django\.db\.backends|django\.contrib\.gis\.db\.backends)\.(postgresql_psycopg2|postgresql|postgis|mysql|sqlite3|oracle|spatialite)["']|["'](mssql|sql_server\.pyodbc|djongo)["']`)
	reDBURLDefault = regexp.MustCompile(`\b(postgres|postgresql|postgis|mysql|sqlite|mongodb|redis)(?:\+\w+)?://`)
)

// djangoClaims reads DATABASES ENGINE values (and the default URL of
// dj-database-url) from Django settings modules.
func djangoClaims(p string, b []byte) []mark {
	var out []mark
	for i, line := range strings.Split(string(b), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "#") {
			continue
		}
		if m := reDjangoEngine.FindStringSubmatch(t); m != nil {
			eng := m[1] + m[2]
			id := map[string]string{"postgresql_psycopg2": "postgresql", "postgresql": "postgresql", "postgis": "postgresql", "mysql": "mysql",
				"sqlite3": "sqlite", "spatialite": "sqlite", "oracle": "oracle", "mssql": "sqlserver", "sql_server.pyodbc": "sqlserver", "djongo": "mongodb"}[eng]
			out = append(out, mark{kind: "database", id: id, file: p, line: i + 1, text: "Django ENGINE " + eng})
			continue
		}
		if strings.Contains(t, "DATABASE") || strings.Contains(t, "dj_database_url") || strings.Contains(t, "db_url") {
			if m := reDBURLDefault.FindStringSubmatch(t); m != nil {
				out = append(out, mark{kind: "database", id: urlSchemeDB(m[1]), file: p, line: i + 1, text: "settings database URL " + m[1] + "://"})
			}
		}
	}
	return out
}

var reRailsAdapter = regexp.MustCompile(`^\s*adapter:\s*["']?(postgresql|postgis|mysql2|trilogy|sqlite3|sqlserver|oracle_enhanced|mongodb)["']?\s*$`)

// railsClaims reads the adapter lines of config/database.yml (which has
// ERB in it, so it is read by line rather than as YAML).
func railsClaims(p string, b []byte) []mark {
	var out []mark
	for i, line := range strings.Split(string(b), "\n") {
		if m := reRailsAdapter.FindStringSubmatch(line); m != nil {
			id := map[string]string{"postgresql": "postgresql", "postgis": "postgresql", "mysql2": "mysql", "trilogy": "mysql", "sqlite3": "sqlite",
				"sqlserver": "sqlserver", "oracle_enhanced": "oracle", "mongodb": "mongodb"}[m[1]]
			out = append(out, mark{kind: "database", id: id, file: p, line: i + 1, text: "Rails database adapter " + m[1]})
		}
	}
	return out
}

var (
	reDBConnection = regexp.MustCompile(`^\s*(?:export\s+)?DB_CONNECTION\s*=\s*["']?(\w+)`)
	reDBURLVar     = regexp.MustCompile(`^\s*(?:export\s+)?(?:DATABASE_URL|DB_URL|DATABASE_URI|SQLALCHEMY_DATABASE_URI|POSTGRES_URL|MYSQL_URL|MONGO_URI|MONGODB_URI|MONGO_URL|MONGODB_URL|REDIS_URL)\s*=\s*["']?(\w+)(?:\+\w+)?://`)
)

// envClaims reads DB_CONNECTION (Laravel) and database URLs from example
// environment files. Real .env files are never read here: they may hold
// secrets, and the security detector reports them.
func envClaims(p string, b []byte) []mark {
	var out []mark
	for i, line := range strings.Split(string(b), "\n") {
		if m := reDBConnection.FindStringSubmatch(line); m != nil {
			id := map[string]string{"mysql": "mysql", "pgsql": "postgresql", "sqlite": "sqlite", "sqlsrv": "sqlserver", "mariadb": "mariadb",
				"mongodb": "mongodb"}[strings.ToLower(m[1])]
			if id != "" {
				out = append(out, mark{kind: "database", id: id, file: p, line: i + 1, text: "DB_CONNECTION=" + m[1]})
			}
			continue
		}
		if m := reDBURLVar.FindStringSubmatch(line); m != nil {
			if id := urlSchemeDB(strings.ToLower(m[1])); id != "" {
				out = append(out, mark{kind: "database", id: id, file: p, line: i + 1, text: "database URL scheme " + m[1] + "://"})
			}
		}
	}
	return out
}

func urlSchemeDB(scheme string) string {
	switch scheme {
	case "postgres", "postgresql", "postgis", "pgsql":
		return "postgresql"
	case "mysql":
		return "mysql"
	case "mariadb":
		return "mariadb"
	case "sqlite":
		return "sqlite"
	case "mongodb":
		return "mongodb"
	case "redis", "rediss":
		return "redis"
	case "mssql", "sqlserver":
		return "sqlserver"
	}
	return ""
}

var reSpringClient = regexp.MustCompile(`\bnew\s+RestTemplate\s*\(|\bRestTemplateBuilder\b|\bWebClient\s*\.\s*(?:create|builder)\s*\(|\bRestClient\s*\.\s*(?:create|builder)\s*\(|\bRestTemplate\s*\(`)

// springClientClaims finds Spring's built-in HTTP clients being built in
// application sources: they ship inside spring-web, so no manifest line
// reveals them. One claim per file is enough.
func springClientClaims(p string, b []byte) []mark {
	if !bytes.Contains(b, []byte("RestTemplate")) && !bytes.Contains(b, []byte("WebClient")) && !bytes.Contains(b, []byte("RestClient")) {
		return nil
	}
	for i, line := range strings.Split(string(b), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "//") || strings.HasPrefix(t, "*") || strings.HasPrefix(t, "import ") {
			continue
		}
		m := reSpringClient.FindString(t)
		if m == "" {
			continue
		}
		id := "resttemplate"
		switch {
		case strings.HasPrefix(m, "WebClient"):
			id = "webclient"
		case strings.HasPrefix(m, "RestClient"):
			id = "spring-restclient"
		}
		return []mark{{kind: "http", id: id, file: p, line: i + 1, text: "builds a " + strings.TrimRight(m, "( ")}}
	}
	return nil
}
