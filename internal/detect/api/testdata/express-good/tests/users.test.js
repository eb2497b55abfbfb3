const request = require('supertest');
const app = require('../src/app');

test('lists users', async () => {
  const res = await request(app).get('/api/users');
  expect(res.status).toBe(200);
});
