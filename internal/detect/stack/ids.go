package stack

import (
	"regexp"
	"strings"
)

// Frameworks are the framework ids Stack.Frameworks may hold.
var Frameworks = []string{
	"actix-web", "adonisjs", "aspnet-core", "axum", "beego", "bottle", "cakephp", "chi", "codeigniter",
	"django", "django-rest-framework", "dropwizard", "echo", "express", "falcon", "fastapi", "fastify", "fiber",
	"flask", "gin", "gorilla-mux", "grape", "hanami", "hapi", "javalin", "koa", "ktor", "laravel", "litestar",
	"lumen", "micronaut", "nestjs", "nextjs", "nuxt", "phoenix", "pyramid", "quarkus", "rails", "rocket",
	"sanic", "sinatra", "slim", "spring-boot", "symfony", "tornado", "vertx", "warp",
}

// Databases are the database ids Stack.Databases may hold.
var Databases = []string{
	"cassandra", "cockroachdb", "dynamodb", "elasticsearch", "firestore", "h2", "mariadb", "mongodb", "mysql",
	"neo4j", "oracle", "postgresql", "redis", "sqlite", "sqlserver", "supabase",
}

// ORMs are the ORM and data-mapper ids Stack.ORMs may hold.
var ORMs = []string{
	"activerecord", "bun", "dapper", "diesel", "django-orm", "doctrine", "drizzle", "ecto", "eloquent", "ent",
	"entity-framework", "exposed", "gorm", "hibernate", "jooq", "knex", "mikro-orm", "mongoengine", "mongoid",
	"mongoose", "mybatis", "objection", "peewee", "prisma", "sea-orm", "sequel", "sequelize", "sqlalchemy",
	"sqlboiler", "sqlmodel", "tortoise-orm", "typeorm",
}

// HTTPClients are the ids of HTTP client libraries (used to call other
// APIs) Stack.HTTPClients may hold. Spring's RestTemplate, WebClient and
// RestClient ship inside Spring itself, so they are found by their use in
// src/main sources; Go's net/http is everywhere and is not reported.
var HTTPClients = []string{
	"aiohttp", "apache-httpclient", "axios", "cross-fetch", "faraday", "feign", "finch", "flurl", "got",
	"guzzle", "httparty", "httpoison", "httpx", "isomorphic-fetch", "ky", "node-fetch", "okhttp", "refit",
	"req", "requests", "reqwest", "rest-client", "restsharp", "resttemplate", "resty", "retrofit",
	"spring-restclient", "superagent", "symfony-http-client", "tesla", "undici", "ureq", "webclient",
}

// tag is one thing a dependency says about the stack.
type tag struct{ kind, id string }

func f(id string) tag  { return tag{"framework", id} }
func db(id string) tag { return tag{"database", id} }
func o(id string) tag  { return tag{"orm", id} }
func h(id string) tag  { return tag{"http", id} }

