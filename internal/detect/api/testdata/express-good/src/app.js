const express = require('express');
const usersRouter = require('./routes/users');
const authRoutes = require('./routes/auth');

const app = express();
app.use(express.json());
app.set('port', process.env.PORT || 3000);
app.use('/api/users', usersRouter);
app.use('/api/auth', authRoutes);
app.get('/health', (req, res) => res.json({ status: 'ok' }));

module.exports = app;
