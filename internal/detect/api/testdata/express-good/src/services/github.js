const axios = require('axios');

async function repos(user) {
  const { data } = await axios.get(`https://api.github.com/users/${user}/repos`);
  return data;
}

module.exports = { repos };
