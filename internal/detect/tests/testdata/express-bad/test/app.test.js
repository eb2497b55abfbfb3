describe('app', () => {
  it('works', () => {
    expect(true).toBe(true);
  });
  // it('serves /', async () => {
  //   const res = await request(app).get('/');
  //   expect(res.statusCode).toBe(200);
  // });
});
