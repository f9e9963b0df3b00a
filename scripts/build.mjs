// Bundles the extension client, the language server, the CLI and the graph webview with esbuild.
// Runtime dependencies are bundled, so the .vsix and the npm package need no node_modules.
// `--e2e` bundles the end-to-end suites instead (test/e2e -> dist/e2e, outside both packages' file lists).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // `ipaddr.js` and `yaml` ship CommonJS; keep bundles deterministic and readable in stack traces.
  minify: false,
};

// Each suite folder's index.ts (the extensionTestsPath module) and *.test.ts files; mocha stays external so
// it resolves from node_modules beside the bundles, and `vscode` is provided by the extension host.
const e2eEntries = ['extension', 'packaged', 'peers-suite'].flatMap((suite) =>
  fs.readdirSync(`test/e2e/${suite}`).filter((name) => name.endsWith('.ts')).map((name) => `test/e2e/${suite}/${name}`),
);
const e2eBuilds = [{ ...common, entryPoints: e2eEntries, outbase: 'test/e2e', outdir: 'dist/e2e', external: ['vscode', 'mocha'] }];

const webview = {
  bundle: true,
  platform: 'browser',
  target: 'chrome114',
  format: 'iife',
  minify: true,
  sourcemap: false,
  // The minifier drops elkjs's header; its licence must travel with the bundle.
  banner: { js: '/*! Includes elkjs (Eclipse Layout Kernel for JavaScript), https://github.com/kieler/elkjs, EPL-2.0 */' },
  logLevel: 'warning',
};

/** The layout worker's bundled code (rebuilt on every build; `--watch` does not see worker-only edits). */
async function workerSource() {
  const result = await esbuild.build({ ...webview, entryPoints: ['client/src/webview/layoutWorker.ts'], write: false });
  return result.outputFiles[0].text;
}

/** Resolves `filter` (imported from `importer`, when given) to `file` beside the bundle, loaded at run time. */
function loadedBeside(name, filter, file, importer) {
  return {
    name,
    setup(build) {
      build.onResolve({ filter }, (args) => (importer === undefined || args.importer === path.resolve(importer) ? { path: file, external: true } : undefined));
    },
  };
}
const languageServerLibrary = loadedBeside('vscode-languageserver', /^vscode-languageserver(\/node)?$/, './vscode-languageserver.js');
const serverCore = loadedBeside('server-core', /^\.\/core$/, './server-core.js', 'server/src/lsp/main.ts');

/**
 * dist/server.js names only the token legend from the core (lsp/capabilities.ts): marking the core's modules
 * free of side effects lets esbuild leave out the modules the legend's module imports, which its lists do
 * not need (the whole core: yaml, the analyses, the schemas). They load with dist/server-core.js.
 */
const CORE_DIR = path.resolve('server/src/service') + path.sep;
const coreTakenByName = {
  name: 'core-taken-by-name',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'resolving' });
      return resolved.errors.length === 0 && resolved.path.startsWith(CORE_DIR) ? { path: resolved.path, sideEffects: false } : undefined;
    });
  },
};

const builds = process.argv.includes('--e2e') ? e2eBuilds : [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The language server is three files, so that answering `initialize` compiles and runs little (issue 18).
  // dist/server.js (lsp/main.ts) answers it and loads dist/server-core.js (lsp/core.ts: the handlers and the
  // language service, most of the code) at the next message; both take the protocol library from
  // dist/vscode-languageserver.js, so there is one copy of it (the connection tells a handler's
  // ResponseError from a result with instanceof).
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, plugins: [languageServerLibrary, serverCore, coreTakenByName] },
  { ...common, entryPoints: ['server/src/lsp/core.ts'], outfile: 'dist/server-core.js', plugins: [languageServerLibrary] },
  { ...common, entryPoints: ['vscode-languageserver/node'], outfile: 'dist/vscode-languageserver.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The webview runs in the browser sandbox: one IIFE script and one stylesheet. The layout worker (ELK
  // included) is bundled first and handed to the page script as a string: webview resources are
  // cross-origin to the page, so the worker starts from a blob: URL (see layoutRunner.ts).
  {
    ...webview,
    entryPoints: ['client/src/webview/main.ts', 'client/src/webview/graph.css'],
    outdir: 'dist/webview',
    define: { LAYOUT_WORKER_SOURCE: JSON.stringify(await workerSource()) },
  },
];

// The schema validators are generated first: the server, the CLI and the tests import them.
const { writeValidators } = await tsImport('./generateValidators.ts', import.meta.url);
writeValidators();

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
