package security

import (
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
	"github.com/pathway-dev/pathway/internal/snapshot/snapshottest"
)

// bigRepo is the cost target of the detectors: 50,000 files in the tree,
// 5,000 of them with content (about 4 KiB each, realistic code and config).
func bigRepo() *snapshot.Repo {
	bodies := map[string]string{
		".js":         "const express = require('express');\nconst router = express.Router();\nconst { token } = require('./auth');\n\nrouter.get('/items/:id', async (req, res) => {\n  const item = await Item.findById(req.params.id);\n  if (!item) return res.status(404).json({ message: 'not found' });\n  res.json(item);\n});\n",
		".py":         "import os\nfrom fastapi import APIRouter, Depends\n\nrouter = APIRouter()\nSECRET_KEY = os.environ['SECRET_KEY']\n\n@router.get('/items/{item_id}')\nasync def read_item(item_id: int, token: str = Depends(oauth2_scheme)):\n    return {'item_id': item_id}\n",
		".java":       "package com.example.api;\n\nimport org.springframework.web.bind.annotation.*;\n\n@RestController\n@RequestMapping(\"/api/items\")\npublic class ItemController {\n    @GetMapping(\"/{id}\")\n    public Item get(@PathVariable long id) { return service.find(id); }\n}\n",
		".go":         "package api\n\nimport \"github.com/gin-gonic/gin\"\n\nfunc Register(r *gin.Engine) {\n\tr.GET(\"/items/:id\", getItem)\n\tr.POST(\"/items\", createItem)\n\tkey := c.GetHeader(\"X-Api-Key\")\n}\n",
		".yml":        "server:\n  port: 8080\nspring:\n  datasource:\n    password: ${DB_PASSWORD}\njwt:\n  secret: ${JWT_SECRET}\n",
		".md":         "# Notes\n\nSee the API docs. Tokens are issued by the auth service; keys rotate weekly.\n",
		".properties": "app.name=demo\napp.token.ttl=3600\nlogging.level.root=INFO\n",
	}
	exts := []string{".js", ".py", ".java", ".go", ".yml", ".md", ".properties"}
	return snapshottest.Large(50000, exts, bodies, map[string]string{
		"package.json":           `{"dependencies":{"jsonwebtoken":"9","bcrypt":"5","express":"4"}}`,
		"go.mod":                 "module x\nrequire github.com/golang-jwt/jwt/v5 v5.2.1\n",
		"requirements.txt":       "fastapi\npyjwt\n",
		".env":                   "JWT_SECRET=f3Kq9ZpL2vXw8RtY6mNb4HcJ\n",
		".github/dependabot.yml": "",
		"SECURITY.md":            "",
	})
}

func BenchmarkDetect(b *testing.B) {
	r := bigRepo()
	b.ResetTimer()
	for b.Loop() {
		Detect(r)
	}
}
