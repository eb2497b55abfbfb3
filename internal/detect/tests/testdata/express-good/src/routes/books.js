const { Router } = require('express');
const router = Router();
const books = [];

router.get('/', (req, res) => res.json(books));
router.post('/', (req, res) => {
  if (!req.body.title) return res.status(400).json({ error: 'title required' });
  books.push(req.body);
  res.status(201).json(req.body);
});

module.exports = router;
