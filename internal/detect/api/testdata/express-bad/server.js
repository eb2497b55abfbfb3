const express = require('express');
const app = express();
const port = app.get('port') || 8080;

app.use(express.static('client/build'));
app.get('/', (req, res) => res.sendFile('index.html'));

app.listen(port);
