module.exports = {
  testEnvironment: 'node',
  coverageThreshold: { global: { lines: 80 } },
};
