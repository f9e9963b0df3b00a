/**
 * What main.ts loads after answering `initialize`: the handlers and the language service with the vendored
 * schemas. It is bundled apart, as dist/server-core.js (scripts/build.mjs), so that starting the server
 * compiles and runs only what initialize needs (issue 18).
 */
export { VENDORED_SCHEMAS } from '../schemas/index';
export { startServer } from './server';
