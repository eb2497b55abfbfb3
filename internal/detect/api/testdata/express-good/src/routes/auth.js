const { Router } = require('express');
const auth = Router();

auth.post('/login', (req, res) => res.json({}));
auth.post('/logout', (req, res) => res.status(204).end());

module.exports = auth;
