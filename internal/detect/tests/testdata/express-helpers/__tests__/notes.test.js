const request = require('supertest');
const app = require('../src/app');
const { resetNotes } = require('./helpers/db');

beforeEach(resetNotes);

describe('notes', () => {
  it('rejects a note without text', async () => {
    const res = await request(app).post('/notes').send({});
    expect(res.statusCode).toBe(400);
  });

  it('creates a note', async () => {
    const res = await request(app).post('/notes').send({ text: 'buy milk' });
    expect(res.statusCode).toBe(201);
    expect(res.body.text).toBe('buy milk');
  });
});
