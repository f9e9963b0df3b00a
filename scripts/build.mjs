// Bundles the extension client, the language server, the CLI and the graph webview with esbuild.
// Runtime dependencies are bundled, so the .vsix and the npm package need no node_modules.
import * as esbuild from 'esbuild';

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

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The webview runs in the browser sandbox: one IIFE script (ELK included) and one stylesheet.
  {
    entryPoints: ['client/src/webview/main.ts', 'client/src/webview/graph.css'],
    outdir: 'dist/webview',
    bundle: true,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
    minify: true,
    sourcemap: false,
    // The minifier drops elkjs's header; its licence must travel with the bundle.
    banner: { js: '/*! Includes elkjs (Eclipse Layout Kernel for JavaScript), https://github.com/kieler/elkjs, EPL-2.0 */' },
    logLevel: 'warning',
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
