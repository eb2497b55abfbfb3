const express = require('express');
const router = express.Router();
const users = require('../controllers/users');

router.get('/', users.list);
router.get('/:id', users.show);
router.post('/', users.create);
router.put('/:id', users.update);
router.delete('/:id', users.remove);
// router.patch('/:id', users.patch);

module.exports = router;
