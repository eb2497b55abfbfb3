const express = require('express');
const app = express();
