const { Router } = require('express');
const router = Router();
const notes = [];

router.get('/', (req, res) => res.json(notes));
router.post('/', (req, res) => {
  if (!req.body.text) return res.status(400).json({ error: 'text required' });
  notes.push(req.body);
  res.status(201).json(req.body);
});
router.reset = () => notes.splice(0);

module.exports = router;
