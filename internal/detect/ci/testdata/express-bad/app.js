var express = require('express');
var app = express();
module.exports = app;