// exact maps "ecosystem name" (name normalised by normName) to tags.
var exact = map[string][]tag{
	// npm
	"npm express": {f("express")}, "npm @nestjs/core": {f("nestjs")}, "npm fastify": {f("fastify")}, "npm koa": {f("koa")},
	"npm @hapi/hapi": {f("hapi")}, "npm hapi": {f("hapi")}, "npm next": {f("nextjs")}, "npm nuxt": {f("nuxt")},
	"npm @adonisjs/core": {f("adonisjs")},
	"npm pg":             {db("postgresql")}, "npm pg-promise": {db("postgresql")}, "npm postgres": {db("postgresql")},
	"npm @neondatabase/serverless": {db("postgresql")}, "npm @vercel/postgres": {db("postgresql")},
	"npm mysql": {db("mysql")}, "npm mysql2": {db("mysql")}, "npm mariadb": {db("mariadb")},
	"npm sqlite3": {db("sqlite")}, "npm better-sqlite3": {db("sqlite")}, "npm sqlite": {db("sqlite")}, "npm @libsql/client": {db("sqlite")},
	"npm mongodb": {db("mongodb")}, "npm mongoose": {db("mongodb"), o("mongoose")},
	"npm redis": {db("redis")}, "npm ioredis": {db("redis")}, "npm @upstash/redis": {db("redis")},
	"npm mssql": {db("sqlserver")}, "npm tedious": {db("sqlserver")}, "npm oracledb": {db("oracle")},
	"npm cassandra-driver": {db("cassandra")}, "npm @aws-sdk/client-dynamodb": {db("dynamodb")}, "npm @aws-sdk/lib-dynamodb": {db("dynamodb")},
	"npm dynamoose": {db("dynamodb")}, "npm @elastic/elasticsearch": {db("elasticsearch")}, "npm neo4j-driver": {db("neo4j")},
	"npm @google-cloud/firestore": {db("firestore")}, "npm @supabase/supabase-js": {db("supabase")},
	"npm prisma": {o("prisma")}, "npm @prisma/client": {o("prisma")}, "npm typeorm": {o("typeorm")}, "npm sequelize": {o("sequelize")},
	"npm @mikro-orm/core": {o("mikro-orm")}, "npm drizzle-orm": {o("drizzle")}, "npm knex": {o("knex")}, "npm objection": {o("objection")},
	"npm axios": {h("axios")}, "npm node-fetch": {h("node-fetch")}, "npm got": {h("got")}, "npm superagent": {h("superagent")},
	"npm undici": {h("undici")}, "npm ky": {h("ky")}, "npm cross-fetch": {h("cross-fetch")}, "npm isomorphic-fetch": {h("isomorphic-fetch")},
	"npm @nestjs/axios": {h("axios")},

	// PyPI (PEP 503 names)
	"pypi django": {f("django"), o("django-orm")}, "pypi djangorestframework": {f("django-rest-framework")},
	"pypi flask": {f("flask")}, "pypi fastapi": {f("fastapi")}, "pypi tornado": {f("tornado")}, "pypi sanic": {f("sanic")},
	"pypi pyramid": {f("pyramid")}, "pypi bottle": {f("bottle")}, "pypi falcon": {f("falcon")}, "pypi litestar": {f("litestar")},
	"pypi psycopg2": {db("postgresql")}, "pypi psycopg2-binary": {db("postgresql")}, "pypi psycopg": {db("postgresql")},
	"pypi psycopg-binary": {db("postgresql")}, "pypi asyncpg": {db("postgresql")}, "pypi pg8000": {db("postgresql")},
	"pypi mysqlclient": {db("mysql")}, "pypi pymysql": {db("mysql")}, "pypi mysql-connector-python": {db("mysql")},
	"pypi aiomysql": {db("mysql")}, "pypi asyncmy": {db("mysql")}, "pypi mariadb": {db("mariadb")},
	"pypi aiosqlite": {db("sqlite")}, "pypi pymongo": {db("mongodb")}, "pypi motor": {db("mongodb")},
	"pypi mongoengine": {db("mongodb"), o("mongoengine")}, "pypi beanie": {db("mongodb")}, "pypi odmantic": {db("mongodb")},
	"pypi redis": {db("redis")}, "pypi aioredis": {db("redis")}, "pypi django-redis": {db("redis")}, "pypi flask-redis": {db("redis")},
	"pypi pymssql": {db("sqlserver")}, "pypi mssql-django": {db("sqlserver")}, "pypi cx-oracle": {db("oracle")}, "pypi oracledb": {db("oracle")},
	"pypi cassandra-driver": {db("cassandra")}, "pypi pynamodb": {db("dynamodb")}, "pypi elasticsearch": {db("elasticsearch")},
	"pypi elasticsearch-dsl": {db("elasticsearch")}, "pypi neo4j": {db("neo4j")}, "pypi py2neo": {db("neo4j")},
	"pypi google-cloud-firestore": {db("firestore")}, "pypi supabase": {db("supabase")}, "pypi flask-pymongo": {db("mongodb")},
	"pypi sqlalchemy": {o("sqlalchemy")}, "pypi flask-sqlalchemy": {o("sqlalchemy")}, "pypi sqlmodel": {o("sqlmodel")},
	"pypi peewee": {o("peewee")}, "pypi tortoise-orm": {o("tortoise-orm")},
	"pypi requests": {h("requests")}, "pypi httpx": {h("httpx")}, "pypi aiohttp": {h("aiohttp")},

	// Go
	"go github.com/gin-gonic/gin": {f("gin")}, "go github.com/labstack/echo": {f("echo")}, "go github.com/gofiber/fiber": {f("fiber")},
	"go github.com/go-chi/chi": {f("chi")}, "go github.com/gorilla/mux": {f("gorilla-mux")}, "go github.com/beego/beego": {f("beego")},
	"go github.com/astaxie/beego": {f("beego")},
	"go github.com/lib/pq":        {db("postgresql")}, "go github.com/jackc/pgx": {db("postgresql")}, "go gorm.io/driver/postgres": {db("postgresql")},
	"go github.com/go-sql-driver/mysql": {db("mysql")}, "go gorm.io/driver/mysql": {db("mysql")},
	"go github.com/mattn/go-sqlite3": {db("sqlite")}, "go modernc.org/sqlite": {db("sqlite")}, "go gorm.io/driver/sqlite": {db("sqlite")},
	"go github.com/glebarez/sqlite": {db("sqlite")},
	// gorm v1 dialects: imported (blank) by code, never required on their own.
	"go github.com/jinzhu/gorm/dialects/sqlite": {db("sqlite")}, "go github.com/jinzhu/gorm/dialects/mysql": {db("mysql")},
	"go github.com/jinzhu/gorm/dialects/postgres": {db("postgresql")}, "go github.com/jinzhu/gorm/dialects/mssql": {db("sqlserver")},
	"go go.mongodb.org/mongo-driver": {db("mongodb")}, "go github.com/redis/go-redis": {db("redis")}, "go github.com/go-redis/redis": {db("redis")},
	"go github.com/gomodule/redigo":       {db("redis")},
	"go github.com/denisenkom/go-mssqldb": {db("sqlserver")}, "go github.com/microsoft/go-mssqldb": {db("sqlserver")}, "go gorm.io/driver/sqlserver": {db("sqlserver")},
	"go github.com/sijms/go-ora": {db("oracle")}, "go github.com/gocql/gocql": {db("cassandra")},
	"go github.com/aws/aws-sdk-go-v2/service/dynamodb": {db("dynamodb")}, "go github.com/elastic/go-elasticsearch": {db("elasticsearch")},
	"go github.com/olivere/elastic": {db("elasticsearch")}, "go github.com/neo4j/neo4j-go-driver": {db("neo4j")},
	"go cloud.google.com/go/firestore": {db("firestore")}, "go github.com/supabase-community/supabase-go": {db("supabase")},
	"go gorm.io/gorm": {o("gorm")}, "go github.com/jinzhu/gorm": {o("gorm")}, "go entgo.io/ent": {o("ent")},
	"go github.com/uptrace/bun": {o("bun")}, "go github.com/volatiletech/sqlboiler": {o("sqlboiler")},
	"go github.com/go-resty/resty": {h("resty")},

	// Maven (group:artifact)
	"maven org.postgresql:postgresql": {db("postgresql")}, "maven org.postgresql:r2dbc-postgresql": {db("postgresql")},
	"maven mysql:mysql-connector-java": {db("mysql")}, "maven com.mysql:mysql-connector-j": {db("mysql")},
	"maven org.mariadb.jdbc:mariadb-java-client": {db("mariadb")}, "maven org.xerial:sqlite-jdbc": {db("sqlite")},
	"maven com.h2database:h2": {db("h2")}, "maven com.microsoft.sqlserver:mssql-jdbc": {db("sqlserver")},
	"maven org.springframework.boot:spring-boot-starter-data-mongodb":          {db("mongodb")},
	"maven org.springframework.boot:spring-boot-starter-data-mongodb-reactive": {db("mongodb")},
	"maven org.springframework.boot:spring-boot-starter-data-redis":            {db("redis")},
	"maven org.springframework.boot:spring-boot-starter-data-redis-reactive":   {db("redis")},
	"maven redis.clients:jedis": {db("redis")}, "maven io.lettuce:lettuce-core": {db("redis")}, "maven org.redisson:redisson": {db("redis")},
	"maven org.springframework.boot:spring-boot-starter-data-cassandra":     {db("cassandra")},
	"maven org.springframework.boot:spring-boot-starter-data-elasticsearch": {db("elasticsearch")},
	"maven co.elastic.clients:elasticsearch-java":                           {db("elasticsearch")},
	"maven org.springframework.boot:spring-boot-starter-data-neo4j":         {db("neo4j")}, "maven org.neo4j.driver:neo4j-java-driver": {db("neo4j")},
	"maven com.google.cloud:google-cloud-firestore":               {db("firestore")},
	"maven org.springframework.boot:spring-boot-starter-data-jpa": {o("hibernate")}, "maven org.hibernate:hibernate-core": {o("hibernate")},
	"maven org.hibernate.orm:hibernate-core": {o("hibernate")}, "maven io.quarkus:quarkus-hibernate-orm": {o("hibernate")},
	"maven io.quarkus:quarkus-hibernate-orm-panache": {o("hibernate")}, "maven jakarta.persistence:jakarta.persistence-api": {o("hibernate")},
	"maven org.jooq:jooq": {o("jooq")}, "maven org.springframework.boot:spring-boot-starter-jooq": {o("jooq")},
	"maven org.jetbrains.exposed:exposed-core": {o("exposed")},
	"maven com.squareup.okhttp3:okhttp":        {h("okhttp")}, "maven org.springframework.cloud:spring-cloud-starter-openfeign": {h("feign")},
	"maven com.squareup.retrofit2:retrofit": {h("retrofit")}, "maven org.apache.httpcomponents:httpclient": {h("apache-httpclient")},
	"maven org.apache.httpcomponents.client5:httpclient5": {h("apache-httpclient")},
	"maven io.javalin:javalin":                            {f("javalin")}, "maven io.dropwizard:dropwizard-core": {f("dropwizard")}, "maven io.vertx:vertx-web": {f("vertx")},

	// RubyGems
	"rubygems rails": {f("rails"), o("activerecord")}, "rubygems sinatra": {f("sinatra")}, "rubygems hanami": {f("hanami")},
	"rubygems grape": {f("grape")}, "rubygems activerecord": {o("activerecord")}, "rubygems sequel": {o("sequel")},
	"rubygems pg": {db("postgresql")}, "rubygems mysql2": {db("mysql")}, "rubygems trilogy": {db("mysql")}, "rubygems sqlite3": {db("sqlite")},
	"rubygems mongoid": {db("mongodb"), o("mongoid")}, "rubygems mongo": {db("mongodb")}, "rubygems redis": {db("redis")},
	"rubygems activerecord-sqlserver-adapter": {db("sqlserver")}, "rubygems tiny_tds": {db("sqlserver")},
	"rubygems activerecord-oracle_enhanced-adapter": {db("oracle")}, "rubygems elasticsearch": {db("elasticsearch")},
	"rubygems searchkick": {db("elasticsearch")}, "rubygems cassandra-driver": {db("cassandra")}, "rubygems aws-sdk-dynamodb": {db("dynamodb")},
	"rubygems faraday": {h("faraday")}, "rubygems httparty": {h("httparty")}, "rubygems rest-client": {h("rest-client")},

	// Packagist
	"packagist laravel/framework": {f("laravel"), o("eloquent")}, "packagist laravel/lumen-framework": {f("lumen"), o("eloquent")},
	"packagist symfony/framework-bundle": {f("symfony")}, "packagist symfony/symfony": {f("symfony")}, "packagist slim/slim": {f("slim")},
	"packagist codeigniter4/framework": {f("codeigniter")}, "packagist cakephp/cakephp": {f("cakephp")},
	"packagist illuminate/database": {o("eloquent")}, "packagist doctrine/orm": {o("doctrine")}, "packagist symfony/orm-pack": {o("doctrine")},
	"packagist mongodb/laravel-mongodb": {db("mongodb")}, "packagist jenssegers/mongodb": {db("mongodb")}, "packagist mongodb/mongodb": {db("mongodb")},
	"packagist doctrine/mongodb-odm": {db("mongodb")}, "packagist predis/predis": {db("redis")},
	"packagist elasticsearch/elasticsearch": {db("elasticsearch")}, "packagist laudis/neo4j-php-client": {db("neo4j")},
	"packagist guzzlehttp/guzzle": {h("guzzle")}, "packagist symfony/http-client": {h("symfony-http-client")},

	// NuGet (lower case)
	"nuget npgsql": {db("postgresql")}, "nuget npgsql.entityframeworkcore.postgresql": {db("postgresql"), o("entity-framework")},
	"nuget mysql.data": {db("mysql")}, "nuget mysqlconnector": {db("mysql")}, "nuget pomelo.entityframeworkcore.mysql": {db("mysql"), o("entity-framework")},
	"nuget microsoft.entityframeworkcore.sqlserver": {db("sqlserver"), o("entity-framework")}, "nuget microsoft.data.sqlclient": {db("sqlserver")},
	"nuget system.data.sqlclient": {db("sqlserver")}, "nuget microsoft.entityframeworkcore.sqlite": {db("sqlite"), o("entity-framework")},
	"nuget microsoft.data.sqlite": {db("sqlite")}, "nuget mongodb.driver": {db("mongodb")}, "nuget stackexchange.redis": {db("redis")},
	"nuget oracle.manageddataaccess.core": {db("oracle")}, "nuget oracle.entityframeworkcore": {db("oracle"), o("entity-framework")},
	"nuget nest": {db("elasticsearch")}, "nuget elastic.clients.elasticsearch": {db("elasticsearch")}, "nuget neo4j.driver": {db("neo4j")},
	"nuget google.cloud.firestore": {db("firestore")}, "nuget awssdk.dynamodbv2": {db("dynamodb")}, "nuget cassandracsharpdriver": {db("cassandra")},
	"nuget supabase": {db("supabase")}, "nuget microsoft.entityframeworkcore": {o("entity-framework")}, "nuget dapper": {o("dapper")},
	"nuget restsharp": {h("restsharp")}, "nuget refit": {h("refit")}, "nuget flurl.http": {h("flurl")},

	// crates.io
	"cargo actix-web": {f("actix-web")}, "cargo axum": {f("axum")}, "cargo rocket": {f("rocket")}, "cargo warp": {f("warp")},
	"cargo tokio-postgres": {db("postgresql")}, "cargo postgres": {db("postgresql")}, "cargo mysql": {db("mysql")},
	"cargo mysql-async": {db("mysql")}, "cargo rusqlite": {db("sqlite")}, "cargo mongodb": {db("mongodb")}, "cargo redis": {db("redis")},
	"cargo tiberius": {db("sqlserver")}, "cargo scylla": {db("cassandra")}, "cargo aws-sdk-dynamodb": {db("dynamodb")},
	"cargo elasticsearch": {db("elasticsearch")}, "cargo neo4rs": {db("neo4j")},
	"cargo diesel": {o("diesel")}, "cargo sea-orm": {o("sea-orm")},
	"cargo reqwest": {h("reqwest")}, "cargo ureq": {h("ureq")},

	// Hex
	"hex phoenix": {f("phoenix")}, "hex postgrex": {db("postgresql")}, "hex myxql": {db("mysql")}, "hex ecto_sqlite3": {db("sqlite")},
	"hex mongodb_driver": {db("mongodb")}, "hex redix": {db("redis")}, "hex tds": {db("sqlserver")}, "hex ecto_sql": {o("ecto")},
	"hex httpoison": {h("httpoison")}, "hex tesla": {h("tesla")}, "hex req": {h("req")}, "hex finch": {h("finch")},
}

