import axios from 'axios';

const api = axios.create({ baseURL: process.env.API_URL });

// The front end calls the API: these calls are not routes it serves.
export const loadFeed = () =>
  api.get(
    '/articles/feed',
    { params: { limit: 10 } },
  );

export const follow = (username: string) =>
  axios.post(
    '/api/profiles/' + username + '/follow',
  );
