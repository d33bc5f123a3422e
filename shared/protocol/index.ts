// The wire protocol shared by server and client.
export * from './errors.js';
export * from './events.js';
export * from './http.js';
export * from './server-events.js';