// prefixes match whole families: Maven groups, NuGet namespaces, Go module
// paths with a major-version suffix.
var prefixes = []struct {
	eco, prefix string
	tags        []tag
}{
	{"maven", "org.springframework.boot:", []tag{f("spring-boot")}},
	{"maven", "io.quarkus:", []tag{f("quarkus")}},
	{"maven", "io.micronaut:", []tag{f("micronaut")}},
	{"maven", "io.micronaut.", []tag{f("micronaut")}},
	{"maven", "io.ktor:ktor-server", []tag{f("ktor")}},
	{"maven", "org.mongodb:", []tag{db("mongodb")}},
	{"maven", "com.oracle.database.jdbc:", []tag{db("oracle")}},
	{"maven", "com.datastax.oss:", []tag{db("cassandra")}},
	{"maven", "software.amazon.awssdk:dynamodb", []tag{db("dynamodb")}},
	{"maven", "org.mybatis", []tag{o("mybatis")}},
	{"maven", "io.github.openfeign:", []tag{h("feign")}},
	{"nuget", "microsoft.aspnetcore.", []tag{f("aspnet-core")}},
	{"nuget", "oracle.manageddataaccess", []tag{db("oracle")}},
	{"npm", "@mikro-orm/", []tag{o("mikro-orm")}},
}

