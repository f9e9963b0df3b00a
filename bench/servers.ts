/**
 * The language servers the benchmark drives: ours and two peers, each started as its own process over
 * stdio with what it needs to check Compose files without touching the network.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientRequests } from './lspProcess';

export const ROOT = path.resolve(__dirname, '..');

export interface ServerUnderTest {
  readonly name: string;
  /** What the table calls it. */
  readonly title: string;
  readonly command: readonly string[];
  readonly initializationOptions: object;
  /** Answers to the server's requests to the client (settings). */
  readonly requests?: ClientRequests;
  /** Notifications sent once after `initialized`, before the document is opened. */
  readonly setUp?: readonly { readonly method: string; readonly params: object }[];
  /** The package the version is read from. */
  readonly packageDir: string;
  /** Fewer timed edits and queries than the default, for a peer that takes seconds for each. */
  readonly samples?: { readonly edits: number; readonly queries: number };
}

export const SHIPSHAPE: ServerUnderTest = {
  name: 'shipshape',
  title: 'Shipshape',
  command: [process.execPath, path.join(ROOT, 'dist', 'server.js'), '--stdio'],
  initializationOptions: { settings: { diagnostics: { debounceMs: 0 } } },
  packageDir: ROOT,
};

const COMPOSE_LS = path.join(ROOT, 'node_modules', '@microsoft', 'compose-language-service');
export const COMPOSE_PEER: ServerUnderTest = {
  name: 'compose-ls',
  title: '@microsoft/compose-language-service',
  // Its package declares Node >= 22, but the server runs on Node 20 (checked by this benchmark).
  command: [process.execPath, path.join(COMPOSE_LS, 'bin', 'docker-compose-langserver'), '--stdio'],
  initializationOptions: { diagnosticDelay: 0 },
  packageDir: COMPOSE_LS,
};

const YAML_LS = path.join(ROOT, 'node_modules', 'yaml-language-server');
/**
 * Red Hat's YAML server (what the VS Code YAML extension runs) with our vendored Compose schema bound to
 * every file, as a user of that extension would set it up. The schema store is off, so it fetches nothing.
 * It pulls its settings with `workspace/configuration` (sections yaml, http, [yaml], editor).
 */
const YAML_SETTINGS = {
  schemas: { [pathToFileURL(path.join(ROOT, 'schemas', 'compose-spec.json')).href]: '*.yaml' },
  schemaStore: { enable: false },
  validate: true,
  hover: true,
  completion: true,
  format: { enable: false },
};
export const YAML_PEER: ServerUnderTest = {
  name: 'yaml-ls',
  title: 'yaml-language-server',
  command: [process.execPath, path.join(YAML_LS, 'bin', 'yaml-language-server'), '--stdio'],
  initializationOptions: {},
  requests: {
    'workspace/configuration': (params) => (params as { items: { section?: string }[] }).items.map((item) => (item.section === 'yaml' ? YAML_SETTINGS : {})),
  },
  setUp: [{ method: 'workspace/didChangeConfiguration', params: { settings: {} } }],
  packageDir: YAML_LS,
  // At 300 services it takes seconds per edit and per completion: 40 edits and 60 queries would take 15 minutes.
  samples: { edits: 6, queries: 20 },
};
