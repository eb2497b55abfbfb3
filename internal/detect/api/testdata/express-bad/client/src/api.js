import axios from 'axios';

const api = axios.create({ baseURL: '/api' });

export const listTodos = () => api.get('/todos');
export const addTodo = (todo) => api.post('/todos', todo);
export const removeTodo = (id) => axios.delete(`/api/todos/${id}`);
export const health = () => fetch('/health');