// goModule strips a Go major-version suffix and subpackage so rules name a
// module once: github.com/labstack/echo/v4 -> github.com/labstack/echo.
var goMajor = regexp.MustCompile(`/v[0-9]+$`)

// lookup returns the tags for a dependency.
func lookup(eco, name string) []tag {
	n := normName(eco, name)
	if eco == "go" {
		n = goMajor.ReplaceAllString(n, "")
		// Submodules of a module family (pgx/v5/stdlib is not a module,
		// but aws-sdk-go-v2/service/dynamodb is): try the path and its
		// parents, longest first.
		for p := n; strings.Count(p, "/") >= 1; p = p[:strings.LastIndexByte(p, '/')] {
			if t, ok := exact["go "+goMajor.ReplaceAllString(p, "")]; ok {
				return t
			}
		}
		return nil
	}
	if t, ok := exact[eco+" "+n]; ok {
		return t
	}
	for _, p := range prefixes {
		if p.eco == eco && strings.HasPrefix(n, p.prefix) {
			return p.tags
		}
	}
	return nil
}

var pep503 = regexp.MustCompile(`[-_.]+`)

// normName folds a name the way its registry does: PyPI by PEP 503, NuGet
// and Packagist case-insensitively, crates with - and _ alike.
func normName(eco, name string) string {
	switch eco {
	case "pypi":
		return pep503.ReplaceAllString(strings.ToLower(name), "-")
	case "nuget", "packagist", "rubygems":
		return strings.ToLower(name)
	case "cargo":
		return strings.ReplaceAll(name, "_", "-")
	}
	return name
}
