const express = require('express');
const session = require('express-session');
const passport = require('passport');
const config = require('./config');

const app = express();
app.use(session({ secret: config.sessionSecret, resave: false, saveUninitialized: false }));
app.use(passport.initialize());
app.use(passport.session());

module.exports = app;
