const request = require('supertest');
const app = require('../src/app');
test('health', async () => {
  expect((await request(app).get('/health')).body).toEqual({ ok: true });
});
