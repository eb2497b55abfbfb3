package api

import (
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
	"github.com/pathway-dev/pathway/internal/snapshot/snapshottest"
)

// bigRepo is the cost target of the detectors: 50,000 files in the tree,
// 5,000 of them with content (about 4 KiB each).
func bigRepo() *snapshot.Repo {
	bodies := map[string]string{
		".js":   "const express = require('express');\nconst router = express.Router();\nconst axios = require('axios');\n\nrouter.get('/items/:id', async (req, res) => {\n  const item = await Item.findById(req.params.id);\n  if (!item) return res.status(404).json({ message: 'not found' });\n  res.json(item);\n});\n",
		".py":   "import os\nfrom fastapi import APIRouter, Depends\n\nrouter = APIRouter()\n\n@router.get('/items/{item_id}')\nasync def read_item(item_id: int):\n    return {'item_id': item_id}\n",
		".java": "package com.example.api;\n\nimport org.springframework.web.bind.annotation.*;\n\n@RestController\n@RequestMapping(\"/api/items\")\npublic class ItemController {\n    @GetMapping(\"/{id}\")\n    public Item get(@PathVariable long id) { return service.find(id); }\n}\n",
		".go":   "package api\n\nimport \"github.com/gin-gonic/gin\"\n\nfunc Register(r *gin.Engine) {\n\tr.GET(\"/items/:id\", getItem)\n\tr.POST(\"/items\", createItem)\n}\n",
		".yml":  "server:\n  port: 8080\nspring:\n  datasource:\n    url: ${DB_URL}\n",
		".json": "{\n  \"name\": \"fixture\",\n  \"items\": [1, 2, 3]\n}\n",
		".md":   "# Notes\n\nSee the API docs.\n",
	}
	exts := []string{".js", ".py", ".java", ".go", ".yml", ".json", ".md"}
	return snapshottest.Large(50000, exts, bodies, map[string]string{"README.md": "# big\n\n## Install\n\n## API\n"})
}

func BenchmarkDetect(b *testing.B) {
	r := bigRepo()
	b.ResetTimer()
	for b.Loop() {
		Detect(r)
	}
}
