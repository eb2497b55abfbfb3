const notes = require('../../src/routes/notes');

// Empties the in-memory store between tests.
async function resetNotes() {
  notes.reset();
}

module.exports = { resetNotes };
