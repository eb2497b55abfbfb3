const request = require('supertest');
const app = require('../src/app');

const SESSION_SECRET = "test-secret-for-jest-only-1234";

test('rejects a bad password', async () => {
  const res = await request(app).post('/login').send({ email: 'a@b.c', password: 'wrong-password-123' });
  expect(res.status).toBe(401);
});
